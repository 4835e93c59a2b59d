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
