import { describe, expect, it } from 'vitest';
import { type ArmAccount, compareArms, newcombeDifference, wilson } from './holdout-lift';

const accounts = (n: number, before: number, after: number): ArmAccount[] =>
  Array.from({ length: n }, () => ({ renewals: [{ beforeCents: before, afterCents: after }] }));

describe('holdout lift', () => {
  it('computes Wilson and Newcombe intervals as published', () => {
    // Newcombe (1998), example (a): 56/70 vs 48/80 → difference 0.2, interval 0.0524 to 0.3339.
    const d = newcombeDifference(56, 70, 48, 80);
    expect(d.estimate).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0524, 3);
    expect(d.high).toBeCloseTo(0.3339, 3);
    // Wilson for 0/10: 0 to 0.2775.
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(0, 10).high).toBeCloseTo(0.2775, 3);
  });

  it('says plainly when there is not enough data, with the counts', () => {
    const r = compareArms(accounts(50, 100, 100), accounts(5, 100, 100));
    expect(r.enough_data).toBe(false);
    expect(r.lift).toBeNull();
    expect(r.verdict).toBe(
      'Not enough data yet: 50 treated and 5 held-out accounts have renewed or churned since they were assigned; the comparison needs at least 20 in each group.',
    );
    expect(r.held_out).toMatchObject({ accounts: 5, renewals: 5, grr: 1, nrr: 1 });
  });

  it('measures a real lift with intervals that exclude zero, and none where there is none', () => {
    // Treated: 90 expand 100 → 120, 10 churn. Held out: 60 flat, 40 churn.
    const treated = [...accounts(90, 100, 120), ...accounts(10, 100, 0)];
    const held = [...accounts(60, 100, 100), ...accounts(40, 100, 0)];
    const r = compareArms(treated, held);
    expect(r.enough_data).toBe(true);
    expect(r.treated).toMatchObject({ renewal_rate: 0.9, grr: 0.9, nrr: 1.08, expansion_rate: 0.9 });
    expect(r.held_out).toMatchObject({ renewal_rate: 0.6, grr: 0.6, nrr: 0.6, expansion_rate: 0 });
    expect(r.lift?.nrr.estimate).toBeCloseTo(0.48, 10);
    expect(r.lift?.nrr.low).toBeGreaterThan(0);
    expect(r.lift?.nrr.low).toBeLessThan(0.48);
    expect(r.lift?.nrr.high).toBeGreaterThan(0.48);
    expect(r.lift?.renewal_rate.low).toBeGreaterThan(0);
    expect(r.verdict).toMatch(/^NRR is 48\.0 pts higher for treated accounts/);

    const same = compareArms(
      [...accounts(45, 100, 100), ...accounts(5, 100, 0)],
      [...accounts(45, 100, 100), ...accounts(5, 100, 0)],
    );
    expect(same.lift?.nrr.low).toBeLessThan(0);
    expect(same.lift?.nrr.high).toBeGreaterThan(0);
    expect(same.verdict).toMatch(/^No clear difference yet/);
  });
});
