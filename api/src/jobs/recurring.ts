import type { Jobs } from './jobs';

/**
 * Jobs that run on a clock. pg-boss keeps one schedule per name in the database, so any
 * number of processes can register them and each tick still runs once.
 */
export async function scheduleRecurringJobs(jobs: Jobs): Promise<void> {
  // Schedules (renewal − 60 days, signup + 14 days), usage drops and attribute rules.
  await jobs.schedule('evaluate-triggers', '*/5 * * * *', {});
  // Interviews idle 30 minutes with an answer become abandoned and get extracted; a minute's lag is fine.
  await jobs.schedule('sweep-abandoned-interviews', '* * * * *', {});
  // Webhook and connector deliveries whose job was lost are re-queued; their own backoff is unaffected.
  await jobs.schedule('sweep-deliveries', '* * * * *', {});
  // This sweep was webhook-only under its old name: databases from before keep that schedule.
  await jobs.unschedule('sweep-webhook-deliveries');
  // Usage trends move health states even without new interviews.
  await jobs.schedule('recompute-all-health', '0 5 * * *', {});
  // After health, so each brief carries the day's health reasons.
  await jobs.schedule('renewal-briefs', '30 5 * * *', {});
  // Hourly, because "Monday 07:00" is a different hour in every workspace's time zone.
  await jobs.schedule('weekly-briefings', '5 * * * *', {});
  // Accounts, owners, ARR and renewals in from connected CRMs; idempotent, so hourly is cheap.
  await jobs.schedule('sync-crm-accounts', '20 * * * *', {});
  // Retention: daily, at a quiet hour; a period is measured in days, so once a day is exact enough.
  await jobs.schedule('erase-expired-transcripts', '45 3 * * *', {});
}
