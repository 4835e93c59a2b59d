import { describe, expect, it } from 'vitest';
import { nextAttemptDelayMs, requestedWaitMs } from './retry-delay';

const failure = (headers: Record<string, string>) => Object.assign(new Error('429'), { responseHeaders: headers });
const now = Date.parse('2026-11-23T12:00:00Z');
const budget = { baseMs: 100, maxWaitMs: 20_000 };

describe('requestedWaitMs', () => {
  it('reads retry-after-ms, retry-after in seconds, and retry-after as a date', () => {
    expect(requestedWaitMs(failure({ 'retry-after-ms': '250' }), now)).toBe(250);
    expect(requestedWaitMs(failure({ 'retry-after': '3' }), now)).toBe(3000);
    expect(requestedWaitMs(failure({ 'retry-after': 'Mon, 23 Nov 2026 12:00:05 GMT' }), now)).toBe(5000);
    expect(requestedWaitMs(failure({ 'retry-after': 'Mon, 23 Nov 2026 11:59:00 GMT' }), now)).toBe(0);
  });

  it('prefers retry-after-ms, and ignores what it cannot read', () => {
    expect(requestedWaitMs(failure({ 'retry-after-ms': '40', 'retry-after': '9' }), now)).toBe(40);
    expect(requestedWaitMs(failure({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(requestedWaitMs(failure({}), now)).toBeUndefined();
    expect(requestedWaitMs(new Error('no response'), now)).toBeUndefined();
    expect(requestedWaitMs(undefined, now)).toBeUndefined();
  });
});

describe('nextAttemptDelayMs', () => {
  it('backs off exponentially with jitter when the provider asked nothing', () => {
    for (const attempt of [2, 3, 4]) {
      const wait = nextAttemptDelayMs(new Error('500'), attempt, budget, now) ?? Number.NaN;
      const base = 100 * 2 ** (attempt - 2);
      expect(wait).toBeGreaterThanOrEqual(base * 0.75);
      expect(wait).toBeLessThanOrEqual(base * 1.25);
    }
  });

  it('waits at least what the provider asked for', () => {
    expect(nextAttemptDelayMs(failure({ 'retry-after': '2' }), 2, budget, now)).toBe(2000);
    expect(nextAttemptDelayMs(failure({ 'retry-after': '0' }), 2, budget, now)).toBeGreaterThanOrEqual(75);
  });

  it('gives up when the provider asks for more than the budget', () => {
    expect(nextAttemptDelayMs(failure({ 'retry-after': '60' }), 2, budget, now)).toBeNull();
  });
});
