import type { OperatingModelInputs } from '@candor/shared';
import { type OutcomeRow, quarterOf } from '../outcomes/retention-rates';

type Targets = OperatingModelInputs['targets'];

/** One CSM's book in one quarter (the trailing four quarters of renewals ending there). */
export type CsmBook = {
  csm: string;
  /** Accounts renewed in the window: with annual contracts, the whole measured book. */
  measured_accounts: number;
  /** Accounts whose latest renewal met the GRR and NRR targets. */
  at_target: number;
  share_at_target: number | null;
  expansion_rate: number | null;
  meets_expansion_target: boolean | null;
};

export type EffectiveBookPoint = {
  quarter: string;
  csms: CsmBook[];
  /** Mean accounts at target per CSM: the headline number. */
  effective_book: number | null;
  /** Mean measured accounts per CSM. */
  book_per_csm: number | null;
};

/** An account meets the targets when its renewal kept ≥ the GRR target and ended ≥ the NRR target. */
export function meetsTargets(r: Pick<OutcomeRow, 'beforeCents' | 'afterCents'>, targets: Targets): boolean {
  if (r.beforeCents <= 0) return r.afterCents > 0;
  return (
    Math.min(r.afterCents, r.beforeCents) / r.beforeCents >= targets.grr && r.afterCents / r.beforeCents >= targets.nrr
  );
}

const quarterIndex = (q: string) => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
const quarterName = (i: number) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;

/**
 * The effective book of business per CSM, quarter by quarter: for each quarter, each
 * CSM's renewals over the trailing four quarters (latest renewal per account), how many
 * of those accounts met the outcome targets, and the CSM's expansion rate against its
 * target. Renewals are attributed to the CSM recorded with them.
 */
export function effectiveBookTrend(rows: OutcomeRow[], targets: Targets): EffectiveBookPoint[] {
  if (!rows.length) return [];
  const indexes = rows.map((r) => quarterIndex(quarterOf(r.occurredOn)));
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  const points: EffectiveBookPoint[] = [];
  for (let q = first; q <= last; q++) {
    const window = rows.filter((_, i) => (indexes[i] ?? 0) <= q && (indexes[i] ?? 0) > q - 4);
    const byCsm = new Map<string, Map<string, OutcomeRow>>();
    for (const r of window) {
      const csm = r.ownerEmail ?? '(unassigned)';
      const book = byCsm.get(csm) ?? new Map<string, OutcomeRow>();
      const seen = book.get(r.accountId);
      if (!seen || seen.occurredOn <= r.occurredOn) book.set(r.accountId, r);
      byCsm.set(csm, book);
    }
    const csms = [...byCsm.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([csm, book]): CsmBook => {
        const latest = [...book.values()];
        const atTarget = latest.filter((r) => meetsTargets(r, targets)).length;
        const expanded = latest.filter((r) => r.afterCents > r.beforeCents).length;
        const expansionRate = latest.length ? expanded / latest.length : null;
        return {
          csm,
          measured_accounts: latest.length,
          at_target: atTarget,
          share_at_target: latest.length ? atTarget / latest.length : null,
          expansion_rate: expansionRate,
          meets_expansion_target: expansionRate === null ? null : expansionRate >= targets.expansion_rate,
        };
      });
    const assigned = csms.filter((c) => c.csm !== '(unassigned)');
    const mean = (f: (c: CsmBook) => number) =>
      assigned.length ? assigned.reduce((s, c) => s + f(c), 0) / assigned.length : null;
    points.push({
      quarter: quarterName(q),
      csms,
      effective_book: mean((c) => c.at_target),
      book_per_csm: mean((c) => c.measured_accounts),
    });
  }
  return points;
}
