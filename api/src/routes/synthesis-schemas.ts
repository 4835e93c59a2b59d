import { briefRunSchema } from '@candor/shared';
import { z } from '@hono/zod-openapi';

/** One resolved citation of a model-written claim: the stored quote and its message. */
export const citationSchema = z.object({
  signal_id: z.string(),
  quote: z.string(),
  interview_id: z.string(),
  message_id: z.string(),
});

/** A claim as briefs carry it: the first citation inline; model-written claims also list all of them. */
export const briefItemSchema = z.object({
  text: z.string(),
  quote: z.string().nullable().describe("The customer's words the claim rests on"),
  interview_id: z.string().nullable(),
  message_id: z.string().nullable().describe('The message the quote is from (GET /v1/interviews/{interview_id})'),
  citations: z
    .array(citationSchema)
    .optional()
    .describe('ai mode: every signal the claim cites, resolved from stored signals (never from model text)'),
  facts: z.array(z.string()).optional().describe('ai mode: recorded account facts the claim also rests on'),
  account_id: z
    .string()
    .optional()
    .describe('Weekly briefing: the account the item is about (its text starts with the name)'),
  account: z.string().optional().describe("Weekly briefing: that account's name"),
  erased: z
    .boolean()
    .optional()
    .describe('true once the person the claim rested on was erased: its quotes are empty and its words removed'),
});

export const modeSchema = z
  .enum(['ai', 'rules'])
  .describe(
    'ai: written by the synthesis model from stored signals, every claim resolved to a stored quote; rules: built deterministically from the same signals (no model configured, or the model failed — see fallback_reason)',
  );

/** How an artifact was produced: model, prompt version, tokens, and why it fell back to rules. */
export const provenanceSchema = {
  model: z.string().nullable().describe('The synthesis model (ai mode)'),
  prompt_version: z.string().nullable().describe('The versioned prompt that wrote it (ai mode)'),
  fallback_reason: z.string().nullable().describe('Why a configured model was not used (no customer text)'),
  usage: z.object({
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    cost_micros: z.number().int().describe('USD × 1,000,000, from the model price table'),
  }),
  generation: z
    .record(z.string(), z.unknown())
    .describe('ai mode: map calls made, digests reused from the cache, reduce tokens, claims dropped'),
};

/** The 202 answer of every "regenerate in the background" route: the run, and where to poll it. */
export const runStartedResponse = {
  202: {
    description: 'Started (or already running)',
    headers: z.object({ Location: z.string().describe('The run to poll') }),
    content: { 'application/json': { schema: briefRunSchema } },
  },
};
