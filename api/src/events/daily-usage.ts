import { INTERNAL_EVENTS } from '@candor/migrations';
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

/**
 * Candor's one definition of usage: every event but the internal ones (a CSM's touch, a
 * meeting, what Candor records itself). The rollup's trigger function excludes the same
 * list, which lives with the migration that installed it.
 */
export { INTERNAL_EVENTS };

/**
 * An account's most frequent usage events over the same `days` UTC days `usageWindows`
 * counts as recent (today included), so the breakdown is a part of the rollup's figure.
 */
export async function topUsageEvents(t: Tenant, accountId: string, now: Date, days: number, limit = 5) {
  const todayStart = Date.parse(`${isoDay(now.getTime())}T00:00:00Z`);
  const rows = await t
    .selectFrom('events')
    .select(['name', sql<string>`count(*)`.as('n')])
    .where('account_id', '=', accountId)
    .where('occurred_at', '>=', new Date(todayStart - (days - 1) * DAY))
    .where('occurred_at', '<', new Date(todayStart + DAY))
    .where('name', 'not in', [...INTERNAL_EVENTS])
    .groupBy('name')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ name: r.name, count: Number(r.n) }));
}
