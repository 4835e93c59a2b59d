import type { AppDeps } from '../app-deps';
import type { Tenant } from '../db/tenant';

/**
 * The attempt bookkeeping that webhook and connector deliveries share: both logs have the
 * same status columns, are claimed one attempt at a time, and retry with backoff until
 * MAX_ATTEMPTS. What is sent, and to whom, stays with each kind.
 */
type DeliveryTable = 'webhook_deliveries' | 'connector_deliveries';
type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now'>;

/** Attempts per delivery: the first plus five retries (30 s … 8 min apart by default). */
export const MAX_ATTEMPTS = 6;
/** An attempt still marked in flight after this long was lost with its process and may be claimed again. */
const STALE_ATTEMPT_MS = 60_000;

/** Backoff before attempt n+1 after n failed attempts (base, 2×base, 4×base, …), or the receiver's Retry-After when longer. */
export function nextAttemptDelayMs(baseMs: number, failedAttempts: number, retryAfterMs?: number): number {
  return Math.max(baseMs * 2 ** (failedAttempts - 1), retryAfterMs ?? 0);
}

/**
 * Claims one attempt of a delivery: counts it and marks it in flight, unless it is already
 * delivered, failed, or in flight elsewhere (then undefined).
 */
export async function claimDelivery(deps: Deps, table: DeliveryTable, deliveryId: string) {
  const now = deps.now();
  return deps.db
    .updateTable(table)
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
    .returning(['id', 'workspace_id', 'attempts'])
    .executeTakeFirst();
}

export async function recordDelivered(
  deps: Pick<AppDeps, 'now'>,
  t: Tenant,
  table: DeliveryTable,
  deliveryId: string,
  status: number | null,
) {
  await t
    .updateTable(table)
    .set({ status: 'delivered', last_status_code: status, last_error: null, delivered_at: deps.now() })
    .where('id', '=', deliveryId)
    .execute();
}

/**
 * Records a failed attempt and queues the next one with backoff, or marks the delivery
 * failed when it was the last (`final`, or MAX_ATTEMPTS reached). Returns whether it was.
 */
export async function recordFailedAttempt(
  deps: Deps,
  t: Tenant,
  delivery: {
    table: DeliveryTable;
    id: string;
    attempts: number;
    job: 'deliver-webhook' | 'deliver-connector-action';
    keyPrefix: string;
  },
  failure: { status: number | null; error: string; final: boolean; retryBaseMs: number; retryAfterMs?: number },
): Promise<boolean> {
  const last = failure.final || delivery.attempts >= MAX_ATTEMPTS;
  const nextAt = last
    ? null
    : new Date(deps.now().getTime() + nextAttemptDelayMs(failure.retryBaseMs, delivery.attempts, failure.retryAfterMs));
  await t
    .updateTable(delivery.table)
    .set({
      status: last ? 'failed' : 'retrying',
      last_status_code: failure.status,
      last_error: failure.error.slice(0, 500),
      next_attempt_at: nextAt,
    })
    .where('id', '=', delivery.id)
    .execute();
  if (nextAt)
    await deps.jobs.send(
      delivery.job,
      { deliveryId: delivery.id },
      { singletonKey: `${delivery.keyPrefix}:${delivery.id}:${delivery.attempts + 1}`, startAfter: nextAt },
    );
  return last;
}
