import { listQuery, momentSchema } from '@candor/shared';
import type { InsightsFilters } from '@candor/shared/console';
import { z } from 'zod';
import { AppError } from '../app-error';
import type { PortfolioScope } from '../synthesis/portfolio-scope';
import { TREND_WEEKS } from '../synthesis/portfolio-scope';

const DAY = 86_400_000;
const isoDate = z.iso.date();
/** The longest range a page of Insights covers. */
const MAX_RANGE_DAYS = 366;

/**
 * The Insights page's filters, as the console keeps them in its URL: owner (a CSM's
 * email, or `none` for accounts without one), plan, moment, and a date range of UTC days
 * (default: the last 12 weeks, today included). `expansion_page` pages the pipeline.
 */
export const insightsQuery = listQuery({
  owner: z.string().trim().min(1).max(320).optional(),
  plan: z.string().trim().min(1).max(200).optional(),
  moment: momentSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  expansion_page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type InsightsQuery = z.infer<typeof insightsQuery>;

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
