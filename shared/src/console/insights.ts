import { z } from 'zod';
import { pagedSchema } from './common';

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
