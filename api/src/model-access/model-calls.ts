import type { AppDeps } from '../app-deps';
import { describeModelFailure } from './model-provider';
import { nextAttemptDelayMs } from './retry-delay';

/** A failed attempt whose message is safe to log (no provider or customer text in it). */
export class ModelAttemptError extends Error {}

export type RetryPolicy = {
  /** What the call is for, in logs. */
  purpose: string;
  /** A provider asking to wait longer than this (429/503 retry-after) is given up on at once. */
  maxWaitMs: number;
  /**
   * The whole call, every attempt and wait together, ends after this long: a customer's
   * turn must not wait for retries × per-attempt timeouts. Unset for background work.
   */
  budgetMs?: number;
  /** Called before each retry, e.g. so a streamed partial reply can be discarded. */
  onRetry?: () => void;
  /** Aborted when the caller no longer wants the answer: no further attempt is made. */
  cancel?: AbortSignal;
};

export type CallOutcome<T> = { ok: true; value: T; attempts: number } | { ok: false; reason: string; attempts: number };

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

/**
 * The one retry policy for every model call (interviewer, extraction, synthesis): up to
 * CANDOR_MODEL_RETRIES retries with exponential backoff from CANDOR_MODEL_RETRY_DELAY_MS,
 * at least what a 429's retry-after asks, and never past `budgetMs`. `attempt` gets a
 * signal that aborts when the budget is spent; what it returns ends the call, what it
 * throws is retried. Never throws: the caller falls back to scripted words or rules.
 */
export async function callWithRetries<T>(
  deps: Pick<AppDeps, 'config' | 'log'>,
  policy: RetryPolicy,
  attempt: (signal: AbortSignal, attemptNumber: number) => Promise<T>,
): Promise<CallOutcome<T>> {
  const { retries, retryDelayMs } = deps.config.modelCalls;
  const budget = new AbortController();
  const started = Date.now();
  const budgetTimer =
    policy.budgetMs === undefined
      ? undefined
      : setTimeout(() => budget.abort(new ModelAttemptError('turn budget spent')), policy.budgetMs);
  let reason = 'unknown';
  let failure: unknown;
  let made = 0;
  try {
    for (let n = 1; n <= retries + 1; n++) {
      if (n > 1) {
        const wait = nextAttemptDelayMs(failure, n, { baseMs: retryDelayMs, maxWaitMs: policy.maxWaitMs });
        if (wait === null) {
          reason += `, and the provider asked to wait over ${inWords(policy.maxWaitMs)}`;
          break;
        }
        if (policy.budgetMs !== undefined && Date.now() - started + wait >= policy.budgetMs) {
          reason += ', and no budget is left for another attempt';
          break;
        }
        policy.onRetry?.();
        await sleep(wait, budget.signal);
      }
      if (budget.signal.aborted || policy.cancel?.aborted) break;
      made = n;
      try {
        return { ok: true, value: await attempt(budget.signal, n), attempts: n };
      } catch (err) {
        failure = err;
        reason =
          budget.signal.aborted || err instanceof ModelAttemptError
            ? ((budget.signal.aborted ? budget.signal.reason : err) as Error).message
            : describeModelFailure(err);
        deps.log.warn({ purpose: policy.purpose, attempt: n, reason }, 'model call failed');
        if (budget.signal.aborted || policy.cancel?.aborted) break;
        // A request the provider refused as such (400, 401, 404…) is refused again: no retry.
        if ((err as { isRetryable?: boolean }).isRetryable === false) break;
      }
    }
  } finally {
    clearTimeout(budgetTimer);
  }
  return { ok: false, reason, attempts: made };
}

/** A wait in words for a log line or fallback reason: "a minute", "5 s". */
function inWords(ms: number): string {
  if (ms === 60_000) return 'a minute';
  return ms % 60_000 === 0 ? `${ms / 60_000} minutes` : `${Math.round(ms / 100) / 10} s`;
}
