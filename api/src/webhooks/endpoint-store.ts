import type { AppDeps } from '../app-deps';
import { AppError, notFound } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { openSecret, sealSecret } from '../secrets/sealed-secrets';
import type { WebhookEventType } from './event-types';
import { generateSigningSecret, webhookMessageId } from './signing';
import { parseWebhookUrl, requireHttps, resolveWebhookTarget } from './ssrf-guard';

type Deps = Pick<AppDeps, 'db' | 'config' | 'secret' | 'previousSecret'>;

export type EndpointInput = { url: string; event_types: WebhookEventType[]; enabled?: boolean };
export type EndpointPatch = Partial<EndpointInput> & { rotate_secret?: boolean };

const endpointColumns = ['id', 'url', 'event_types', 'enabled', 'created_at'] as const;

type EndpointRow = { id: string; url: string; event_types: string[]; enabled: boolean; created_at: Date | string };

function present(row: EndpointRow) {
  return {
    id: row.id,
    url: row.url,
    event_types: row.event_types as WebhookEventType[],
    enabled: row.enabled,
    created_at: new Date(row.created_at).toISOString(),
  };
}

/** Refuses URLs that are malformed, not https (unless private targets are allowed) or resolve to non-public addresses. */
async function checkUrl(deps: Deps, raw: string): Promise<string> {
  const url = parseWebhookUrl(raw);
  const allow = deps.config.webhooks.allowPrivateTargets;
  const target = await resolveWebhookTarget(url, allow);
  if ('refused' in target) throw new AppError('invalid_request', target.refused);
  requireHttps(url, allow);
  return url.toString();
}

/** Creates an endpoint; the signing secret is returned here and on rotation only. */
export async function createEndpoint(deps: Deps, ws: Ws, input: EndpointInput) {
  const url = await checkUrl(deps, input.url);
  const secret = generateSigningSecret();
  const row = await tenant(deps.db, ws)
    .insertInto('webhook_endpoints')
    .values({
      url,
      secret: sealSecret(deps, 'webhook-secret', secret),
      event_types: [...new Set(input.event_types)],
      enabled: input.enabled ?? true,
    })
    .returning([...endpointColumns])
    .executeTakeFirstOrThrow();
  return { ...present(row), secret };
}

/** The workspace's endpoints, oldest first. */
export async function listEndpoints(deps: Pick<AppDeps, 'db'>, ws: Ws) {
  const rows = await tenant(deps.db, ws)
    .selectFrom('webhook_endpoints')
    .select([...endpointColumns])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(present);
}

/** One endpoint of this workspace (404 otherwise). */
export async function getEndpoint(deps: Pick<AppDeps, 'db'>, ws: Ws, id: string) {
  const row = await tenant(deps.db, ws)
    .selectFrom('webhook_endpoints')
    .select([...endpointColumns])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Webhook endpoint');
  return present(row);
}

/** Changes url, events or enabled; `rotate_secret` issues a new secret and returns it once. */
export async function updateEndpoint(deps: Deps, ws: Ws, id: string, patch: EndpointPatch) {
  await getEndpoint(deps, ws, id);
  const secret = patch.rotate_secret ? generateSigningSecret() : undefined;
  const url = patch.url === undefined ? undefined : await checkUrl(deps, patch.url);
  const row = await tenant(deps.db, ws)
    .updateTable('webhook_endpoints')
    .set({
      ...(url !== undefined ? { url } : {}),
      ...(patch.event_types ? { event_types: [...new Set(patch.event_types)] } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      ...(secret ? { secret: sealSecret(deps, 'webhook-secret', secret) } : {}),
    })
    .where('id', '=', id)
    .returning([...endpointColumns])
    .executeTakeFirst();
  if (!row) throw notFound('Webhook endpoint');
  return { ...present(row), ...(secret ? { secret } : {}) };
}

/** Deletes the endpoint and its delivery log. */
export async function deleteEndpoint(deps: Pick<AppDeps, 'db'>, ws: Ws, id: string) {
  const res = await tenant(deps.db, ws).deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('Webhook endpoint');
}

/** pending → delivering → delivered, or retrying between attempts until failed. */
export type DeliveryStatus = 'pending' | 'delivering' | 'retrying' | 'delivered' | 'failed';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The endpoint's delivery log, newest first. */
export async function listDeliveries(deps: Pick<AppDeps, 'db'>, ws: Ws, endpointId: string, limit: number) {
  await getEndpoint(deps, ws, endpointId);
  const rows = await tenant(deps.db, ws)
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'event_type',
      'payload',
      'status',
      'attempts',
      'last_status_code',
      'last_error',
      'created_at',
      'last_attempt_at',
      'next_attempt_at',
      'delivered_at',
    ])
    .where('endpoint_id', '=', endpointId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    webhook_id: webhookMessageId(r.id),
    event_type: r.event_type,
    status: r.status as DeliveryStatus,
    attempts: r.attempts,
    last_status_code: r.last_status_code,
    last_error: r.last_error,
    payload: r.payload,
    created_at: iso(r.created_at),
    last_attempt_at: iso(r.last_attempt_at),
    next_attempt_at: iso(r.next_attempt_at),
    delivered_at: iso(r.delivered_at),
  }));
}

/** The endpoint's current signing secret, for an admin who asked to see it. */
export async function readEndpointSecret(
  deps: Pick<AppDeps, 'db' | 'secret' | 'previousSecret'>,
  ws: Ws,
  id: string,
): Promise<string> {
  const row = await tenant(deps.db, ws)
    .selectFrom('webhook_endpoints')
    .select('secret')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Webhook endpoint');
  return openSecret(deps, 'webhook-secret', row.secret);
}
