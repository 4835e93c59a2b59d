import { describe, expect, it } from 'vitest';
import { type OutcomeRow, quarterOf, retentionBy, retentionOf } from './retention-rates';

const row = (accountId: string, before: number, after: number, extra: Partial<OutcomeRow> = {}): OutcomeRow => ({
  accountId,
  occurredOn: '2026-02-01',
  beforeCents: before,
  afterCents: after,
  plan: 'team',
  ownerEmail: 'a@v.io',
  ...extra,
});

describe('retention rates', () => {
  it('counts contraction and churn in GRR but expansion only in NRR', () => {
    // 100 flat, 100 → 0 churned, 100 → 50 contracted, 100 → 180 expanded.
    const r = retentionOf('all', [row('a', 100, 100), row('b', 100, 0), row('c', 100, 50), row('d', 100, 180)]);
    expect(r.grr).toBeCloseTo(250 / 400, 10);
    expect(r.nrr).toBeCloseTo(330 / 400, 10);
    expect(r).toMatchObject({ churned: 1, contracted: 1, expanded: 1, renewals: 4, accounts: 4, expansion_rate: 0.25 });
  });

  it('has no rate when nothing was up for renewal', () => {
    expect(retentionOf('none', [])).toMatchObject({ grr: null, nrr: null, expansion_rate: null });
  });

  it('groups by quarter and by CSM', () => {
    const rows = [
      row('a', 100, 100, { occurredOn: '2026-03-31', ownerEmail: 'x@v.io' }),
      row('b', 100, 0, { occurredOn: '2026-04-01', ownerEmail: null }),
    ];
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-12-01')).toBe('2026-Q4');
    expect(retentionBy(rows, (r) => quarterOf(r.occurredOn)).map((g) => [g.key, g.grr])).toEqual([
      ['2026-Q1', 1],
      ['2026-Q2', 0],
    ]);
    expect(retentionBy(rows, (r) => r.ownerEmail).map((g) => g.key)).toEqual(['(none)', 'x@v.io']);
  });
});
