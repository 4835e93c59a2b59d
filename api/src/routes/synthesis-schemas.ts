import { briefRunSchema } from '@candor/shared';
import { z } from '@hono/zod-openapi';

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
