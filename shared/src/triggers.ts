import { z } from 'zod';

/** The signals a play can act on. */
export const playSignals = [
  'churn_risk_high',
  'expansion_intent',
  'wants_human',
  'nps_detractor',
  'competitor_named',
] as const;
export type PlaySignal = (typeof playSignals)[number];

const propertyValue = z.union([z.string().max(500), z.number(), z.boolean()]);

/** *When* a trigger fires. */
export const triggerWhenSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('event'),
    event: z.string().trim().min(1).max(200).describe('Event name, as sent to /v1/events or the widget.'),
    filter: z
      .record(z.string().max(200), propertyValue)
      .optional()
      .describe('Every listed property must equal the given value.'),
  }),
  z.strictObject({
    type: z.literal('attribute'),
    target: z.enum(['account', 'contact']),
    attribute: z
      .string()
      .min(1)
      .max(200)
      .describe('An attribute key, or one of plan, lifecycle_stage, health_state, role (built-in fields).'),
    op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains']),
    value: propertyValue,
  }),
  z.strictObject({
    type: z.literal('usage_drop'),
    percent: z.number().min(1).max(100).describe('Fires when usage fell at least this much…'),
    days: z.number().int().min(3).max(90).describe('…comparing the last N days with the N days before.'),
  }),
  z.strictObject({
    type: z.literal('health_change'),
    to: z.enum(['healthy', 'watch', 'at_risk']),
    from: z.enum(['healthy', 'watch', 'at_risk']).optional(),
  }),
  z.strictObject({
    type: z.literal('schedule'),
    anchor: z
      .enum(['renewal_date', 'signup'])
      .describe("renewal_date: the account's renewal date; signup: when the contact was first seen."),
    offset_days: z.number().int().min(-365).max(365).describe('Days after the anchor (negative: before).'),
  }),
  z.strictObject({ type: z.literal('manual') }),
  z.strictObject({
    type: z.literal('signal'),
    signal: z
      .enum(playSignals)
      .describe(
        'Fires when an interview yields this signal (high churn risk, expansion, asking for a person, an NPS score of 6 or less, a competitor).',
      ),
  }),
]);
export type TriggerWhen = z.infer<typeof triggerWhenSchema>;

/** *Who* is asked. */
export const triggerWhoSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('contact').describe('The contact the event or condition is about.') }),
  z.strictObject({
    type: z.literal('account_contacts'),
    roles: z
      .array(z.string().min(1).max(100))
      .max(10)
      .default([])
      .describe("The account's contacts with one of these roles; empty means all of them."),
  }),
]);
export type TriggerWho = z.infer<typeof triggerWhoSchema>;

/** *How* they are asked. */
export const triggerHowSchema = z.discriminatedUnion('channel', [
  z.strictObject({ channel: z.literal('in_app') }),
  z.strictObject({ channel: z.literal('email') }),
  z.strictObject({
    channel: z.literal('in_app_then_email'),
    email_after_days: z
      .number()
      .int()
      .min(1)
      .max(30)
      .describe('Email the link when the in-app invitation went unseen.'),
  }),
]);
export type TriggerHow = z.infer<typeof triggerHowSchema>;

/** Per-trigger overrides of the workspace's fatigue rules. */
export const triggerThrottleSchema = z.strictObject({
  recontact_days: z.number().int().min(0).max(365).optional(),
  once_per_guide: z.boolean().optional(),
});

export const MESSAGE_TITLE_MAX = 80;
export const MESSAGE_BODY_MAX = 500;
export const MESSAGE_LABEL_MAX = 40;
export const MESSAGE_LINK_MAX = 2000;

/** Control characters other than a line break have no place in a card, and can hide text from a reviewer. */
const hasControlCharacters = (v: string) =>
  [...v].some((ch) => {
    const code = ch.charCodeAt(0);
    return (code < 32 && code !== 10) || code === 127;
  });

/** Text shown to a customer in the widget: plain text, rendered as text (never HTML). */
const messageText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !hasControlCharacters(v), 'must not contain control characters');

/**
 * The resource a message links to: an absolute https URL without credentials. Anything
 * else (javascript:, data:, http:, a relative path) could run script or leak on a customer's page.
 */
export const httpsLink = z
  .string()
  .trim()
  .max(MESSAGE_LINK_MAX)
  .refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an https:// link');

const person = z.enum(['owner', 'ae', 'owner_and_ae']).describe("The account's CSM owner, its AE, or both.");

/** One step of a play: what a fired trigger does, in order; each step's outcome is recorded. */
export const playStepSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('invite').describe("Invite to an interview with the trigger's guide, who and how."),
  }),
  z.strictObject({ type: z.literal('notify'), channel: z.enum(['slack', 'email']), to: person }),
  z.strictObject({ type: z.literal('crm_task'), to: z.enum(['owner', 'ae']) }),
  z.strictObject({
    type: z.literal('webhook'),
    endpoint_id: z
      .uuid()
      .describe("One of the workspace's webhook endpoints: signed, retried and logged like every webhook."),
  }),
  z.strictObject({
    type: z.literal('in_app_message'),
    title: messageText(MESSAGE_TITLE_MAX),
    body: messageText(MESSAGE_BODY_MAX),
    link_url: httpsLink,
    link_label: messageText(MESSAGE_LABEL_MAX).optional().describe('The link\'s words; "Read more" without.'),
  }),
]);
export type PlayStep = z.infer<typeof playStepSchema>;

/** A condition on the account's tier: the trigger acts only for accounts on one of these plans. */
export const plansSchema = z
  .array(z.string().trim().min(1).max(100))
  .min(1)
  .max(20)
  .describe('Only for accounts whose plan is one of these (case-insensitive); without it, every plan.');

export const triggerInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  guide_id: z.uuid(),
  enabled: z.boolean().default(true),
  when: triggerWhenSchema,
  who: triggerWhoSchema.default({ type: 'contact' }),
  how: triggerHowSchema.default({ channel: 'in_app' }),
  throttle: triggerThrottleSchema.default({}),
  plans: plansSchema.optional(),
  do: z
    .array(playStepSchema)
    .min(1)
    .max(10)
    .default([{ type: 'invite' }])
    .describe('What the trigger does when it fires, in order (a play). Without it: invite, as before.'),
  holdout_percent: z
    .number()
    .min(0)
    .max(50)
    .default(10)
    .describe(
      'Control share: this percent of eligible accounts (contacts without one) is never contacted by this trigger, recorded as skipped: holdout, so outcomes can be compared with the treated ones. Drawn by a stable hash of (trigger, account).',
    ),
});
export type TriggerInput = z.infer<typeof triggerInputSchema>;

/**
 * A partial change. Spelled out rather than `.partial()`: zod 4 still fills in defaults
 * inside optional fields, so a patch of the name alone would reset `enabled`, `who`, `how`
 * and the holdout share to their defaults.
 */
export const triggerPatchSchema = z.strictObject({
  name: triggerInputSchema.shape.name.optional(),
  guide_id: z.uuid().optional(),
  enabled: z.boolean().optional(),
  when: triggerWhenSchema.optional(),
  who: triggerWhoSchema.optional(),
  how: triggerHowSchema.optional(),
  throttle: triggerThrottleSchema.optional(),
  holdout_percent: z.number().min(0).max(50).optional(),
  do: z.array(playStepSchema).min(1).max(10).optional(),
  plans: plansSchema.nullable().optional().describe('The plan condition; null removes it.'),
});
export type TriggerPatch = z.infer<typeof triggerPatchSchema>;

/** The workspace's fatigue rules; every trigger is subject to them. */
export const fatigueSettingsSchema = z.strictObject({
  recontact_days: z.number().int().min(0).max(365).default(14),
  once_per_guide: z.boolean().default(true),
  account_budget: z
    .strictObject({ max: z.number().int().min(1).max(100), days: z.number().int().min(1).max(365) })
    .default({ max: 3, days: 30 }),
  quiet_hours: z
    .strictObject({ start_hour: z.number().int().min(0).max(23), end_hour: z.number().int().min(0).max(23) })
    .nullable()
    .default({ start_hour: 20, end_hour: 8 }),
  csm_touch_backoff_days: z.number().int().min(0).max(90).default(7),
});
export type FatigueSettings = z.infer<typeof fatigueSettingsSchema>;

/** Why an eligible contact was not invited. */
export const skipReasons = [
  'opted_out',
  'recontact_window',
  'already_asked_guide',
  'account_budget',
  'quiet_hours',
  'csm_touch_backoff',
  'no_email',
  'no_contact',
  'holdout',
] as const;
export type SkipReason = (typeof skipReasons)[number];
