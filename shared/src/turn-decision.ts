import { z } from 'zod';
import { interviewLanguageSchema } from './languages';

/**
 * The AI interviewer's reading of one customer answer. The model fills it (structured
 * output); code decides what to do with it within the guide's bounds (judged-turn.ts).
 */
export const answerJudgementSchema = z.object({
  quality: z
    .enum(['specific', 'vague', 'off_topic'])
    .describe(
      'specific: concrete facts or examples; vague: general or noncommittal; off_topic: not about the question',
    ),
  reason_reached: z
    .boolean()
    .describe('The answer says why (the reason behind its claim), or the question needs no reason'),
  worth_probing: z.boolean().describe('The answer opened a thread worth exactly one more "why"'),
  statement: z
    .enum(['value', 'churn', 'other'])
    .describe('value: what they get out of the product; churn: a reason to leave or cut back; other: anything else'),
  intent: z
    .enum(['continue', 'wants_human', 'wants_stop', 'asks_question', 'confused'])
    .describe(
      'wants_human: asks to talk with a person, or says yes to being put in touch; wants_stop: wants to end this interview; asks_question: asks the interviewer something; confused: does not understand the question',
    ),
  language: interviewLanguageSchema.describe('The language of the answer'),
});
export type AnswerJudgement = z.infer<typeof answerJudgementSchema>;

/**
 * What the turn policy decided for one interviewer reply, and why: stored per reply
 * (messages.decision) and shown to CSMs beside the transcript.
 */
export const turnDecisionRecordSchema = z.object({
  action: z.string().describe('probe, advance, confirm_stop, close, handoff or opt_out'),
  topic_index: z.number().int(),
  why: z.string(),
  reason: z.string().optional(),
  decided_by: z
    .enum(['rules', 'judgement', 'rules_after_failed_judgement', 'forced', 'reply_tag'])
    .optional()
    .describe(
      'rules: word count and phrases; judgement: the model read the answer and code chose within bounds; forced: the bounds left one move whatever the answer, so no judgement was asked; reply_tag: on such a turn the reply read a wish for a person, a stop or a question',
    ),
  judgement: answerJudgementSchema.optional(),
  judgement_failure: z.string().optional().describe('Why the judgement was not used (timeout, provider error)'),
  probes: z
    .object({ used: z.number().int(), cap: z.number().int() })
    .optional()
    .describe('Follow-ups asked on the topic so far, this one included, and the topic’s cap'),
  corrected: z
    .string()
    .optional()
    .describe('The model’s reply did something else than decided (or something forbidden) and was replaced'),
});
export type TurnDecisionRecord = z.infer<typeof turnDecisionRecordSchema>;
