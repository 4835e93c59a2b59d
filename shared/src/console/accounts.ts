import { z } from 'zod';
import { healthStates, isHealthState } from '../health';
import { listQuery } from '../list-query';
import { ratingReportSchema } from '../rating-report';
import { skipReasons } from '../triggers';
import { consoleBriefSectionSchema } from './brief-sections';
import { pagedSchema } from './common';

/** A person filter: an email, or `none` for accounts without one. */
const personFilter = z
  .string()
  .trim()
  .max(320)
  .refine((v) => v === 'none' || z.email().safeParse(v).success, { message: 'must be an email or none' });

/** The accounts table's query string: sort, filter and page, all optional. */
export const accountListQuerySchema = listQuery({
  sort: z.enum(['name', 'health', 'arr', 'renewal', 'owner', 'last_touch']).default('renewal'),
  order: z.enum(['asc', 'desc']).default('asc'),
  owner: z.string().trim().max(320).optional(),
  /** The AE (sales owner): an email, or `none` for accounts without one. */
  ae: personFilter.optional(),
  /** Comma-separated health states. */
  health: z
    .string()
    .trim()
    .max(200)
    .refine((v) => v.split(',').every(isHealthState), {
      message: `must be comma-separated states among ${healthStates.join(', ')}`,
    })
    .optional(),
  /** Comma-separated plans (tiers); `none` for accounts without one. */
  plan: z.string().trim().max(500).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;

/** One row of the accounts table. */
export const accountRowSchema = z
  .object({
    id: z.string(),
    external_id: z.string(),
    name: z.string(),
    arr_cents: z.number().int().nullable(),
    plan: z.string().nullable(),
    renewal_date: z.string().nullable().describe('YYYY-MM-DD'),
    owner_email: z.string().nullable(),
    ae_email: z.string().nullable(),
    health_state: z.string(),
    last_touch_at: z.string().nullable(),
  })
  .meta({ id: 'AccountRow' });
export type AccountRow = z.infer<typeof accountRowSchema>;

export const accountPageSchema = pagedSchema(accountRowSchema);

/** The owners, AEs, health states and plans present in the workspace, for the table's filters. */
export const accountFacetsSchema = z
  .object({
    owners: z.array(z.string()),
    aes: z.array(z.string()),
    health_states: z.array(z.string()),
    plans: z.array(z.string()),
  })
  .meta({ id: 'AccountFacets' });

/** Why an account has its health state, with the customer's words when a signal gave the reason. */
export const healthReasonSchema = z
  .object({
    label: z.string(),
    detail: z.string().nullable(),
    quote: z.string().nullable(),
    interview_id: z.string().nullable(),
    message_id: z.string().nullable(),
  })
  .meta({ id: 'HealthReason' });

/** A person at the account. */
export const contactRowSchema = z
  .object({
    id: z.string(),
    external_id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    role: z.string().nullable(),
    opted_out: z.boolean(),
  })
  .meta({ id: 'ContactRow' });
export type ContactRow = z.infer<typeof contactRowSchema>;

/** A person the account's interviews speak of: someone who answered, or someone they named. */
export const stakeholderSchema = z
  .object({
    name: z.string().nullable(),
    role: z.string().nullable(),
    part: z.enum(['champion', 'economic_buyer']).nullable(),
    change: z.string().nullable().describe('"left last month", "new CFO"; null when nothing changed'),
    answered: z.boolean().describe('They answered an interview themselves'),
    mentioned_by: z.array(z.string()).describe('The respondents who named them, newest first'),
    evidence: z
      .object({ signal_id: z.string(), quote: z.string(), interview_id: z.string(), message_id: z.string() })
      .nullable(),
  })
  .meta({ id: 'Stakeholder' });
export type Stakeholder = z.infer<typeof stakeholderSchema>;

/** One entry of the account's timeline: an event, an interview or a signal, newest first. */
export const timelineItemSchema = z
  .object({
    kind: z.enum(['event', 'interview', 'signal']),
    id: z.string(),
    at: z.string(),
    title: z.string(),
    detail: z.string().nullable(),
    interview_id: z.string().nullable(),
  })
  .meta({ id: 'TimelineItem' });
export type TimelineItem = z.infer<typeof timelineItemSchema>;

/** The account page: the account, its people, timeline, usage, scores and latest renewal brief. */
export const accountDetailSchema = z
  .object({
    account: accountRowSchema.extend({
      lifecycle_stage: z.string().nullable(),
      health_reasons: z.array(healthReasonSchema),
    }),
    contacts: z.array(contactRowSchema),
    stakeholders: z.array(stakeholderSchema),
    timeline: z.array(timelineItemSchema),
    ratings: ratingReportSchema
      .pick({ overall: true, weekly: true, detractor_reasons: true })
      .describe("The account's scores over the last year"),
    usage: z.object({
      last_30d: z.number().int(),
      previous_30d: z.number().int(),
      top: z.array(z.object({ name: z.string(), count: z.number().int() })),
    }),
    brief: z
      .object({
        id: z.string(),
        version: z.number().int(),
        status: z.string(),
        mode: z.string(),
        model: z.string().nullable().describe('ai mode: the synthesis model'),
        prompt_version: z.string().nullable(),
        fallback_reason: z.string().nullable().describe('Written by the rules after a model failure: why'),
        created_at: z.string(),
        sections: z.array(consoleBriefSectionSchema),
        new_answers: z
          .number()
          .int()
          .describe('Interviews answered since this version was written (a refresh follows when due)'),
        failed_attempt: z
          .object({ version: z.number().int(), created_at: z.string(), fallback_reason: z.string().nullable() })
          .nullable()
          .describe('The newest generation since this version that came out empty, kept as a record'),
      })
      .nullable(),
  })
  .meta({ id: 'AccountDetail' });
export type AccountDetail = z.infer<typeof accountDetailSchema>;

/** A CSM inviting one contact by hand: which guide, through which channel. */
export const manualInvitationQuerySchema = z.object({ guide_id: z.uuid(), channel: z.enum(['in_app', 'email']) });
export const manualInvitationBodySchema = manualInvitationQuerySchema.extend({
  send_anyway: z
    .boolean()
    .default(false)
    .describe('The CSM saw which fatigue rule holds this invitation back and sends it anyway'),
});

const skipReasonSchema = z.enum(skipReasons);

/** What the fatigue rules say about inviting this contact now. */
export const invitationCheckSchema = z
  .object({
    blocked_by: skipReasonSchema.nullable().describe('The rule that would hold it back; null when it may go out'),
    can_send_anyway: z.boolean().describe('False for opt-outs and missing email addresses'),
  })
  .meta({ id: 'InvitationCheck' });

/** A manual invitation sent (201), or held back by a rule (200). */
export const invitedSchema = z
  .object({
    outcome: z.literal('invited'),
    overrode: skipReasonSchema.nullable().describe('The rule the CSM knowingly overrode'),
    interview: z.object({
      id: z.string(),
      status: z.literal('invited'),
      url: z.string().nullable().describe('The emailed link (email channel)'),
      expires_at: z.string(),
    }),
  })
  .meta({ id: 'ManualInvited' });
export const invitationBlockedSchema = invitationCheckSchema
  .extend({ outcome: z.literal('blocked') })
  .meta({ id: 'ManualInvitationBlocked' });
