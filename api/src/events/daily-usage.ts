import { sql } from 'kysely';
import type { Tenant } from '../db/tenant';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export type UsageWindows = { recent: number; previous: number };

/**
 * Usage events per account over the last `days` UTC days (today included) and the `days`
 * before them, read from the daily rollup that triggers on `events` keep (migration 0016):
 * a few rows per account, whatever the number of events. Accounts with no usage in either
 * window are absent. `accountIds` narrows it to those accounts.
 */
export async function usageWindows(
  t: Tenant,
  now: Date,
  days: number,
  accountIds?: string[],
): Promise<Map<string, UsageWindows>> {
  const today = isoDay(now.getTime());
  const split = isoDay(now.getTime() - days * DAY);
  const since = isoDay(now.getTime() - 2 * days * DAY);
  let q = t
    .selectFrom('account_daily_usage')
    .select([
      'account_id',
      sql<string>`coalesce(sum(usage_events) filter (where day > ${split}::date), 0)`.as('recent'),
      sql<string>`coalesce(sum(usage_events) filter (where day <= ${split}::date), 0)`.as('previous'),
    ])
    .where('day', '>', since)
    .where('day', '<=', today)
    .groupBy('account_id');
  if (accountIds) q = q.where('account_id', 'in', accountIds);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.account_id, { recent: Number(r.recent), previous: Number(r.previous) }]));
}
