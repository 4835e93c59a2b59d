import { z } from 'zod';
import { ratingScaleSchema } from './rating';

/** Every kind of signal extraction writes. */
export const signalKinds = [
  'sentiment',
  'theme',
  'churn_risk',
  'expansion_intent',
  'feature_request',
  'competitor',
  'stakeholder',
  'wants_human',
  'rating',
] as const;
export const signalKindSchema = z.enum(signalKinds);
export type SignalKind = z.infer<typeof signalKindSchema>;

/**
 * The kinds extraction may write. A rating is what the customer chose, recorded the moment
 * they answer; no extraction (rules or model) makes one up or rewrites it.
 */
export const extractedSignalKinds = signalKinds.filter((k): k is Exclude<SignalKind, 'rating'> => k !== 'rating') as [
  Exclude<SignalKind, 'rating'>,
  ...Exclude<SignalKind, 'rating'>[],
];

export const sentimentPolarities = ['positive', 'neutral', 'negative', 'mixed'] as const;
export const churnRiskLevels = ['low', 'medium', 'high'] as const;
export const signalSources = ['ai', 'rules'] as const;

const taxonomyKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const shortText = z.string().trim().min(1).max(200);

/** The typed value of each signal kind (stored in signals.value). */
export const signalValueSchemas = {
  sentiment: z.object({ polarity: z.enum(sentimentPolarities) }),
  theme: z.object({ label: shortText }),
  churn_risk: z.object({ level: z.enum(churnRiskLevels), reasons: z.array(taxonomyKey).max(9) }),
  expansion_intent: z.object({ kind: taxonomyKey, size: shortText.nullable(), timing: shortText.nullable() }),
  feature_request: z.object({ summary: shortText }),
  competitor: z.object({ name: shortText }),
  stakeholder: z.object({ name: shortText.nullable(), role: shortText.nullable(), champion_change: z.boolean() }),
  wants_human: z.object({ reason: shortText.nullable() }),
  rating: z.object({ scale: ratingScaleSchema, score: z.number().int().min(0).max(10), topic: taxonomyKey }),
} as const satisfies Record<SignalKind, z.ZodType>;

/** The evidence every signal carries: the verbatim quote, the customer message it came from, a confidence. */
const evidence = {
  quote: z.string().min(1).max(1000).describe('Verbatim substring of the cited customer message'),
  message_id: z.uuid(),
  confidence: z.number().min(0).max(1),
};

/** A signal as extraction produces it and the API returns it (plus provenance when read back). */
export const signalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sentiment'), value: signalValueSchemas.sentiment, ...evidence }),
  z.object({ kind: z.literal('theme'), value: signalValueSchemas.theme, ...evidence }),
  z.object({ kind: z.literal('churn_risk'), value: signalValueSchemas.churn_risk, ...evidence }),
  z.object({ kind: z.literal('expansion_intent'), value: signalValueSchemas.expansion_intent, ...evidence }),
  z.object({ kind: z.literal('feature_request'), value: signalValueSchemas.feature_request, ...evidence }),
  z.object({ kind: z.literal('competitor'), value: signalValueSchemas.competitor, ...evidence }),
  z.object({ kind: z.literal('stakeholder'), value: signalValueSchemas.stakeholder, ...evidence }),
  z.object({ kind: z.literal('wants_human'), value: signalValueSchemas.wants_human, ...evidence }),
  z.object({ kind: z.literal('rating'), value: signalValueSchemas.rating, ...evidence }),
]);
export type Signal = z.infer<typeof signalSchema>;
/** A signal extraction may produce: every kind but a rating (see `extractedSignalKinds`). */
export type ExtractedSignal = Exclude<Signal, { kind: 'rating' }>;

/** A stored signal with its provenance: rules or AI, and for AI the model and prompt version. */
export const storedSignalSchema = z.intersection(
  signalSchema,
  z.object({
    id: z.uuid(),
    source: z.enum(signalSources),
    model: z.string().nullable(),
    prompt_version: z.string().nullable(),
  }),
);
export type StoredSignal = z.infer<typeof storedSignalSchema>;

/**
 * What the model returns for structured extraction. Deliberately flat, every field
 * present and nullable where unused: strict JSON-schema modes (OpenAI and most
 * compatible servers) handle that reliably, unlike unions. Messages are cited by the
 * short ref given in the prompt ("m1"), not by id, so the model never copies UUIDs.
 * Each item is checked against `signalValueSchemas` afterwards; a bad item is dropped.
 */
export const extractionOutputSchema = z.object({
  signals: z.array(
    z.object({
      kind: z.enum(extractedSignalKinds),
      message_ref: z.string().describe('The ref of the customer message the quote is copied from, e.g. "m2"'),
      quote: z
        .string()
        .describe('Copied character for character from that message; the shortest span that proves the signal'),
      confidence: z.number().describe('0 to 1'),
      polarity: z.enum(sentimentPolarities).nullable().describe('sentiment only'),
      label: z
        .string()
        .nullable()
        .describe(
          'theme: short label; feature_request: summary; competitor: product name; stakeholder: person name; wants_human: reason',
        ),
      level: z.enum(churnRiskLevels).nullable().describe('churn_risk only'),
      reasons: z.array(z.string()).nullable().describe('churn_risk only: keys from the churn reason taxonomy'),
      expansion_kind: z.string().nullable().describe('expansion_intent only: a key from the expansion taxonomy'),
      size: z
        .string()
        .nullable()
        .describe('expansion_intent only: how much, in the customer’s terms (e.g. "20 seats")'),
      timing: z.string().nullable().describe('expansion_intent only: when (e.g. "next quarter")'),
      role: z.string().nullable().describe('stakeholder only: role or title'),
      champion_change: z
        .boolean()
        .nullable()
        .describe('stakeholder only: true when a sponsor or champion left or changed'),
    }),
  ),
});
export type ExtractionOutput = z.infer<typeof extractionOutputSchema>;

/** The highest NPS score that counts as a detractor (0–6 detract, 7–8 are passive, 9–10 promote). */
export const NPS_DETRACTOR_MAX = 6;

/**
 * Whether a stored signal is an NPS detractor's rating: a `rating` signal on the `nps`
 * scale with a score of 6 or less. Rating topics store that signal; this is the one place
 * plays (the `nps_detractor` when) decide what a detractor is.
 */
export function isNpsDetractor(kind: string, value: unknown): boolean {
  if (kind !== 'rating' || !value || typeof value !== 'object') return false;
  const { scale, score } = value as { scale?: unknown; score?: unknown };
  return scale === 'nps' && typeof score === 'number' && Number.isFinite(score) && score <= NPS_DETRACTOR_MAX;
}

/** The value of a signal of kind `K` (`signals.value`). */
export type SignalValueOf<K extends SignalKind> = z.infer<(typeof signalValueSchemas)[K]>;
/** `signals.value`: the value of one of the kinds. */
export type SignalValue = SignalValueOf<SignalKind>;

/**
 * A signal's kind and value as one union, so checking `kind` narrows `value` to that kind's
 * shape. Readers of `signals` rows work with this rather than casting `value`.
 */
export type KindedSignalValue = { [K in SignalKind]: { kind: K; value: SignalValueOf<K> } }[SignalKind];

/**
 * A `signals` row with its `kind` and `value` tied together (see `KindedSignalValue`). The two
 * columns are only ever written together, the value checked against `signalValueSchemas[kind]`;
 * the database types cannot say so, this says it once.
 */
export const kindedSignal = <T extends { kind: SignalKind; value: SignalValue }>(row: T) =>
  row as Omit<T, 'kind' | 'value'> & KindedSignalValue;
