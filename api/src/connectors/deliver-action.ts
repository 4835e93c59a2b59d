import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { claimDelivery, recordDelivered, recordFailedAttempt } from '../deliveries/delivery-attempts';
import { type ConnectorAction, ConnectorError, connectorActionSchema, kindsFor } from './connector';
import { loadConnector } from './connector-store';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now' | 'config' | 'secret' | 'previousSecret'>;
type QueueDeps = Pick<AppDeps, 'db' | 'jobs' | 'log'>;

/** A vendor asking for more than this is answered with a failure rather than an hour-long wait. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;
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

/**
 * One attempt of one delivery (the `deliver-connector-action` job): claims the row, opens
 * the connector, delivers, and records the outcome; retryable faults are queued again with
 * backoff (Retry-After honoured) until MAX_ATTEMPTS. Never throws for the vendor's faults.
 */
export async function deliverConnectorAction(deps: Deps, deliveryId: string): Promise<void> {
  const claimed = await claimDelivery(deps, 'connector_deliveries', deliveryId);
  if (!claimed) return;
  const ws = { id: claimed.workspace_id };
  const t = tenant(deps.db, ws);
  const log = deps.log.child({ deliveryId, workspaceId: ws.id, attempt: claimed.attempts });

  let failure: ConnectorError;
  try {
    const delivery = await t
      .selectFrom('connector_deliveries')
      .select(['connector_id', 'action'])
      .where('id', '=', deliveryId)
      .executeTakeFirstOrThrow();
    const loaded = await loadConnector(deps, ws, { id: delivery.connector_id });
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
    const receipt = await loaded.connector.deliver(connectorActionSchema.parse(delivery.action));
    await recordDelivered(deps, t, 'connector_deliveries', deliveryId, receipt.status);
    log.info({ status: receipt.status }, 'connector action delivered');
    return;
  } catch (err) {
    failure = err instanceof ConnectorError ? err : new ConnectorError('unexpected error', null, true);
    if (!(err instanceof ConnectorError)) log.error({ err }, 'connector delivery failed unexpectedly');
  }
  const final = await recordFailedAttempt(
    deps,
    t,
    {
      table: 'connector_deliveries',
      id: deliveryId,
      attempts: claimed.attempts,
      job: 'deliver-connector-action',
      keyPrefix: 'connector',
    },
    {
      status: failure.status,
      error: failure.message,
      final: !failure.retryable || (failure.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS,
      retryBaseMs: deps.config.connectors.retryBaseMs,
      ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
    },
  );
  log.warn({ status: failure.status, error: failure.message, final }, 'connector attempt failed');
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
