import type { HealthReason, HealthState, KindedSignalValue } from '@candor/shared';

export type { HealthReason, HealthState } from '@candor/shared';

export type HealthSignal = KindedSignalValue & {
  id: string;
  quote: string;
  message_id: string;
  interview_id: string;
  created_at: Date;
};

export type HealthInput = {
  /** Usage events in the last `days` days and the same span before. */
  usage: { recent: number; previous: number; days: number };
  /** Signals of the last 90 days, newest first. */
  signals: HealthSignal[];
};

const MIN_BASELINE = 10;

/**
 * What `assessHealth` can tell apart in an account's usage, as a short key: two usages with
 * the same key give the same state and reasons. The exact counts matter only while usage has
 * stopped or dropped (the reason quotes them); otherwise only whether there is any usage at all
 * does. So a steady account's key holds as the windows slide day by day, and changes the day a
 * drop crosses a threshold. Kept beside the rules: a change to one is a change to the other.
 */
export function usageClass(usage: { recent: number; previous: number }): string {
  const { recent, previous } = usage;
  if (previous >= MIN_BASELINE && recent === 0) return `stopped:${previous}`;
  if (previous >= MIN_BASELINE && (previous - recent) / previous >= 0.25) return `drop:${previous}:${recent}`;
  return recent + previous > 0 ? 'used' : 'none';
}

/** An account's usage on one UTC day (`YYYY-MM-DD`), as the daily rollup holds it. */
export type UsageDay = { day: string; events: number };

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Usage over the `days` UTC days up to `today` (included) and the `days` before them, from
 * daily counts: what `usageWindows` reads from the rollup, for any day.
 */
export function usageOn(usage: UsageDay[], today: string, days: number): { recent: number; previous: number } {
  const end = dayNumber(today);
  let recent = 0;
  let previous = 0;
  for (const { day, events } of usage) {
    const age = end - dayNumber(day);
    if (age >= 0 && age < days) recent += events;
    else if (age >= days && age < 2 * days) previous += events;
  }
  return { recent, previous };
}

/**
 * The first UTC day after `today` on which the usage class (`usageClass`) differs from
 * today's with no new event, or null when it never will. A day's events count as recent from
 * that day, as previous `days` later and not at all `2 × days` later: the class can change only
 * on those days, so only they are tried.
 */
export function nextUsageChange(usage: UsageDay[], today: string, days: number): string | null {
  const now = dayNumber(today);
  const current = usageClass(usageOn(usage, today, days));
  const candidates = new Set<number>();
  for (const { day, events } of usage) {
    if (events === 0) continue;
    for (const at of [0, days, 2 * days].map((shift) => dayNumber(day) + shift)) if (at > now) candidates.add(at);
  }
  for (const at of [...candidates].sort((a, b) => a - b)) {
    const day = new Date(at * DAY_MS).toISOString().slice(0, 10);
    if (usageClass(usageOn(usage, day, days)) !== current) return day;
  }
  return null;
}

/**
 * The documented health rules (README "Account health"):
 * - at risk: a high churn-risk signal, or a request for a human, or usage down ≥ 50%, or
 *   usage stopped, or a medium churn risk together with usage down ≥ 25%;
 * - watch: a medium churn risk, or mostly negative sentiment, or usage down ≥ 25%;
 * - healthy: anything else with some usage or signals; unknown: nothing to go on.
 * Usage needs a baseline of 10 events in the earlier window before a drop counts.
 */
export function assessHealth(input: HealthInput): { state: HealthState; reasons: HealthReason[] } {
  const reasons: HealthReason[] = [];
  const cite = (s: HealthSignal) => ({
    signal_id: s.id,
    interview_id: s.interview_id,
    message_id: s.message_id,
    quote: s.quote,
  });

  const churn = input.signals.filter((s) => s.kind === 'churn_risk');
  const high = churn.find((s) => s.value.level === 'high');
  const medium = churn.find((s) => s.value.level === 'medium');
  const human = input.signals.find((s) => s.kind === 'wants_human');
  const sentiments = input.signals.filter((s) => s.kind === 'sentiment');
  const negative = sentiments.filter((s) => s.value.polarity === 'negative');
  const { recent, previous, days } = input.usage;
  const drop = previous >= MIN_BASELINE ? (previous - recent) / previous : 0;

  if (high)
    reasons.push({
      code: 'churn_risk_high',
      text: 'A customer described a serious risk of leaving',
      evidence: cite(high),
    });
  if (human) reasons.push({ code: 'wants_human', text: 'A customer asked to talk to a person', evidence: cite(human) });
  if (previous >= MIN_BASELINE && recent === 0)
    reasons.push({
      code: 'usage_stopped',
      text: `No usage in the last ${days} days (${previous} events the ${days} days before)`,
    });
  else if (drop >= 0.25)
    reasons.push({
      code: 'usage_drop',
      text: `Usage down ${Math.round(drop * 100)}% over ${days} days (${previous} → ${recent} events)`,
    });
  if (medium)
    reasons.push({
      code: 'churn_risk_medium',
      text: 'A customer raised a risk to the relationship',
      evidence: cite(medium),
    });
  if (sentiments.length >= 2 && negative.length * 2 > sentiments.length)
    reasons.push({
      code: 'negative_sentiment',
      text: `${negative.length} of ${sentiments.length} answers were negative`,
      evidence: cite(negative[0]!),
    });

  const atRisk = Boolean(
    high || human || (previous >= MIN_BASELINE && recent === 0) || drop >= 0.5 || (medium && drop >= 0.25),
  );
  if (atRisk) return { state: 'at_risk', reasons };
  if (reasons.length > 0) return { state: 'watch', reasons };
  const expansion = input.signals.find((s) => s.kind === 'expansion_intent');
  if (expansion)
    reasons.push({
      code: 'expansion_intent',
      text: 'A customer talked about growing their use',
      evidence: cite(expansion),
    });
  if (recent + previous === 0 && input.signals.length === 0) return { state: 'unknown', reasons };
  return { state: 'healthy', reasons };
}
