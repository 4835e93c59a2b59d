import type { AppDeps } from '../app-deps';
import { callWithRetries, ModelAttemptError } from '../model-access/model-calls';
import { type ConversationTurn, streamInterviewModel } from '../model-access/model-provider';
import { ActionTagReader } from './action-tag';
import { InstructionIndex } from './instruction-index';
import { type GuardVerdict, ReplyStreamGuard } from './reply-guard';

export type { ConversationTurn } from '../model-access/model-provider';

export type ModelReplyResult =
  | {
      kind: 'ok';
      text: string;
      /** The reply's leading action tag (see action-tag.ts), or null when it had none. */
      tag: string | null;
      model: string;
      promptTokens: number;
      completionTokens: number;
      attempts: number;
    }
  /** The output check refused the reply (canary, recited instructions, a promise); not retried. */
  | { kind: 'rejected'; reason: Exclude<GuardVerdict, { ok: true }>['reason']; attempts: number }
  /** Every attempt failed (timeout, 429, 5xx, malformed or cut stream), or the turn's budget ran out. */
  | { kind: 'failed'; reason: string; attempts: number };

export type ReplyStreamHandlers = {
  /** Checked text, safe to show the customer. */
  onDelta(text: string): void;
  /** A failed attempt's partial text should be discarded: a retry starts over. */
  onRetry(): void;
  /** The attempt's action tag is known (null: the reply has none); called before its first delta. */
  onTag?(tag: string | null): void;
};

type AttemptResult = Exclude<ModelReplyResult, { kind: 'failed' }>;

/**
 * Streams one interviewer reply from the configured model through the output check, with
 * a first-token timeout, and retries under the one model-call policy within the turn's
 * budget (CANDOR_MODEL_TURN_MS). Never throws: the caller answers in scripted mode when
 * this does not come back `ok`.
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
    /** Aborted when the reply is no longer wanted (its turn was answered otherwise). */
    cancel?: AbortSignal;
  },
  handlers: ReplyStreamHandlers,
): Promise<ModelReplyResult> {
  const { config, log } = deps;
  const instructions = input.instructions.join('\n\n');
  // Built once per prompt, so judging each delta costs only that delta.
  const index = new InstructionIndex(input.instructions, { sayable: input.sayable, oneOff: input.canary });
  const { firstTokenMs, turnMs } = config.modelCalls;
  const outcome = await callWithRetries(
    deps,
    // A customer is waiting: a provider asking for more than a first token's budget is given up on.
    {
      purpose: 'interviewer reply',
      maxWaitMs: firstTokenMs,
      budgetMs: turnMs,
      onRetry: handlers.onRetry,
      ...(input.cancel ? { cancel: input.cancel } : {}),
    },
    async (budget, attempt): Promise<AttemptResult> => {
      const guard = new ReplyStreamGuard(input.canary, index);
      const tags = new ActionTagReader();
      let tagSeen = false;
      // The tag is not the customer's to see: it is read off before the output check.
      const afterTag = (text: string) => {
        if (!tagSeen && tags.tag !== undefined) {
          tagSeen = true;
          handlers.onTag?.(tags.tag);
        }
        return text;
      };
      const stall = new AbortController();
      // One timer per attempt, re-armed on every delta: between chunks the same budget
      // applies, since a stream that stalls is as dead as one that never starts.
      let stalled = 'first token timeout';
      const timer = setTimeout(() => stall.abort(new ModelAttemptError(stalled)), firstTokenMs);
      // The turn's budget bounds the wait for words, not words already reaching the
      // customer: a reply that is streaming is let finish (the stall timer still guards it).
      let shown = false;
      let completed = false;
      const budgetSpent = () => {
        if (!shown) stall.abort(budget.reason);
      };
      budget.addEventListener('abort', budgetSpent, { once: true });
      const cancelled = () => stall.abort(new ModelAttemptError('reply no longer wanted'));
      input.cancel?.addEventListener('abort', cancelled, { once: true });
      try {
        let finishReason: string | undefined;
        let usage = { input: 0, output: 0 };
        for await (const part of streamInterviewModel(config, {
          instructions,
          messages: input.messages,
          temperature: 0.4,
          abortSignal: stall.signal,
        })) {
          if (part.type === 'text') {
            stalled = 'stream stalled';
            timer.refresh();
            const text = afterTag(tags.push(part.delta));
            if (!text) continue;
            const safe = guard.push(text);
            if (safe) {
              shown = true;
              handlers.onDelta(safe);
            }
            if (!guard.currentVerdict().ok) break;
          } else {
            finishReason = part.finishReason;
            usage = { input: part.promptTokens, output: part.completionTokens };
          }
        }
        const early = guard.currentVerdict();
        if (!early.ok) {
          log.warn({ reason: early.reason }, 'interviewer reply rejected by the output check');
          return { kind: 'rejected', reason: early.reason, attempts: attempt };
        }
        if (finishReason !== 'stop') throw new ModelAttemptError(`stream ended without completing (${finishReason})`);
        const held = afterTag(tags.finish());
        const heldSafe = held ? guard.push(held) : '';
        if (heldSafe) handlers.onDelta(heldSafe);
        const done = guard.finish();
        if (!done.verdict.ok) {
          log.warn({ reason: done.verdict.reason }, 'interviewer reply rejected by the output check');
          return { kind: 'rejected', reason: done.verdict.reason, attempts: attempt };
        }
        if (done.rest) handlers.onDelta(done.rest);
        completed = true;
        return {
          kind: 'ok',
          text: done.reply,
          tag: tags.tag ?? null,
          model: config.openai.interviewModel,
          promptTokens: usage.input,
          completionTokens: usage.output,
          attempts: attempt,
        };
      } catch (err) {
        // A timeout aborts the request: report the timeout, not the abort it caused.
        throw stall.signal.aborted ? stall.signal.reason : err;
      } finally {
        budget.removeEventListener('abort', budgetSpent);
        input.cancel?.removeEventListener('abort', cancelled);
        clearTimeout(timer);
        // Ends the request when the loop stopped early (a rejected reply) or failed; a
        // completed stream is left alone, its connection is already done.
        if (!completed) stall.abort();
      }
    },
  );
  return outcome.ok ? outcome.value : { kind: 'failed', reason: outcome.reason, attempts: outcome.attempts };
}
