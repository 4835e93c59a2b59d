import { describe, expect, it } from 'vitest';
import type { OutcomeRow } from '../outcomes/retention-rates';
import { effectiveBookTrend, meetsTargets } from './effective-book';

const targets = { grr: 0.9, nrr: 1, expansion_rate: 0.25 };
const r = (accountId: string, occurredOn: string, before: number, after: number, owner = 'a@v.io'): OutcomeRow => ({
  accountId,
  occurredOn,
  beforeCents: before,
  afterCents: after,
  plan: null,
  ownerEmail: owner,
});

describe('effective book of business', () => {
  it('counts an account at target only when it kept and grew its ARR as the targets ask', () => {
    expect(meetsTargets({ beforeCents: 100, afterCents: 100 }, targets)).toBe(true);
    expect(meetsTargets({ beforeCents: 100, afterCents: 95 }, targets)).toBe(false); // NRR 0.95 < 1
    expect(meetsTargets({ beforeCents: 100, afterCents: 95 }, { ...targets, nrr: 0.9 })).toBe(true);
    expect(meetsTargets({ beforeCents: 100, afterCents: 0 }, targets)).toBe(false);
  });

  it('trends each CSM over the trailing four quarters, latest renewal per account', () => {
    const rows = [
      r('x1', '2025-02-01', 100, 100),
      r('x2', '2025-05-01', 100, 0),
      r('x3', '2025-08-01', 100, 150),
      r('y1', '2025-08-01', 100, 100, 'b@v.io'),
      r('y2', '2025-08-01', 100, 80, 'b@v.io'),
      r('x1', '2026-02-01', 100, 120), // x1's second renewal replaces its first in the window
    ];
    const trend = effectiveBookTrend(rows, targets);
    expect(trend.map((p) => p.quarter)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    const q3 = trend[2];
    expect(q3?.csms).toEqual([
      {
        csm: 'a@v.io',
        measured_accounts: 3,
        at_target: 2,
        share_at_target: 2 / 3,
        expansion_rate: 1 / 3,
        meets_expansion_target: true,
      },
      {
        csm: 'b@v.io',
        measured_accounts: 2,
        at_target: 1,
        share_at_target: 0.5,
        expansion_rate: 0,
        meets_expansion_target: false,
      },
    ]);
    expect(q3?.effective_book).toBe(1.5);
    expect(q3?.book_per_csm).toBe(2.5);
    // 2026-Q1's window is 2025-Q2..2026-Q1: x1's 2025-02 renewal has left it.
    const last = trend[4];
    expect(last?.csms.find((c) => c.csm === 'a@v.io')).toMatchObject({ measured_accounts: 3, at_target: 2 });
  });

  it('has no trend without renewals', () => {
    expect(effectiveBookTrend([], targets)).toEqual([]);
  });
});
