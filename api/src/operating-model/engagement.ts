import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { computeFunnels } from '../triggers/funnel';

export type MomentEngagement = {
  moment: string;
  invited: number;
  /** Invited contacts who answered at least once. */
  response_rate: number | null;
  completion_rate: number | null;
  /** Response rate ÷ the previous survey's: 4 means four times as many people answered. */
  lift_vs_baseline: number | null;
  /** Hours from the trigger's decision to the interview's first signal. */
  time_to_insight_hours: { median: number; p90: number; n: number } | null;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Candor's response and completion rates per moment against the survey it replaces, and
 * the time from trigger to first actionable signal (median and p90, nearest rank).
 */
export async function engagementByMoment(db: Db, ws: Ws, baselineRate: number | null): Promise<MomentEngagement[]> {
  const funnels = await computeFunnels(db, ws, 'moment');
  const waits = await tenant(db, ws)
    .selectFrom('invitations')
    .innerJoin('guides', 'guides.id', 'invitations.guide_id')
    .innerJoin('signals', 'signals.interview_id', 'invitations.interview_id')
    .select(['guides.moment', 'invitations.id', 'invitations.created_at'])
    .select((eb) => eb.fn.min('signals.created_at').as('first_signal'))
    .where('invitations.trigger_id', 'is not', null)
    .groupBy(['guides.moment', 'invitations.id', 'invitations.created_at'])
    .execute();
  return funnels
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((f) => {
      const hours = waits
        .filter((w) => w.moment === f.key)
        .map((w) => (new Date(w.first_signal as Date).getTime() - new Date(w.created_at).getTime()) / 3_600_000)
        .filter((h) => h >= 0)
        .sort((a, b) => a - b);
      const response = f.invited ? f.started / f.invited : null;
      return {
        moment: f.key,
        invited: f.invited,
        response_rate: response,
        completion_rate: f.invited ? f.completed / f.invited : null,
        lift_vs_baseline: response !== null && baselineRate ? round1(response / baselineRate) : null,
        time_to_insight_hours: hours.length
          ? { median: round1(percentile(hours, 0.5)), p90: round1(percentile(hours, 0.9)), n: hours.length }
          : null,
      };
    });
}
