import { z } from 'zod';

/** A brief regenerating in the background and how far it has come (/v1 and the console answer the same). */
export const briefRunSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['renewal', 'weekly_briefing']),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    stage: z.string().describe('What it is doing now, e.g. "Summarizing accounts"'),
    steps_done: z.number().int(),
    steps_total: z.number().int(),
    progress: z.number().describe('steps_done / steps_total, 0 to 1'),
    brief_id: z.uuid().nullable().describe('The new version, once done'),
    brief_version: z.number().int().nullable(),
    mode: z.enum(['ai', 'rules']).nullable(),
    error: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    finished_at: z.string().nullable(),
  })
  .meta({ id: 'BriefRun' });
export type BriefRun = z.infer<typeof briefRunSchema>;
export type BriefRunKind = BriefRun['kind'];
