import type { AppDeps } from '../app-deps';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now'>;

/** How late a delivery must be before the sweep assumes its job was lost. */
const GRACE_MS = 2 * 60_000;

/**
 * Re-queues deliveries whose job went missing: pending rows that were never enqueued (the
 * queue refused), retries whose due time passed long ago, and attempts left in flight by a
 * process that died. Cross-workspace plumbing, like the job queue itself.
 */
export async function sweepWebhookDeliveries(deps: Deps): Promise<number> {
  const cutoff = new Date(deps.now().getTime() - GRACE_MS);
  const stranded = await deps.db
    .selectFrom('webhook_deliveries')
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
      'deliver-webhook',
      { deliveryId: d.id },
      { singletonKey: `webhook:${d.id}:${d.attempts + 1}` },
    );
  }
  if (stranded.length) deps.log.warn({ count: stranded.length }, 're-queued stranded webhook deliveries');
  return stranded.length;
}
