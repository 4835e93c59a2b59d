import { z } from 'zod';
import { briefItemSchema } from '../brief';

/**
 * One item of a brief as the console shows it: the stored item (shared/src/brief.ts) with
 * its first citation inline, without the model's working (every citation, the account facts).
 */
export const consoleBriefItemSchema = briefItemSchema.omit({ citations: true, facts: true }).meta({ id: 'BriefItem' });

/** A brief rendered as headed lists. */
export const consoleBriefSectionSchema = z
  .object({ heading: z.string(), items: z.array(consoleBriefItemSchema) })
  .meta({ id: 'BriefSection' });
