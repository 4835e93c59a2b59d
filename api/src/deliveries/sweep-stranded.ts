import type { AppDeps } from '../app-deps';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now'>;

/** How late a delivery must be before the sweep assumes its job was lost. */
const GRACE_MS = 2 * 60_000;

/** The outgoing deliveries that each run as one job per attempt, and that job. */
const deliveryQueues = [
  { table: 'webhook_deliveries', job: 'deliver-webhook', keyPrefix: 'webhook' },
  { table: 'connector_deliveries', job: 'deliver-connector-action', keyPrefix: 'connector' },
] as const;

/**
 * Re-queues deliveries whose job went missing — webhooks and connector actions alike:
 * pending rows that were never enqueued (the queue refused), retries whose due time passed
 * long ago, and attempts left in flight by a process that died. Cross-workspace plumbing,
 * like the job queue itself.
 */
export async function sweepStrandedDeliveries(deps: Deps): Promise<number> {
  const cutoff = new Date(deps.now().getTime() - GRACE_MS);
  let total = 0;
  for (const queue of deliveryQueues) {
    const stranded = await deps.db
      .selectFrom(queue.table)
      .select(['id', 'attempts'])
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('created_at', '<', cutoff)]),
          eb.and([eb('status', '=', 'retrying'), eb('next_attempt_at', '<', cutoff)]),
          eb.and([eb('status', '=', 'delivering'), eb('last_attempt_at', '<', cutoff)]),
        ]),
      )
      .limit(500)
      .execute();
    for (const d of stranded) {
      // The same key as the attempt's own job, so a job that is merely late is not doubled.
      await deps.jobs.send(
        queue.job,
        { deliveryId: d.id },
        { singletonKey: `${queue.keyPrefix}:${d.id}:${d.attempts + 1}` },
      );
    }
    if (stranded.length) deps.log.warn({ count: stranded.length, table: queue.table }, 're-queued stranded deliveries');
    total += stranded.length;
  }
  return total;
}
