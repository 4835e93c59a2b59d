import { z } from '@hono/zod-openapi';

/** Response shapes of `/v1/operating-model/…`, declared once for the OpenAPI document. */
const rate = z.number().nullable();

export const retentionSchema = z
  .object({
    key: z.string().describe('The workspace, a CSM email, a plan or a quarter (2026-Q1).'),
    renewals: z.number().int(),
    accounts: z.number().int(),
    arr_before_cents: z.number().int(),
    arr_after_cents: z.number().int(),
    grr: rate.describe('Σ min(after, before) / Σ before; null with nothing up for renewal.'),
    nrr: rate.describe('Σ after / Σ before.'),
    expansion_rate: rate.describe('Share of renewals that grew.'),
    churned: z.number().int(),
    contracted: z.number().int(),
    expanded: z.number().int(),
  })
  .openapi('Retention');

export const retentionReportSchema = z
  .object({
    workspace: retentionSchema,
    by_csm: z.array(retentionSchema),
    by_plan: z.array(retentionSchema),
    by_quarter: z.array(retentionSchema),
  })
  .openapi('RetentionReport');

const interval = z.object({ estimate: z.number(), low: z.number(), high: z.number() });
const arm = z.object({
  accounts: z.number().int().describe('Accounts with a renewal or churn since they were assigned.'),
  renewals: z.number().int(),
  renewal_rate: rate,
  grr: rate,
  nrr: rate,
  expansion_rate: rate,
});
const comparison = {
  treated: arm,
  held_out: arm,
  enough_data: z.boolean(),
  verdict: z.string().describe('Plain-language reading, including "Not enough data yet" with the counts.'),
  lift: z
    .object({ renewal_rate: interval, expansion_rate: interval, grr: interval, nrr: interval })
    .nullable()
    .describe('Treated minus held out with a 95 % interval (Newcombe for rates, bootstrap over accounts for GRR/NRR).'),
};

export const holdoutReportSchema = z
  .object({
    overall: z.object({ name: z.string(), ...comparison }),
    by_trigger: z.array(
      z.object({ trigger_id: z.string(), name: z.string(), holdout_percent: z.number(), ...comparison }),
    ),
  })
  .openapi('HoldoutReport');
