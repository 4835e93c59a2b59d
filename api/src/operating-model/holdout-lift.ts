import { createRng } from '../demo/prng';

/** Below this many renewed-or-churned accounts in either group, the page says there is not enough data. */
export const MIN_ACCOUNTS_PER_ARM = 20;
const Z95 = 1.959963984540054;
const BOOTSTRAP_RESAMPLES = 2000;

/** One account's renewals after it was assigned to a group (money in integer cents). */
export type ArmAccount = { renewals: { beforeCents: number; afterCents: number }[] };

export type Interval = { estimate: number; low: number; high: number };

export type ArmSummary = {
  accounts: number;
  renewals: number;
  renewal_rate: number | null;
  grr: number | null;
  nrr: number | null;
  expansion_rate: number | null;
};

export type LiftComparison = {
  treated: ArmSummary;
  held_out: ArmSummary;
  enough_data: boolean;
  verdict: string;
  /** Treated minus held out, with a 95 % interval; null until both groups have enough accounts. */
  lift: {
    renewal_rate: Interval;
    expansion_rate: Interval;
    grr: Interval;
    nrr: Interval;
  } | null;
};

/** Wilson score interval for a proportion (95 %). */
export function wilson(successes: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Newcombe's hybrid score interval (method 10) for a difference of two proportions, built from Wilson's. */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number): Interval {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const a = wilson(x1, n1);
  const b = wilson(x2, n2);
  const d = p1 - p2;
  return {
    estimate: d,
    low: d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
  };
}

const flatten = (arm: ArmAccount[]) => arm.flatMap((a) => a.renewals);
const sums = (arm: ArmAccount[]) => {
  let before = 0;
  let after = 0;
  let kept = 0;
  for (const r of flatten(arm)) {
    before += r.beforeCents;
    after += r.afterCents;
    kept += Math.min(r.beforeCents, r.afterCents);
  }
  return { before, after, kept };
};
const grrOf = (arm: ArmAccount[]) => {
  const s = sums(arm);
  return s.before > 0 ? s.kept / s.before : 0;
};
const nrrOf = (arm: ArmAccount[]) => {
  const s = sums(arm);
  return s.before > 0 ? s.after / s.before : 0;
};
/** An account renewed when its latest renewal kept any ARR; it expanded when that renewal grew. */
const renewedAccount = (a: ArmAccount) => (a.renewals.at(-1)?.afterCents ?? 0) > 0;
const expandedAccount = (a: ArmAccount) => {
  const last = a.renewals.at(-1);
  return !!last && last.afterCents > last.beforeCents;
};

function summarize(arm: ArmAccount[]): ArmSummary {
  const n = arm.length;
  const s = sums(arm);
  return {
    accounts: n,
    renewals: flatten(arm).length,
    renewal_rate: n ? arm.filter(renewedAccount).length / n : null,
    grr: s.before > 0 ? s.kept / s.before : null,
    nrr: s.before > 0 ? s.after / s.before : null,
    expansion_rate: n ? arm.filter(expandedAccount).length / n : null,
  };
}

/** Percentile bootstrap of a difference of a ratio metric, resampling accounts within each group (seeded). */
function bootstrapDifference(
  treated: ArmAccount[],
  held: ArmAccount[],
  metric: (arm: ArmAccount[]) => number,
): Interval {
  const rng = createRng(`holdout-bootstrap:${treated.length}:${held.length}`);
  const resample = (arm: ArmAccount[]) => arm.map(() => arm[Math.floor(rng.next() * arm.length)] as ArmAccount);
  const diffs: number[] = [];
  for (let i = 0; i < BOOTSTRAP_RESAMPLES; i++) diffs.push(metric(resample(treated)) - metric(resample(held)));
  diffs.sort((a, b) => a - b);
  return {
    estimate: metric(treated) - metric(held),
    low: diffs[Math.floor(0.025 * BOOTSTRAP_RESAMPLES)] ?? 0,
    high: diffs[Math.ceil(0.975 * BOOTSTRAP_RESAMPLES) - 1] ?? 0,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} pts`;

/**
 * Treated vs held-out accounts on renewal, GRR, NRR and expansion: each group's figures,
 * the lift with a 95 % interval (Newcombe for rates, a seeded bootstrap over accounts for
 * GRR/NRR), and a plain verdict — including "not enough data yet" with the counts.
 */
export function compareArms(treated: ArmAccount[], held: ArmAccount[]): LiftComparison {
  const t = treated.filter((a) => a.renewals.length > 0);
  const h = held.filter((a) => a.renewals.length > 0);
  const base = { treated: summarize(t), held_out: summarize(h) };
  if (t.length < MIN_ACCOUNTS_PER_ARM || h.length < MIN_ACCOUNTS_PER_ARM)
    return {
      ...base,
      enough_data: false,
      lift: null,
      verdict: `Not enough data yet: ${t.length} treated and ${h.length} held-out accounts have renewed or churned since they were assigned; the comparison needs at least ${MIN_ACCOUNTS_PER_ARM} in each group.`,
    };
  const lift = {
    renewal_rate: newcombeDifference(
      t.filter(renewedAccount).length,
      t.length,
      h.filter(renewedAccount).length,
      h.length,
    ),
    expansion_rate: newcombeDifference(
      t.filter(expandedAccount).length,
      t.length,
      h.filter(expandedAccount).length,
      h.length,
    ),
    grr: bootstrapDifference(t, h, grrOf),
    nrr: bootstrapDifference(t, h, nrrOf),
  };
  const nrr = lift.nrr;
  const verdict =
    nrr.low > 0
      ? `NRR is ${pct(nrr.estimate)} higher for treated accounts (95 % interval ${pct(nrr.low)} to ${pct(nrr.high)}): the lift is measurable.`
      : nrr.high < 0
        ? `NRR is ${pct(-nrr.estimate)} lower for treated accounts (95 % interval ${pct(nrr.low)} to ${pct(nrr.high)}).`
        : `No clear difference yet: the NRR lift is ${pct(nrr.estimate)} but its 95 % interval (${pct(nrr.low)} to ${pct(nrr.high)}) includes zero.`;
  return { ...base, enough_data: true, lift, verdict };
}
