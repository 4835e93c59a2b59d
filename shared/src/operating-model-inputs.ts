import { z } from 'zod';

/** The seven activities of seed 000's Coverage Model Analyzer. */
export const activities = [
  'onboarding',
  'recurring_check_ins',
  'renewal_management',
  'escalations',
  'strategic_expansion',
  'internal_coordination',
  'admin_data_entry',
] as const;
export type Activity = (typeof activities)[number];

export const layers = ['self_service', 'automated', 'ai_augmented', 'human_led'] as const;
export type Layer = (typeof layers)[number];

const score = z.number().int().min(1).max(5);
const dollarsToCents = z.number().nonnegative().max(1e9);

export const automationTaskSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  hours_per_month: z.number().min(0).max(500).describe('Hours per CSM per month the task takes today.'),
  frequency: score,
  consistency: score,
  judgement: score.describe('5 = needs the most human judgement.'),
  data_availability: score,
  blast_radius: score.describe('5 = worst customer impact if automated poorly.'),
  target_layer: z.enum(layers),
  infrastructure: z.string().max(300),
});
export type AutomationTask = z.infer<typeof automationTaskSchema>;

/** The default CS catalogue the scorer starts from; every row is editable per workspace. */
export const defaultTasks: AutomationTask[] = [
  {
    name: 'Quarterly health check-in',
    hours_per_month: 10,
    frequency: 5,
    consistency: 4,
    judgement: 2,
    data_availability: 4,
    blast_radius: 2,
    target_layer: 'automated',
    infrastructure: 'Candor health pulse trigger on a schedule; health state from signals',
  },
  {
    name: 'Onboarding kickoff intake',
    hours_per_month: 6,
    frequency: 4,
    consistency: 5,
    judgement: 2,
    data_availability: 4,
    blast_radius: 2,
    target_layer: 'automated',
    infrastructure: 'Candor onboarding intake guide fired on signup',
  },
  {
    name: 'Pre-renewal account research',
    hours_per_month: 8,
    frequency: 3,
    consistency: 4,
    judgement: 3,
    data_availability: 4,
    blast_radius: 3,
    target_layer: 'ai_augmented',
    infrastructure: 'Candor pre-renewal interviews + renewal brief 60 days out',
  },
  {
    name: 'Monday portfolio scan',
    hours_per_month: 8,
    frequency: 5,
    consistency: 5,
    judgement: 2,
    data_availability: 4,
    blast_radius: 1,
    target_layer: 'ai_augmented',
    infrastructure: 'Candor weekly briefing per CSM',
  },
  {
    name: 'CRM notes and data entry',
    hours_per_month: 10,
    frequency: 5,
    consistency: 4,
    judgement: 1,
    data_availability: 3,
    blast_radius: 1,
    target_layer: 'automated',
    infrastructure: 'Signals and briefs pushed by webhook to the CRM',
  },
  {
    name: 'Feature-launch feedback collection',
    hours_per_month: 4,
    frequency: 2,
    consistency: 5,
    judgement: 1,
    data_availability: 4,
    blast_radius: 1,
    target_layer: 'automated',
    infrastructure: 'Candor feature-launch guide on the release event',
  },
  {
    name: 'Churn-risk outreach',
    hours_per_month: 6,
    frequency: 3,
    consistency: 3,
    judgement: 4,
    data_availability: 3,
    blast_radius: 4,
    target_layer: 'ai_augmented',
    infrastructure: 'Usage-drop trigger + churn-risk interview routed to the CSM',
  },
  {
    name: 'Answering how-to questions',
    hours_per_month: 8,
    frequency: 5,
    consistency: 4,
    judgement: 1,
    data_availability: 3,
    blast_radius: 2,
    target_layer: 'self_service',
    infrastructure: 'Docs and in-app guidance fed by interview friction themes',
  },
  {
    name: 'QBR deck preparation',
    hours_per_month: 6,
    frequency: 2,
    consistency: 3,
    judgement: 3,
    data_availability: 3,
    blast_radius: 3,
    target_layer: 'ai_augmented',
    infrastructure: 'Account brief with cited quotes as the deck draft',
  },
  {
    name: 'Renewal negotiation',
    hours_per_month: 6,
    frequency: 2,
    consistency: 2,
    judgement: 5,
    data_availability: 3,
    blast_radius: 5,
    target_layer: 'human_led',
    infrastructure: 'Stays human; prepared by the renewal brief',
  },
];

/**
 * Everything the operating model takes as input, saved per workspace. Defaults make a
 * sensible starting point; outcome targets drive the effective book of business.
 */
export const operatingModelInputsSchema = z.strictObject({
  targets: z
    .strictObject({
      grr: z.number().min(0).max(1).default(0.9).describe('An account at target keeps at least this share of its ARR…'),
      nrr: z.number().min(0).max(3).default(1).describe('…and ends its renewal at least at this multiple of it.'),
      expansion_rate: z.number().min(0).max(1).default(0.2).describe("A CSM's book should expand at least this share."),
    })
    .default({ grr: 0.9, nrr: 1, expansion_rate: 0.2 }),
  coverage: z
    .strictObject({
      csms: z.number().int().min(1).max(10_000).nullable().default(null).describe('Null: count the account owners.'),
      book_per_csm: z.number().int().min(1).max(10_000).nullable().default(null).describe('Null: measured.'),
      hours_per_week: z.number().min(1).max(80).default(40),
      allocation: z
        .record(z.enum(activities), z.number().min(0).max(100))
        .default({
          onboarding: 15,
          recurring_check_ins: 20,
          renewal_management: 10,
          escalations: 15,
          strategic_expansion: 10,
          internal_coordination: 15,
          admin_data_entry: 15,
        })
        .describe('Percent of the week per activity; must add up to 100.'),
      minutes_per_check_in: z
        .number()
        .min(1)
        .max(240)
        .default(30)
        .describe('What one human check-in or intake call takes.'),
    })
    .default({
      csms: null,
      book_per_csm: null,
      hours_per_week: 40,
      allocation: {
        onboarding: 15,
        recurring_check_ins: 20,
        renewal_management: 10,
        escalations: 15,
        strategic_expansion: 10,
        internal_coordination: 15,
        admin_data_entry: 15,
      },
      minutes_per_check_in: 30,
    })
    .refine((c) => Math.abs(Object.values(c.allocation).reduce((a, b) => a + b, 0) - 100) < 0.01, {
      message: 'allocation must add up to 100',
      path: ['allocation'],
    }),
  tasks: z.array(automationTaskSchema).max(100).default(defaultTasks),
  roi: z
    .strictObject({
      csm_loaded_cost: dollarsToCents.default(220_000).describe('Whole currency units per CSM per year.'),
      future_csms: z
        .number()
        .int()
        .min(0)
        .max(10_000)
        .nullable()
        .default(null)
        .describe('Null: half the team, at least 1.'),
      future_csm_loaded_cost: dollarsToCents.default(250_000),
      ai_layer_cost: dollarsToCents.default(48_000),
      assumed_grr_lift_points: z.number().min(0).max(50).default(5),
      assumed_nrr_lift_points: z.number().min(0).max(100).default(9),
    })
    .default({
      csm_loaded_cost: 220_000,
      future_csms: null,
      future_csm_loaded_cost: 250_000,
      ai_layer_cost: 48_000,
      assumed_grr_lift_points: 5,
      assumed_nrr_lift_points: 9,
    }),
  baseline: z
    .strictObject({
      survey_response_rate: z
        .number()
        .min(0)
        .max(1)
        .nullable()
        .default(null)
        .describe('The response rate of the survey Candor replaces (e.g. 0.09 for NPS at 9 %).'),
      survey_name: z.string().max(80).default('previous survey'),
    })
    .default({ survey_response_rate: null, survey_name: 'previous survey' }),
});
export type OperatingModelInputs = z.infer<typeof operatingModelInputsSchema>;
