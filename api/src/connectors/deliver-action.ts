import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { type ConnectorAction, ConnectorError, connectorActionSchema, kindsFor } from './connector';
import { loadConnector } from './connector-store';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now' | 'config' | 'secret' | 'previousSecret'>;
type QueueDeps = Pick<AppDeps, 'db' | 'jobs' | 'log'>;

/** Attempts per delivery: the first plus five retries, 30 s … 8 min apart by default. */
export const MAX_ATTEMPTS = 6;
/** A vendor asking for more than this is answered with a failure rather than an hour-long wait. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;
const STALE_ATTEMPT_MS = 60_000;
/** What a delivery held for a connector that lost its authorization says in the log. */
export const WAITING_FOR_REAUTH = 'waiting for the connector to be connected again';

/**
 * Queues `action` on every enabled connector of the workspace that can carry it (or on
 * `connectorId` only): one
 * delivery row each plus a job. `key` makes the same event reach a connector once.
 * Returns the new delivery ids (none when no connector fits, or the key was seen).
 */
export async function queueConnectorAction(
  deps: QueueDeps,
  ws: Ws,
  action: ConnectorAction,
  key: string | null,
  connectorId?: string,
): Promise<string[]> {
  let q = tenant(deps.db, ws)
    .selectFrom('connectors')
    .select('id')
    .where('enabled', '=', true)
    .where('kind', 'in', kindsFor(action));
  if (connectorId) q = q.where('id', '=', connectorId);
  const connectors = await q.execute();
  if (connectors.length === 0) return [];
  const rows = await deps.db
    .insertInto('connector_deliveries')
    .values(
      connectors.map((c) => ({
        workspace_id: ws.id,
        connector_id: c.id,
        action: connectorActionSchema.parse(action),
        event_key: key,
      })),
    )
    .onConflict((oc) => oc.columns(['connector_id', 'event_key']).doNothing())
    .returning('id')
    .execute();
  for (const { id } of rows) {
    try {
      await deps.jobs.send('deliver-connector-action', { deliveryId: id }, { singletonKey: `connector:${id}:1` });
    } catch (err) {
      // The row stays pending; a queue hiccup must not fail the caller's own work.
      deps.log.error({ err, deliveryId: id }, 'could not enqueue a connector delivery');
    }
  }
  return rows.map((r) => r.id);
}

/** Queues again the deliveries held while the connector waited for new credentials. */
export async function resumeHeldDeliveries(deps: QueueDeps, ws: Ws, connectorId: string): Promise<number> {
  const held = await tenant(deps.db, ws)
    .selectFrom('connector_deliveries')
    .select(['id', 'attempts'])
    .where('connector_id', '=', connectorId)
    .where('status', '=', 'pending')
    .where('last_error', '=', WAITING_FOR_REAUTH)
    .execute();
  for (const { id, attempts } of held)
    await deps.jobs.send(
      'deliver-connector-action',
      { deliveryId: id },
      // A fresh key: the job that held it used this attempt's key, and a singleton would drop the resume.
      { singletonKey: `connector:${id}:${attempts + 1}:resumed` },
    );
  return held.length;
}

/** Backoff before attempt n+1 after n failed attempts, or the vendor's Retry-After when longer. */
export function nextAttemptDelayMs(baseMs: number, failedAttempts: number, retryAfterMs?: number): number {
  return Math.max(baseMs * 2 ** (failedAttempts - 1), retryAfterMs ?? 0);
}

/**
 * One attempt of one delivery (the `deliver-connector-action` job): claims the row, opens
 * the connector, delivers, and records the outcome; retryable faults are queued again with
 * backoff (Retry-After honoured) until MAX_ATTEMPTS. Never throws for the vendor's faults.
 */
export async function deliverConnectorAction(deps: Deps, deliveryId: string): Promise<void> {
  const now = deps.now();
  const claimed = await deps.db
    .updateTable('connector_deliveries')
    .set((eb) => ({
      status: 'delivering',
      attempts: eb('attempts', '+', 1),
      last_attempt_at: now,
      next_attempt_at: null,
    }))
    .where('id', '=', deliveryId)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['pending', 'retrying']),
        eb.and([
          eb('status', '=', 'delivering'),
          eb('last_attempt_at', '<', new Date(now.getTime() - STALE_ATTEMPT_MS)),
        ]),
      ]),
    )
    .returning(['id', 'workspace_id', 'connector_id', 'action', 'attempts'])
    .executeTakeFirst();
  if (!claimed) return;
  const ws = { id: claimed.workspace_id };
  const t = tenant(deps.db, ws);
  const log = deps.log.child({ deliveryId, workspaceId: ws.id, attempt: claimed.attempts });

  let failure: ConnectorError;
  try {
    const loaded = await loadConnector(deps, ws, { id: claimed.connector_id });
    if (!loaded?.enabled) throw new ConnectorError(loaded ? 'connector disabled' : 'connector removed', null, false);
    if (loaded.authError) {
      // Every attempt would be refused until someone connects again: hold the delivery
      // (its attempt not counted) rather than spend its retries; new credentials resume it.
      await t
        .updateTable('connector_deliveries')
        .set((eb) => ({ status: 'pending', attempts: eb('attempts', '-', 1), last_error: WAITING_FOR_REAUTH }))
        .where('id', '=', deliveryId)
        .execute();
      log.info('connector delivery held until the connector is connected again');
      return;
    }
    const receipt = await loaded.connector.deliver(connectorActionSchema.parse(claimed.action));
    await t
      .updateTable('connector_deliveries')
      .set({ status: 'delivered', last_status_code: receipt.status, last_error: null, delivered_at: deps.now() })
      .where('id', '=', deliveryId)
      .execute();
    log.info({ status: receipt.status }, 'connector action delivered');
    return;
  } catch (err) {
    failure = err instanceof ConnectorError ? err : new ConnectorError('unexpected error', null, true);
    if (!(err instanceof ConnectorError)) log.error({ err }, 'connector delivery failed unexpectedly');
  }
  const tooLong = (failure.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS;
  const last = !failure.retryable || tooLong || claimed.attempts >= MAX_ATTEMPTS;
  const nextAt = last
    ? null
    : new Date(
        deps.now().getTime() +
          nextAttemptDelayMs(deps.config.connectors.retryBaseMs, claimed.attempts, failure.retryAfterMs),
      );
  await t
    .updateTable('connector_deliveries')
    .set({
      status: last ? 'failed' : 'retrying',
      last_status_code: failure.status,
      last_error: failure.message.slice(0, 500),
      next_attempt_at: nextAt,
    })
    .where('id', '=', deliveryId)
    .execute();
  log.warn({ status: failure.status, error: failure.message, final: last }, 'connector attempt failed');
  if (nextAt)
    await deps.jobs.send(
      'deliver-connector-action',
      { deliveryId },
      { singletonKey: `connector:${deliveryId}:${claimed.attempts + 1}`, startAfter: nextAt },
    );
}

/** The delivery log of one connector, newest first; the action's summary, never credentials. */
export async function listConnectorDeliveries(deps: Pick<AppDeps, 'db'>, ws: Ws, connectorId: string, limit = 50) {
  const rows = await tenant(deps.db, ws)
    .selectFrom('connector_deliveries')
    .select([
      'id',
      'action',
      'status',
      'attempts',
      'last_status_code',
      'last_error',
      'created_at',
      'delivered_at',
      'next_attempt_at',
    ])
    .where('connector_id', '=', connectorId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action.type as string,
    summary: summarize(r.action),
    status: r.status,
    attempts: r.attempts,
    last_status_code: r.last_status_code,
    last_error: r.last_error,
    created_at: new Date(r.created_at).toISOString(),
    delivered_at: r.delivered_at ? new Date(r.delivered_at).toISOString() : null,
    next_attempt_at: r.next_attempt_at ? new Date(r.next_attempt_at).toISOString() : null,
  }));
}

function summarize(raw: Record<string, unknown>): string {
  const parsed = connectorActionSchema.safeParse(raw);
  if (!parsed.success) return '';
  const a = parsed.data;
  // The recipient only: a card's text can quote a customer, and the log is no place for it.
  if (a.type === 'slack.message') return 'email' in a.to ? a.to.email : `#${a.to.channel}`;
  if (a.type === 'crm.task') return `${a.owner_email ?? 'unassigned'}: ${a.subject}`;
  return `fields on ${a.crm_id}`;
}
