import type { AppDeps } from '../app-deps';
import { interviewModel } from '../model-access/openai-models';
import { nextAttemptDelayMs } from '../model-access/retry-delay';
import { InstructionIndex } from './instruction-index';
import { type GuardVerdict, ReplyStreamGuard } from './reply-guard';

export type ModelReplyResult =
  | { kind: 'ok'; text: string; model: string; promptTokens: number; completionTokens: number; attempts: number }
  /** The output check refused the reply (canary, recited instructions, a promise); not retried. */
  | { kind: 'rejected'; reason: Exclude<GuardVerdict, { ok: true }>['reason']; attempts: number }
  /** Every attempt failed (timeout, 429, 5xx, malformed or cut stream). */
  | { kind: 'failed'; reason: string; attempts: number };

export type ReplyStreamHandlers = {
  /** Checked text, safe to show the customer. */
  onDelta(text: string): void;
  /** A failed attempt's partial text should be discarded: a retry starts over. */
  onRetry(): void;
};

/** One earlier message of the conversation, as the model sees it. */
export type ConversationTurn = { role: 'user' | 'assistant'; text: string };

type ReplyModel = ReturnType<typeof interviewModel>;
type ProviderPrompt = Parameters<ReplyModel['doStream']>[0]['prompt'];

/**
 * The provider-level prompt: the instructions as its system message (what the AI SDK's
 * `instructions` option becomes), then the conversation as text parts.
 */
function providerPrompt(instructions: string, messages: ConversationTurn[]): ProviderPrompt {
  return [
    { role: 'system', content: instructions },
    ...messages.map((m) => ({ role: m.role, content: [{ type: 'text' as const, text: m.text }] })),
  ];
}

class AttemptError extends Error {}

/**
 * Streams one interviewer reply from the configured model through the output check, with
 * a first-token timeout and bounded retries with backoff. Never throws: the caller answers
 * in scripted mode when this does not come back `ok`.
 */
export async function streamInterviewReply(
  deps: Pick<AppDeps, 'config' | 'log'>,
  input: {
    /** The system text in its parts (see `instructionParts`), sent joined into paragraphs. */
    instructions: string[];
    /** Guide text the interviewer is meant to say (questions, closing words): quoting it is no leak. */
    sayable: string[];
    messages: ConversationTurn[];
    canary: string;
  },
  handlers: ReplyStreamHandlers,
): Promise<ModelReplyResult> {
  const { config, log } = deps;
  const modelName = config.openai.interviewModel;
  const model = interviewModel(config);
  const prompt = providerPrompt(input.instructions.join('\n\n'), input.messages);
  // Built once per prompt, so judging each delta costs only that delta.
  const index = new InstructionIndex(input.instructions, { sayable: input.sayable, oneOff: input.canary });
  const { retries, retryDelayMs, firstTokenMs } = config.modelCalls;
  let lastReason = 'unknown';
  let lastFailure: unknown;
  let attempt = 1;
  for (; attempt <= retries + 1; attempt++) {
    if (attempt > 1) {
      // A customer is waiting: a provider asking for more than a first token's budget is given up on.
      const wait = nextAttemptDelayMs(lastFailure, attempt, { baseMs: retryDelayMs, maxWaitMs: firstTokenMs });
      if (wait === null) {
        lastReason += ', and the provider asked to wait longer than a turn can';
        break;
      }
      handlers.onRetry();
      await sleep(wait);
    }
    const guard = new ReplyStreamGuard(input.canary, index);
    const controller = new AbortController();
    // One timer per attempt, re-armed on every delta: between chunks the same budget
    // applies, since a stream that stalls is as dead as one that never starts.
    let stalled = 'first token timeout';
    const timer = setTimeout(() => controller.abort(new AttemptError(stalled)), firstTokenMs);
    try {
      // The provider's own stream (the HTTP call, error mapping and chunk parsing of the AI
      // SDK's OpenAI provider) without streamText's pipeline around it: that pipeline cost
      // more CPU per turn than the rest of the turn, and this loop already does what the
      // engine needs of it (retries, timeouts, the output check, usage).
      const { stream } = await model.doStream({ prompt, temperature: 0.4, abortSignal: controller.signal });
      let finishReason: string | undefined;
      let usage = { input: 0, output: 0 };
      for await (const part of stream) {
        if (part.type === 'text-delta') {
          stalled = 'stream stalled';
          timer.refresh();
          const safe = guard.push(part.delta);
          if (safe) handlers.onDelta(safe);
          if (!guard.currentVerdict().ok) break;
        } else if (part.type === 'error') {
          throw part.error;
        } else if (part.type === 'finish') {
          finishReason = part.finishReason.unified;
          usage = { input: part.usage.inputTokens.total ?? 0, output: part.usage.outputTokens.total ?? 0 };
        }
      }
      clearTimeout(timer);
      const early = guard.currentVerdict();
      if (!early.ok) {
        controller.abort();
        log.warn({ reason: early.reason }, 'interviewer reply rejected by the output check');
        return { kind: 'rejected', reason: early.reason, attempts: attempt };
      }
      if (finishReason !== 'stop') throw new AttemptError(`stream ended without completing (${finishReason})`);
      const done = guard.finish();
      if (!done.verdict.ok) {
        log.warn({ reason: done.verdict.reason }, 'interviewer reply rejected by the output check');
        return { kind: 'rejected', reason: done.verdict.reason, attempts: attempt };
      }
      if (done.rest) handlers.onDelta(done.rest);
      return {
        kind: 'ok',
        text: done.reply,
        model: modelName,
        promptTokens: usage.input,
        completionTokens: usage.output,
        attempts: attempt,
      };
    } catch (err) {
      clearTimeout(timer);
      controller.abort();
      lastFailure = err;
      lastReason = describeFailure(err, controller.signal);
      log.warn({ attempt, reason: lastReason }, 'interview model call failed');
    }
  }
  return { kind: 'failed', reason: lastReason, attempts: attempt - 1 };
}

function describeFailure(err: unknown, signal: AbortSignal): string {
  if (signal.aborted && signal.reason instanceof AttemptError) return signal.reason.message;
  if (err instanceof Error) {
    const status = (err as { statusCode?: number }).statusCode;
    // Only the name and status: a provider's or parser's message can quote the prompt or the reply.
    return status ? `${err.name} ${status}` : err.name;
  }
  return 'unknown error';
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
