import { z } from 'zod';

/** The customer's words a review item rests on (`review_items.evidence`). */
export const reviewEvidenceSchema = z.strictObject({
  interview_id: z.string().optional(),
  message_id: z.string().optional(),
  quote: z.string().optional(),
  signal_id: z.string().optional(),
});
export type ReviewEvidence = z.infer<typeof reviewEvidenceSchema>;
export const reviewEvidenceListSchema = z.array(reviewEvidenceSchema);
