import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createLogger } from '../log';
import { callWithRetries, ModelAttemptError } from './model-calls';

const deps = (retries: string) => ({
  config: loadConfig({ CANDOR_MODEL_RETRIES: retries, CANDOR_MODEL_RETRY_DELAY_MS: '1' }),
  log: createLogger('silent'),
});

describe('callWithRetries', () => {
  it('makes CANDOR_MODEL_RETRIES retries and reports the last failure by its safe reason', async () => {
    for (const retries of [0, 1, 3]) {
      let calls = 0;
      const outcome = await callWithRetries(deps(String(retries)), { purpose: 't', maxWaitMs: 1000 }, async () => {
        calls += 1;
        throw new ModelAttemptError('first token timeout');
      });
      expect(calls).toBe(retries + 1);
      expect(outcome).toEqual({ ok: false, reason: 'first token timeout', attempts: retries + 1 });
    }
  });

  it('returns the first attempt that succeeds', async () => {
    let calls = 0;
    const outcome = await callWithRetries(deps('2'), { purpose: 't', maxWaitMs: 1000 }, async (_signal, n) => {
      calls += 1;
      if (n < 2) throw new Error('boom');
      return 'answer';
    });
    expect(outcome).toEqual({ ok: true, value: 'answer', attempts: 2 });
    expect(calls).toBe(2);
  });

  it('ends a hanging call when the budget is spent, whatever the retries allow', async () => {
    const started = Date.now();
    let calls = 0;
    const outcome = await callWithRetries(
      deps('10'),
      { purpose: 't', maxWaitMs: 1000, budgetMs: 200 },
      (signal) =>
        new Promise((_, reject) => {
          calls += 1;
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    expect(Date.now() - started).toBeLessThan(400);
    expect(calls).toBe(1);
    expect(outcome).toMatchObject({ ok: false, reason: 'turn budget spent', attempts: 1 });
  });

  it('gives up at once when the provider asks to wait longer than the call can', async () => {
    let calls = 0;
    const outcome = await callWithRetries(deps('3'), { purpose: 't', maxWaitMs: 100 }, async () => {
      calls += 1;
      throw Object.assign(new Error('429'), { responseHeaders: { 'retry-after': '60' } });
    });
    expect(calls).toBe(1);
    expect(outcome.ok).toBe(false);
  });
  it('gives up at once on a request the provider refuses as such, and retries one it may take later', async () => {
    let refused = 0;
    const outcome = await callWithRetries(deps('3'), { purpose: 't', maxWaitMs: 100 }, async () => {
      refused += 1;
      throw Object.assign(new Error('400'), { statusCode: 400, isRetryable: false });
    });
    expect(refused).toBe(1);
    expect(outcome.ok).toBe(false);
    let busy = 0;
    await callWithRetries(deps('2'), { purpose: 't', maxWaitMs: 100 }, async () => {
      busy += 1;
      throw Object.assign(new Error('503'), { statusCode: 503, isRetryable: true });
    });
    expect(busy).toBe(3);
  });
});
