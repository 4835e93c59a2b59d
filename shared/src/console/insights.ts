import { z } from 'zod';
import { momentSchema } from '../guide';
import { listQuery } from '../list-query';
import { pagedSchema } from './common';

const isoDate = z.iso.date();

/**
 * The Insights page's filters, as the console keeps them in its URL: owner (a CSM's
 * email, or `none` for accounts without one), plan, moment, and a date range of UTC days
 * (default: the last 12 weeks, today included). `expansion_page` pages the pipeline.
 */
export const insightsQuerySchema = listQuery({
  owner: z.string().trim().min(1).max(320).optional(),
  plan: z.string().trim().min(1).max(200).optional(),
  moment: momentSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  expansion_page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;

const count = z.number().int();

/** The filters an Insights answer covers, defaults filled in. */
export const insightsFiltersSchema = z
  .object({
    owner: z.string().nullable(),
    plan: z.string().nullable(),
    moment: z.string().nullable(),
    from: z.string().describe('YYYY-MM-DD, included'),
    to: z.string().describe('YYYY-MM-DD, included'),
  })
  .meta({ id: 'InsightsFilters' });
export type InsightsFilters = z.infer<typeof insightsFiltersSchema>;

/** The Insights page: signals by kind, churn reasons with ARR at risk and trend, feature requests, expansion pipeline. */
export const insightsSchema = z
  .object({
    filters: insightsFiltersSchema,
    weeks: z.array(z.string()).describe('The 12 trend weeks (Mondays, YYYY-MM-DD), oldest first'),
    signal_counts: z.array(z.object({ kind: z.string(), count })),
    churn_reasons: z.array(
      z.object({
        reason: z.string(),
        label: z.string(),
        count,
        accounts: count,
        arr_at_risk_cents: count,
        quote: z.string().nullable(),
        weekly: z.array(z.object({ week: z.string(), signals: count, arr_at_risk_cents: count })),
      }),
    ),
    churn_reasons_total: count,
    feature_requests: z.array(
      z.object({ label: z.string(), count, accounts: count, arr_cents: count, quote: z.string().nullable() }),
    ),
    expansion: pagedSchema(
      z.object({
        account_id: z.string(),
        account_name: z.string(),
        arr_cents: count.nullable(),
        signals: count,
        label: z.string(),
        quote: z.string().nullable().describe('Null once the retention policy erased it'),
        interview_id: z.string(),
        at: z.string(),
      }),
    ),
  })
  .meta({ id: 'Insights' });
export type Insights = z.infer<typeof insightsSchema>;
