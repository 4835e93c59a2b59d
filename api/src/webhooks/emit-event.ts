import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { notFound } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import type { WebhookEventType, WebhookMessageType } from './event-types';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now'>;

/** The body every receiver gets (Standard Webhooks' recommended shape). */
export type WebhookPayload = { type: WebhookMessageType; timestamp: string; data: Record<string, unknown> };

/**
 * Queues `type` for every enabled endpoint of the workspace subscribed to it: one delivery
 * row each plus a `deliver-webhook` job. With `key`, the same event is queued at most once
 * per endpoint, so callers that may run twice (job retries, re-extraction) stay quiet.
 * Returns the new delivery ids.
 */
export async function emitWebhookEvent(
  deps: Deps,
  ws: Ws,
  type: WebhookEventType,
  data: Record<string, unknown>,
  options: { key?: string } = {},
): Promise<string[]> {
  const t = tenant(deps.db, ws);
  const endpoints = await t
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('enabled', '=', true)
    .where(sql<boolean>`${type} = any(event_types)`)
    .execute();
  if (endpoints.length === 0) return [];
  const payload: WebhookPayload = { type, timestamp: deps.now().toISOString(), data };
  const rows = await deps.db
    .insertInto('webhook_deliveries')
    .values(
      endpoints.map((e) => ({
        workspace_id: ws.id,
        endpoint_id: e.id,
        event_type: type,
        payload,
        event_key: options.key ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_key']).doNothing())
    .returning('id')
    .execute();
  const ids = rows.map((r) => r.id);
  await enqueueDeliveries(deps, ids);
  return ids;
}

/** Queues a `webhook.test` message to one endpoint, subscribed or not. */
export async function sendTestEvent(deps: Deps, ws: Ws, endpointId: string): Promise<string> {
  const id = await sendToEndpoint(deps, ws, endpointId, 'webhook.test', {
    message: 'A test event from Candor. Your endpoint is receiving signed webhooks.',
  });
  if (!id) throw notFound('Webhook endpoint');
  return id;
}

/**
 * Queues one message to one endpoint of the workspace, whatever it subscribes to (a play's
 * webhook step names its endpoint). With `key`, queued at most once per endpoint. Returns
 * the delivery id, or null when the key was already used (or the endpoint is gone).
 */
export async function sendToEndpoint(
  deps: Deps,
  ws: Ws,
  endpointId: string,
  type: Exclude<WebhookMessageType, WebhookEventType>,
  data: Record<string, unknown>,
  options: { key?: string } = {},
): Promise<string | null> {
  const t = tenant(deps.db, ws);
  const endpoint = await t.selectFrom('webhook_endpoints').select('id').where('id', '=', endpointId).executeTakeFirst();
  if (!endpoint) return null;
  const payload: WebhookPayload = { type, timestamp: deps.now().toISOString(), data };
  const row = await t
    .insertInto('webhook_deliveries')
    .values({ endpoint_id: endpointId, event_type: type, payload, event_key: options.key ?? null })
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await enqueueDeliveries(deps, [row.id]);
  return row.id;
}

async function enqueueDeliveries(deps: Deps, ids: string[]) {
  for (const deliveryId of ids) {
    try {
      await deps.jobs.send('deliver-webhook', { deliveryId }, { singletonKey: `webhook:${deliveryId}:1` });
    } catch (err) {
      // The delivery row is stored as pending; a queue hiccup must not fail the caller's own work.
      deps.log.error({ err, deliveryId }, 'could not enqueue a webhook delivery');
    }
  }
}
