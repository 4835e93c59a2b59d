import { z } from 'zod';

const figures = {
  scale: z.enum(['nps', 'csat', 'ces']),
  responses: z.number().int(),
  promoters: z.number().int().describe('NPS 9–10, CSAT 4–5, CES 5–7'),
  passives: z.number().int(),
  detractors: z.number().int().describe('NPS 0–6, CSAT 1–2, CES 1–3'),
  average: z.number(),
  score: z.number().describe('NPS: promoters% − detractors% (−100…100); CSAT and CES: the average score'),
};
/** NPS, CSAT and CES per moment, per account and per week, with the reasons behind low scores (/v1 and the console). */
export const ratingReportSchema = z
  .object({
    window_days: z.number().int(),
    overall: z.array(z.object(figures)),
    by_moment: z.array(z.object({ moment: z.string(), ...figures })),
    by_account: z.array(
      z.object({ account_id: z.string(), external_id: z.string(), account_name: z.string(), ...figures }),
    ),
    weekly: z.array(z.object({ week: z.string().describe('Monday of the week, UTC'), ...figures })),
    detractor_reasons: z.array(
      z.object({
        scale: z.enum(['nps', 'csat', 'ces']),
        score: z.number().int(),
        reason: z.string().nullable().describe("The customer's answer to why they gave that score"),
        interview_id: z.string(),
        message_id: z.string().describe('The reason message (or the score, when no reason was given)'),
        account_id: z.string().nullable(),
        account_name: z.string().nullable(),
        moment: z.string(),
        at: z.string(),
      }),
    ),
  })
  .meta({ id: 'RatingReport' });
export type RatingReport = z.infer<typeof ratingReportSchema>;
