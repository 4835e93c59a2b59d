import { z } from 'zod';

/** The score scales a rating topic may ask on: Net Promoter, satisfaction and effort. */
export const ratingScales = ['nps', 'csat', 'ces'] as const;
export const ratingScaleSchema = z.enum(ratingScales);
export type RatingScale = z.infer<typeof ratingScaleSchema>;

/** Each scale's lowest and highest score, inclusive. CES runs 1 (very hard) to 7 (very easy). */
export const ratingRanges: Record<RatingScale, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

/** Where a score sits on its scale: the standard NPS bands, and their counterparts for CSAT and CES. */
export type RatingBand = 'detractor' | 'passive' | 'promoter';

export function isValidScore(scale: RatingScale, score: number): boolean {
  const { min, max } = ratingRanges[scale];
  return Number.isInteger(score) && score >= min && score <= max;
}

/**
 * NPS: 0–6 detractor, 7–8 passive, 9–10 promoter. CSAT: 1–2 dissatisfied, 3 neutral,
 * 4–5 satisfied. CES (higher is easier): 1–3 hard, 4 neutral, 5–7 easy.
 */
export function ratingBand(scale: RatingScale, score: number): RatingBand {
  const [low, high] = scale === 'nps' ? [6, 9] : scale === 'csat' ? [2, 4] : [3, 5];
  return score <= low ? 'detractor' : score >= high ? 'promoter' : 'passive';
}

/** The widget's cue that an interviewer message asks for a score: the scale and its range. */
export type RatingPrompt = { scale: RatingScale; min: number; max: number };
