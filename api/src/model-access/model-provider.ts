import { createOpenAI } from '@ai-sdk/openai';
import { asSchema, generateText, Output, type Schema } from 'ai';
import type { z } from 'zod';
import type { Config } from '../config';

/*
 * The only file that knows the AI SDK and its provider interface. Interviews, extraction
 * and synthesis call the two functions below through `callWithRetries` (model-calls.ts),
 * so a provider or SDK change is made here once.
 */

/**
 * Whether a model is available at all: an API key, or a base URL of an OpenAI-compatible
 * server that needs none (a local Ollama or vLLM). Interviews, extraction and synthesis
 * all ask this one question, so they switch to AI or rules together.
 */
export function modelConfigured(config: Config): boolean {
  return Boolean(config.openai.apiKey || config.openai.baseUrl);
}

// One provider per configuration, built on first use: every interview turn asks for one.
const providers = new WeakMap<Config, ReturnType<typeof createOpenAI>>();

function provider(config: Config) {
  let built = providers.get(config);
  if (!built) {
    built = createOpenAI({
      // A keyless local server still gets a placeholder: the SDK refuses to call without one.
      apiKey: config.openai.apiKey ?? 'not-needed',
      ...(config.openai.baseUrl ? { baseURL: config.openai.baseUrl } : {}),
    });
    providers.set(config, built);
  }
  return built;
}

/** The model that runs interviews, over Chat Completions (what every compatible server speaks). */
function interviewModel(config: Config) {
  return provider(config).chat(config.openai.interviewModel);
}

/**
 * The model for extraction and synthesis: Chat Completions on a compatible server, the
 * Responses API on OpenAI itself.
 */
function synthesisModel(config: Config) {
  const id = config.openai.synthesisModel;
  return config.openai.baseUrl ? provider(config).chat(id) : provider(config)(id);
}

/** One earlier message of a conversation, as the model sees it. */
export type ConversationTurn = { role: 'user' | 'assistant'; text: string };

/** What a streamed reply yields: text as it arrives, then how it finished. Errors are thrown. */
export type ChatStreamPart =
  | { type: 'text'; delta: string }
  | { type: 'finish'; finishReason: string | undefined; promptTokens: number; completionTokens: number };

/**
 * Streams one reply of the interview model. The provider's own stream (the HTTP call,
 * error mapping and chunk parsing of the AI SDK's OpenAI provider) without streamText's
 * pipeline around it: that pipeline cost more CPU per turn than the rest of the turn, and
 * the caller already does what the engine needs of it (retries, timeouts, the output check).
 */
export async function* streamInterviewModel(
  config: Config,
  input: { instructions: string; messages: ConversationTurn[]; temperature: number; abortSignal: AbortSignal },
): AsyncGenerator<ChatStreamPart> {
  const model = interviewModel(config);
  const { stream } = await model.doStream({
    // The instructions as the system message (what the SDK's `instructions` option becomes).
    prompt: [
      { role: 'system', content: input.instructions },
      ...input.messages.map((m) => ({ role: m.role, content: [{ type: 'text' as const, text: m.text }] })),
    ],
    temperature: input.temperature,
    abortSignal: input.abortSignal,
  });
  for await (const part of stream) {
    if (part.type === 'text-delta') yield { type: 'text', delta: part.delta };
    else if (part.type === 'error') throw part.error;
    else if (part.type === 'finish')
      yield {
        type: 'finish',
        finishReason: part.finishReason.unified,
        promptTokens: part.usage.inputTokens.total ?? 0,
        completionTokens: part.usage.outputTokens.total ?? 0,
      };
  }
}

// A schema's JSON Schema, derived once per schema instead of on every call: deriving it
// from zod cost more CPU than the rest of a judged turn's call to the model.
const derivedSchemas = new WeakMap<object, Schema<unknown>>();

function derivedOnce<T>(schema: z.ZodType<T> | Schema<T>): Schema<T> {
  let derived = derivedSchemas.get(schema);
  if (!derived) {
    derived = asSchema(schema) as Schema<unknown>;
    derivedSchemas.set(schema, derived);
  }
  return derived as Schema<T>;
}

/**
 * One structured answer, validated by `schema`: from the extraction/synthesis model, or
 * with `model: 'interview'` from the interview model (judging an answer mid-turn, where
 * the fast model the customer is already waiting on is the right one).
 */
export async function generateStructured<T>(
  config: Config,
  input: {
    instructions: string;
    prompt: string;
    schema: z.ZodType<T> | Schema<T>;
    abortSignal: AbortSignal;
    model?: 'interview' | 'synthesis';
    /** The schema's name as the provider sees it. */
    name?: string;
  },
): Promise<{ output: T; model: string; promptTokens: number; completionTokens: number }> {
  const interview = input.model === 'interview';
  const result = await generateText({
    model: interview ? interviewModel(config) : synthesisModel(config),
    instructions: input.instructions,
    prompt: input.prompt,
    output: Output.object({ schema: derivedOnce(input.schema), ...(input.name ? { name: input.name } : {}) }),
    temperature: 0,
    // Retries are ours (model-calls.ts), under one policy for every caller.
    maxRetries: 0,
    abortSignal: input.abortSignal,
  });
  return {
    output: result.output,
    model: interview ? config.openai.interviewModel : config.openai.synthesisModel,
    promptTokens: result.totalUsage.inputTokens ?? 0,
    completionTokens: result.totalUsage.outputTokens ?? 0,
  };
}

/** A provider failure in words safe to log: its name and status only, since its message can quote the prompt. */
export function describeModelFailure(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown error';
  const status = (err as { statusCode?: number }).statusCode;
  return status ? `${err.name} ${status}` : err.name;
}
