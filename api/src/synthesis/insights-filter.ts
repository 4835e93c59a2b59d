import type { InsightsFilters, InsightsQuery } from '@candor/shared/console';
import { AppError } from '../app-error';
import { type PortfolioScope, TREND_WEEKS } from './portfolio-scope';

const DAY = 86_400_000;
/** The longest range a page of Insights covers. */
const MAX_RANGE_DAYS = 366;

/** The filters with their defaults filled in, and the portfolio scope they select. */
export function resolveInsightsFilters(
  q: InsightsQuery,
  now: Date,
): { filters: InsightsFilters; scope: PortfolioScope } {
  const to = q.to ?? now.toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(to) - (TREND_WEEKS * 7 - 1) * DAY).toISOString().slice(0, 10);
  if (from > to) throw new AppError('invalid_request', 'from: must not be after to');
  if ((Date.parse(to) - Date.parse(from)) / DAY >= MAX_RANGE_DAYS)
    throw new AppError('invalid_request', `from: the range is at most ${MAX_RANGE_DAYS} days`);
  const filters = { owner: q.owner ?? null, plan: q.plan ?? null, moment: q.moment ?? null, from, to };
  const scope: PortfolioScope = {
    since: new Date(`${from}T00:00:00Z`),
    // `to` is a whole day.
    until: new Date(Date.parse(`${to}T00:00:00Z`) + DAY),
    ...(q.owner ? { ownerEmail: q.owner === 'none' ? null : q.owner } : {}),
    ...(q.plan ? { plan: q.plan } : {}),
    ...(q.moment ? { moment: q.moment } : {}),
  };
  return { filters, scope };
}
