import { z } from 'zod';
import { automationTaskSchema, operatingModelInputsSchema } from './operating-model-inputs';

/** A task with its automation score (api/src/operating-model/automation-scorer.ts). */
const scoredTask = automationTaskSchema.extend({
  readiness: z.number(),
  risk: z.number(),
  hours_saved_per_month: z.number(),
  priority: z.number(),
});

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
  .meta({ id: 'Retention' });

export const retentionReportSchema = z
  .object({
    workspace: retentionSchema,
    by_csm: z.array(retentionSchema),
    by_plan: z.array(retentionSchema),
    by_quarter: z.array(retentionSchema),
  })
  .meta({ id: 'RetentionReport' });

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
    overall: z
      .object({ name: z.string(), ...comparison })
      .describe(
        'The trigger with enough data and the largest control group (groups are never pooled across triggers).',
      ),
    by_trigger: z.array(
      z.object({ trigger_id: z.string(), name: z.string(), holdout_percent: z.number(), ...comparison }),
    ),
  })
  .meta({ id: 'HoldoutReport' });

const layer = z.enum(['self_service', 'automated', 'ai_augmented', 'human_led']);
const complexity = z.enum(['low', 'medium', 'high']);
const money = z.number().int().describe('Integer cents.');

const roiInputs = z.object({
  customers: z.number().int(),
  acv_cents: money,
  current_csms: z.number().int(),
  csm_loaded_cost_cents: money,
  future_csms: z.number().int(),
  future_team_cost_cents: money,
  ai_layer_cost_cents: money,
  grr_lift_points: z.number(),
  nrr_lift_points: z.number(),
});
const roiResult = z.object({
  arr_cents: money,
  current_cost_cents: money,
  future_cost_cents: money,
  savings_cents: money,
  grr_value_cents: money,
  nrr_value_cents: money,
  total_impact_cents: money,
  return_ratio: z.number().nullable().describe('Total impact ÷ AI layer cost (30 = 30:1).'),
  steps: z.array(z.object({ label: z.string(), cents: money, how: z.string() })),
});

export const operatingModelSchema = z
  .object({
    generated_at: z.string(),
    inputs: operatingModelInputsSchema.describe('The saved inputs (see PUT /v1/operating-model/inputs).'),
    book: z.object({
      accounts: z.number().int(),
      customers: z.number().int(),
      acv_cents: money,
      csms: z.number().int(),
      book_per_csm: z.number().int(),
    }),
    retention: retentionSchema,
    effective_book: z.object({
      headline: z.number().nullable().describe('Mean accounts per CSM at target outcomes, latest quarter.'),
      book_per_csm: z.number().nullable(),
      quarter: z.string().nullable(),
      csms: z.array(
        z.object({
          csm: z.string(),
          measured_accounts: z.number().int(),
          at_target: z.number().int(),
          share_at_target: z.number().nullable(),
          expansion_rate: z.number().nullable(),
          meets_expansion_target: z.boolean().nullable(),
        }),
      ),
      trend: z.array(
        z.object({ quarter: z.string(), effective_book: z.number().nullable(), book_per_csm: z.number().nullable() }),
      ),
      how: z.string(),
    }),
    coverage: z.object({
      csms: z.number().int(),
      book_per_csm: z.number(),
      hours_per_week: z.number(),
      hours_saved_per_week: z.number(),
      projected_book_per_csm: z.number().int(),
      activities: z.array(
        z.object({
          activity: z.string(),
          percent: z.number(),
          hours_per_week: z.number(),
          current_layer: layer,
          target_layer: layer,
          move: z.string(),
          capability: z.string().nullable(),
          complexity,
          hours_saved_per_week: z.number(),
          basis: z.enum(['measured', 'assumed']),
          how: z.string(),
        }),
      ),
      top_moves: z.array(
        z.object({ activity: z.string(), hours_saved_per_week: z.number(), complexity, roi: z.number() }),
      ),
    }),
    automation: z.object({
      tasks: z.array(scoredTask),
      top: z.array(scoredTask),
    }),
    roi: z.object({
      seed_example: z.object({ inputs: roiInputs, result: roiResult }),
      own_book: z.object({
        inputs: roiInputs,
        result: roiResult,
        lift_basis: z.enum(['measured', 'assumed']),
        response_rate: z.number().nullable(),
        sensitivity: z.array(
          z.object({
            benefit_factor: z.number(),
            ai_cost_factor: z.number(),
            total_impact_cents: money,
            return_ratio: z.number().nullable(),
          }),
        ),
      }),
    }),
    holdouts: holdoutReportSchema,
    engagement: z.object({
      baseline: z.object({ survey_response_rate: z.number().nullable(), survey_name: z.string() }),
      moments: z.array(
        z.object({
          moment: z.string(),
          invited: z.number().int(),
          response_rate: z.number().nullable(),
          completion_rate: z.number().nullable(),
          lift_vs_baseline: z.number().nullable(),
          time_to_insight_hours: z.object({ median: z.number(), p90: z.number(), n: z.number().int() }).nullable(),
        }),
      ),
    }),
  })
  .meta({ id: 'OperatingModel' });
