import { z } from 'zod';
import { listQuery } from '../list-query';
import { turnDecisionRecordSchema } from '../turn-decision';
import { pagedSchema } from './common';

/** The interviews list's query string: a status, an account (its id) and a page, all optional. */
export const interviewListQuerySchema = listQuery({
  status: z.enum(['invited', 'started', 'completed', 'abandoned', 'expired', 'declined']).optional(),
  account: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type InterviewListQuery = z.infer<typeof interviewListQuerySchema>;

/** One interview in the console's list, with how many signals it produced. */
export const interviewRowSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    mode: z.string(),
    channel: z.string(),
    account_id: z.string().nullable(),
    invited_at: z.string(),
    started_at: z.string().nullable(),
    ended_at: z.string().nullable(),
    guide_name: z.string(),
    contact_name: z.string().nullable(),
    contact_email: z.string().nullable(),
    account_name: z.string().nullable(),
    signal_count: z.number().int(),
  })
  .meta({ id: 'InterviewRow' });
export type InterviewRow = z.infer<typeof interviewRowSchema>;

export const interviewPageSchema = pagedSchema(interviewRowSchema);

/** A signal beside the transcript, pointing at the message it quotes. */
export const signalRowSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    label: z.string(),
    // Stored signal values are still loosely typed (signals.value); the kinds' shapes are in shared/src/signal.ts.
    value: z.record(z.string(), z.unknown()).describe("The signal's value, shaped by its kind"),
    corrected: z.boolean().describe('A CSM changed it; re-extraction keeps it as they left it'),
    quote: z.string(),
    message_id: z.string(),
    confidence: z.number(),
    source: z.string(),
  })
  .meta({ id: 'SignalRow' });
export type SignalRow = z.infer<typeof signalRowSchema>;

/** An interview's messages in order, with the turn policy's decision on each interviewer reply, and its signals. */
export const transcriptSchema = z
  .object({
    interview: interviewRowSchema.extend({
      guide_version: z.number().int().nullable(),
      transcript_erased_at: z.string().nullable().describe('Set when the retention policy erased the words'),
      language: z.string().nullable().describe('The language the interview started in; null until it starts'),
    }),
    messages: z.array(
      z.object({
        id: z.string(),
        seq: z.number().int(),
        role: z.enum(['interviewer', 'customer']),
        text: z.string(),
        created_at: z.string(),
        // A union, not .nullable(): the document generator would make the named TurnDecision itself nullable.
        decision: z.union([turnDecisionRecordSchema.meta({ id: 'TurnDecision' }), z.null()]),
      }),
    ),
    signals: z.array(signalRowSchema),
  })
  .meta({ id: 'Transcript' });
export type Transcript = z.infer<typeof transcriptSchema>;
