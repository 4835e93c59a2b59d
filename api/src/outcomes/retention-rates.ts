/** One renewal outcome as the retention math needs it (money in integer cents). */
export type OutcomeRow = {
  accountId: string;
  occurredOn: string;
  beforeCents: number;
  afterCents: number;
  plan: string | null;
  ownerEmail: string | null;
};

/** Gross and net revenue retention of a set of renewals, with the sums behind them. */
export type Retention = {
  key: string;
  renewals: number;
  accounts: number;
  arr_before_cents: number;
  arr_after_cents: number;
  /** Σ min(after, before) / Σ before: contraction and churn only, expansion ignored. Null with no ARR up for renewal. */
  grr: number | null;
  /** Σ after / Σ before: expansion counts too. */
  nrr: number | null;
  /** Share of renewals that grew. */
  expansion_rate: number | null;
  churned: number;
  contracted: number;
  expanded: number;
};

/** `2026-03-31` → `2026-Q1`. */
export const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** GRR, NRR and the expansion rate of one group of renewal outcomes. */
export function retentionOf(key: string, rows: OutcomeRow[]): Retention {
  let before = 0;
  let after = 0;
  let kept = 0;
  let churned = 0;
  let contracted = 0;
  let expanded = 0;
  for (const r of rows) {
    before += r.beforeCents;
    after += r.afterCents;
    kept += Math.min(r.afterCents, r.beforeCents);
    if (r.afterCents === 0 && r.beforeCents > 0) churned++;
    else if (r.afterCents < r.beforeCents) contracted++;
    else if (r.afterCents > r.beforeCents) expanded++;
  }
  return {
    key,
    renewals: rows.length,
    accounts: new Set(rows.map((r) => r.accountId)).size,
    arr_before_cents: before,
    arr_after_cents: after,
    grr: before > 0 ? kept / before : null,
    nrr: before > 0 ? after / before : null,
    expansion_rate: rows.length ? expanded / rows.length : null,
    churned,
    contracted,
    expanded,
  };
}

/** Retention grouped by a key (CSM, plan, quarter), groups sorted by key; rows without a key go under "(none)". */
export function retentionBy(rows: OutcomeRow[], keyOf: (r: OutcomeRow) => string | null): Retention[] {
  const groups = new Map<string, OutcomeRow[]>();
  for (const r of rows) {
    const key = keyOf(r) ?? '(none)';
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => retentionOf(key, group));
}
