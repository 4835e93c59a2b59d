import { z } from 'zod';
import { signalKindSchema } from '../signal';

/** A CSM's verdict on one signal: it is something else (kind and value), or it is not there at all. */
export const correctionBodySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('dismiss') }),
  z.strictObject({ action: z.literal('change'), kind: signalKindSchema, value: z.record(z.string(), z.unknown()) }),
]);
export type CorrectionBody = z.infer<typeof correctionBodySchema>;

/** The corrected signal (null when dismissed). */
export const correctedSignalSchema = z.object({
  signal: z.object({ id: z.string(), kind: z.string(), value: z.record(z.string(), z.unknown()) }).nullable(),
});

/** How many signals CSMs changed and dismissed, per kind the extraction gave them. */
export const correctionCountsSchema = z.object({
  kinds: z.array(
    z.object({
      kind: z.string(),
      changed: z.number().int(),
      dismissed: z.number().int(),
      from_rules: z.number().int(),
      from_ai: z.number().int(),
    }),
  ),
});
