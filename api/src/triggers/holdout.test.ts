import { describe, expect, it } from 'vitest';
import { isHeldOut } from './holdout';

describe('holdout assignment', () => {
  it('is stable per (trigger, subject) and keeps about the configured share', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `acct-${i}`);
    const held = ids.filter((id) => isHeldOut('trigger-1', id, 10));
    expect(held.length / ids.length).toBeGreaterThan(0.09);
    expect(held.length / ids.length).toBeLessThan(0.11);
    expect(ids.filter((id) => isHeldOut('trigger-1', id, 10))).toEqual(held);
    // A different trigger draws a different control group.
    const other = ids.filter((id) => isHeldOut('trigger-2', id, 10));
    expect(other).not.toEqual(held);
  });

  it('holds out nobody at 0 % and grows the group monotonically with the share', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `a${i}`);
    expect(ids.some((id) => isHeldOut('t', id, 0))).toBe(false);
    const at10 = ids.filter((id) => isHeldOut('t', id, 10));
    const at20 = new Set(ids.filter((id) => isHeldOut('t', id, 20)));
    expect(at10.every((id) => at20.has(id))).toBe(true);
  });
});
