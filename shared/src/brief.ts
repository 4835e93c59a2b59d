import { z } from 'zod';

/**
 * What every stored brief (`briefs.content`) holds. One item shape for every kind, so a
 * reader needs no guessing: the claim, the first citation inline, and for model-written
 * claims all of their citations and the account facts they rest on.
 */
export const briefKinds = ['renewal', 'weekly_briefing', 'portfolio_report'] as const;
export const briefKindSchema = z.enum(briefKinds);
export type BriefKind = z.infer<typeof briefKindSchema>;

/** `ai`: written by the synthesis model; `rules`: built deterministically. */
export const briefModeSchema = z
  .enum(['ai', 'rules'])
  .describe(
    'ai: written by the synthesis model from stored signals, every claim resolved to a stored quote; rules: built deterministically from the same signals (no model configured, or the model failed — see fallback_reason)',
  );
export type BriefMode = z.infer<typeof briefModeSchema>;

/** `failed`: a generation that produced nothing, kept beside the current version. */
export const briefStatusSchema = z.enum(['ready', 'failed']);
export type BriefStatus = z.infer<typeof briefStatusSchema>;

/** One piece of customer evidence a model-written claim rests on: the stored quote and its message. */
export const briefCitationSchema = z.strictObject({
  signal_id: z.string(),
  quote: z.string(),
  interview_id: z.string(),
  message_id: z.string(),
});
export type BriefCitation = z.infer<typeof briefCitationSchema>;

/** A claim: the first citation inline; model-written claims also list all of them. */
export const briefItemSchema = z.strictObject({
  text: z.string(),
  quote: z.string().nullable().describe("The customer's words the claim rests on"),
  interview_id: z.string().nullable(),
  message_id: z.string().nullable().describe('The message the quote is from (GET /v1/interviews/{interview_id})'),
  citations: z
    .array(briefCitationSchema)
    .optional()
    .describe('ai mode: every signal the claim cites, resolved from stored signals (never from model text)'),
  facts: z.array(z.string()).optional().describe('ai mode: recorded account facts the claim also rests on'),
  account_id: z
    .string()
    .optional()
    .describe('Weekly briefing: the account the item is about (its text starts with the name)'),
  account: z.string().optional().describe("Weekly briefing: that account's name"),
  // See api's privacy/cited-words.ts.
  erased: z
    .literal(true)
    .optional()
    .describe('Set once the person the claim rested on was erased: its quotes are empty and its words removed'),
});
export type BriefItem = z.infer<typeof briefItemSchema>;

export const briefSectionSchema = z.strictObject({ heading: z.string(), items: z.array(briefItemSchema) });
export type BriefSection = z.infer<typeof briefSectionSchema>;

export const renewalBriefContentSchema = z.strictObject({
  sections: z.array(briefSectionSchema),
  generated_at: z.string(),
  signals_used: z.number().int(),
});
export type RenewalBriefContent = z.infer<typeof renewalBriefContentSchema>;

export const portfolioReportContentSchema = z.strictObject({
  sections: z.array(briefSectionSchema),
  generated_at: z.string(),
});
export type PortfolioReportContent = z.infer<typeof portfolioReportContentSchema>;

// Evidence taken from a health reason or a model's citation names its signal too.
const weeklyCite = z
  .strictObject({
    quote: z.string(),
    interview_id: z.string(),
    message_id: z.string(),
    signal_id: z.string().optional(),
  })
  .nullable();

/** One CSM's week on one page; `sections` is the same page as headed lists, the shape every brief is read in. */
export const weeklyBriefingSchema = z.strictObject({
  member: z.strictObject({ id: z.string(), email: z.string(), name: z.string().nullable() }),
  week_of: z
    .string()
    .describe('The Monday of the week covered: the current week, or from Saturday on the next one (in time_zone)'),
  time_zone: z
    .string()
    .describe("The CSM's time zone (their own, else the workspace's): the week and the time blocks are in it"),
  priorities: z.array(
    z.strictObject({
      account: z.string(),
      account_id: z.string(),
      arr: z.number().nullable(),
      why: z.array(z.string()),
      evidence: weeklyCite,
      citations: z.array(briefCitationSchema).optional().describe('ai mode: every signal the reasons cite'),
    }),
  ),
  meetings: z.array(
    z.strictObject({
      time: z.string(),
      title: z.string(),
      account: z.string(),
      account_id: z.string(),
      attendees: z.array(z.string()),
      context: z.array(z.string()),
      talking_points: z.array(z.string()),
      evidence: weeklyCite,
    }),
  ),
  needs_attention: z.array(
    z.strictObject({
      account: z.string(),
      account_id: z.string(),
      arr: z.number().nullable(),
      last_touch: z.string().nullable(),
      why: z.string(),
    }),
  ),
  releases: z.array(
    z.strictObject({
      release: z.string(),
      account: z.string(),
      account_id: z.string(),
      request: z.string(),
      evidence: weeklyCite,
    }),
  ),
  /** Past blocks are left out. */
  time_blocks: z.array(
    z.strictObject({
      day: z.string().describe('Local date in time_zone'),
      weekday: z.string().describe('e.g. "Monday"'),
      start: z.string().describe('Local wall-clock time, HH:MM'),
      end: z.string(),
      starts_at: z.string().describe('The start as an instant (ISO 8601)'),
      purpose: z.string(),
    }),
  ),
  sections: z.array(briefSectionSchema),
});
export type WeeklyBriefing = z.infer<typeof weeklyBriefingSchema>;

/** Each kind's content schema: a brief is parsed with its kind's schema before it is stored. */
export const briefContentSchemas = {
  renewal: renewalBriefContentSchema,
  weekly_briefing: weeklyBriefingSchema,
  portfolio_report: portfolioReportContentSchema,
} as const satisfies Record<BriefKind, z.ZodType>;
export type BriefContentOf<K extends BriefKind> = z.infer<(typeof briefContentSchemas)[K]>;
/** `briefs.content`: one of the kinds' contents; all of them carry `sections`. */
export type BriefContent = BriefContentOf<BriefKind>;
