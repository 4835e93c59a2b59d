import { z } from 'zod';
import { ratingScaleSchema } from './rating';

/** The six lifecycle moments Candor ships a guide template for. */
export const moments = [
  'onboarding',
  'health_pulse',
  'churn_risk',
  'pre_renewal',
  'expansion',
  'feature_launch',
] as const;
export const momentSchema = z.enum(moments);
export type Moment = z.infer<typeof momentSchema>;

/** What a topic asks for: an open question (the default) or a score on a scale followed by why. */
export const topicKinds = ['open', 'rating'] as const;

/** One topic of an interview: the question asked verbatim in scripted mode, and how to dig deeper. */
export const guideTopicSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'a short snake_case key')
      .describe('Stable key, used in interview state and signals'),
    kind: z
      .enum(topicKinds)
      .optional()
      .describe('open (default): a free answer; rating: a score on `scale`, then one question about the reason'),
    scale: ratingScaleSchema
      .optional()
      .describe('rating topics only: nps (0–10), csat (1–5) or ces (1–7, higher is easier)'),
    question: z.string().min(5).max(500).describe('Asked verbatim in scripted mode; the AI may rephrase'),
    probing: z.string().max(1000).describe('How the interviewer digs deeper when the answer is thin or interesting'),
    follow_up: z
      .string()
      .min(5)
      .max(500)
      .describe('Scripted follow-up when an answer is under about 8 words (rating: asked when no score was given)'),
    required: z.boolean(),
    max_probes: z
      .number()
      .int()
      .min(0)
      .max(5)
      .optional()
      .describe('AI mode: at most this many follow-ups on the topic before moving on (default 2)'),
  })
  .superRefine((topic, ctx) => {
    if (topic.kind === 'rating' && !topic.scale)
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'a rating topic needs a scale: nps, csat or ces' });
    if (topic.kind !== 'rating' && topic.scale)
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'only rating topics have a scale' });
  });
/** Follow-ups a topic gets in AI mode when its guide does not say. */
export const DEFAULT_MAX_PROBES = 2;
export type GuideTopic = z.infer<typeof guideTopicSchema>;

/** A category of the extraction taxonomy, with the keywords scripted extraction matches. */
export const taxonomyEntrySchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().min(1).max(80),
  keywords: z.array(z.string().min(2).max(60)).max(40),
});
export type TaxonomyEntry = z.infer<typeof taxonomyEntrySchema>;

export const guideLimitsSchema = z.object({
  max_turns: z.number().int().min(1).max(30).describe('Customer turns before the interviewer closes'),
  max_minutes: z.number().int().min(1).max(60),
});

/** The whole design of an interview. Stored as a guide version's body; edits make a new version. */
export const guideBodySchema = z.object({
  name: z.string().min(1).max(120),
  moment: momentSchema,
  objective: z.string().min(10).max(1000),
  tone: z.string().max(300).default('warm, curious, concise; plain words; never salesy'),
  language_policy: z.enum(['respondent', 'workspace']).default('respondent'),
  opening_message: z.string().min(5).max(800),
  closing_message: z.string().min(5).max(800),
  topics: z.array(guideTopicSchema).min(1).max(8),
  limits: guideLimitsSchema,
  taxonomy: z.object({
    churn_reasons: z.array(taxonomyEntrySchema).max(20),
    expansion_kinds: z.array(taxonomyEntrySchema).max(10),
  }),
});
export type GuideBody = z.infer<typeof guideBodySchema>;
/** A guide body as sent by API clients: `tone` and `language_policy` may be left out. */
export type GuideBodyInput = z.input<typeof guideBodySchema>;

/**
 * A change to a guide: only the fields it changes; the merged body is validated as a whole.
 * Defaults are unwrapped so that leaving `tone` out keeps the current tone instead of resetting it.
 */
export const guidePatchSchema = guideBodySchema.partial().extend({
  tone: guideBodySchema.shape.tone.unwrap().optional(),
  language_policy: guideBodySchema.shape.language_policy.unwrap().optional(),
});
export type GuidePatch = z.infer<typeof guidePatchSchema>;

/** The scale of a topic that asks for a score, or null for an open question. */
export function topicScale(topic: Pick<GuideTopic, 'kind' | 'scale'> | undefined) {
  return topic?.kind === 'rating' && topic.scale ? topic.scale : null;
}
