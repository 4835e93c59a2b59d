import { type Activity, activities, type Layer, type OperatingModelInputs } from '@candor/shared';

type Complexity = 'low' | 'medium' | 'high';

/** Where each activity belongs in seed 000's four layers and what moving it down takes. */
type Playbook = {
  from: Layer;
  to: Layer;
  move: string;
  capability: string | null;
  complexity: Complexity;
  /** Share of the activity's hours the move takes off the CSM when nothing measured says otherwise. */
  assumed_share: number;
};

export const playbook: Record<Activity, Playbook> = {
  onboarding: {
    from: 'human_led',
    to: 'automated',
    move: 'Replace the kickoff form and intake call with a conversational intake fired on signup.',
    capability: 'Onboarding intake guide',
    complexity: 'low',
    assumed_share: 0.5,
  },
  recurring_check_ins: {
    from: 'human_led',
    to: 'automated',
    move: 'Run health check-ins as short interviews at meaningful moments; the CSM sees only accounts that need a decision.',
    capability: 'Health pulse guide + health state',
    complexity: 'low',
    assumed_share: 0.6,
  },
  renewal_management: {
    from: 'human_led',
    to: 'ai_augmented',
    move: 'Interview users 60 days before renewal and walk into the call with a cited brief instead of researching.',
    capability: 'Pre-renewal interviews + renewal brief',
    complexity: 'medium',
    assumed_share: 0.4,
  },
  escalations: {
    from: 'human_led',
    to: 'ai_augmented',
    move: 'Catch risk earlier with usage-drop triggers and churn-risk interviews so fewer issues become escalations.',
    capability: 'Usage-drop trigger + churn-risk guide',
    complexity: 'high',
    assumed_share: 0.2,
  },
  strategic_expansion: {
    from: 'human_led',
    to: 'human_led',
    move: 'Stays human-led: this is where the freed hours go. Expansion interviews feed it qualified intent.',
    capability: 'Expansion guide (feeds, does not replace)',
    complexity: 'low',
    assumed_share: 0,
  },
  internal_coordination: {
    from: 'human_led',
    to: 'ai_augmented',
    move: 'Replace status meetings and Monday portfolio scans with a weekly briefing per CSM.',
    capability: 'Weekly briefing',
    complexity: 'medium',
    assumed_share: 0.35,
  },
  admin_data_entry: {
    from: 'human_led',
    to: 'automated',
    move: 'Push signals, briefs and health changes to the CRM by webhook instead of typing notes.',
    capability: 'Webhooks (signal.created, brief.ready)',
    complexity: 'medium',
    assumed_share: 0.5,
  },
};

/** What Candor measured over the period (used to ground hours saved where it has data). */
export type MeasuredVolumes = {
  weeks: number;
  interviews_completed: Partial<Record<'onboarding' | 'health_pulse' | 'pre_renewal' | 'churn_risk', number>>;
  renewal_briefs: number;
  weekly_briefings: number;
};

/** Minutes of CSM work one measured artifact stands in for (stated on the page). */
const MINUTES_PER_RENEWAL_BRIEF = 45;
const MINUTES_PER_WEEKLY_BRIEFING = 90;

export type ActivityAnalysis = {
  activity: Activity;
  percent: number;
  hours_per_week: number;
  current_layer: Layer;
  target_layer: Layer;
  move: string;
  capability: string | null;
  complexity: Complexity;
  hours_saved_per_week: number;
  /** measured: from Candor's own volumes; assumed: the playbook's share. */
  basis: 'measured' | 'assumed';
  how: string;
};

export type CoverageAnalysis = {
  csms: number;
  book_per_csm: number;
  hours_per_week: number;
  activities: ActivityAnalysis[];
  hours_saved_per_week: number;
  /** book × hours ÷ (hours − saved): the same human hours per account carry a larger book. */
  projected_book_per_csm: number;
  top_moves: { activity: Activity; hours_saved_per_week: number; complexity: Complexity; roi: number }[];
};

const complexityCost: Record<Complexity, number> = { low: 1, medium: 2, high: 3 };
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Measured minutes per CSM per week an activity's Candor capability already handled, or null. */
function measuredMinutes(activity: Activity, v: MeasuredVolumes, minutesPerCheckIn: number): [number, string] | null {
  const done = v.interviews_completed;
  const per = (label: string, count: number, minutes: number): [number, string] | null =>
    count > 0 ? [(count * minutes) / v.weeks, `${count} ${label} in ${v.weeks} weeks × ${minutes} min`] : null;
  if (activity === 'onboarding') return per('onboarding interviews completed', done.onboarding ?? 0, minutesPerCheckIn);
  if (activity === 'recurring_check_ins')
    return per('health pulse interviews completed', done.health_pulse ?? 0, minutesPerCheckIn);
  if (activity === 'renewal_management')
    return per('renewal briefs generated', v.renewal_briefs, MINUTES_PER_RENEWAL_BRIEF);
  if (activity === 'escalations')
    return per('churn-risk interviews completed', done.churn_risk ?? 0, minutesPerCheckIn);
  if (activity === 'internal_coordination')
    return per('weekly briefings generated', v.weekly_briefings, MINUTES_PER_WEEKLY_BRIEFING);
  return null;
}

/**
 * Seed 000's CS Coverage Model Analyzer, deterministic: each activity's layer and move,
 * hours saved per CSM per week (measured from Candor's volumes when it has them, capped at
 * the activity's own hours; the playbook's share otherwise), the projected book per CSM and
 * the three moves with the most hours saved per unit of complexity.
 */
export function analyzeCoverage(
  coverage: OperatingModelInputs['coverage'],
  measured: { csms: number; book_per_csm: number },
  volumes: MeasuredVolumes,
): CoverageAnalysis {
  const csms = coverage.csms ?? Math.max(1, measured.csms);
  const book = coverage.book_per_csm ?? measured.book_per_csm;
  const H = coverage.hours_per_week;
  const rows = activities.map((activity): ActivityAnalysis => {
    const p = playbook[activity];
    const percent = coverage.allocation[activity] ?? 0;
    const hours = (H * percent) / 100;
    const m = measuredMinutes(activity, volumes, coverage.minutes_per_check_in);
    const assumed = hours * p.assumed_share;
    const saved = m ? Math.min(hours, m[0] / 60 / csms) : assumed;
    return {
      activity,
      percent,
      hours_per_week: round1(hours),
      current_layer: p.from,
      target_layer: p.to,
      move: p.move,
      capability: p.capability,
      complexity: p.complexity,
      hours_saved_per_week: round1(saved),
      basis: m ? 'measured' : 'assumed',
      how: m
        ? `${m[1]} ÷ 60 ÷ ${csms} CSMs, capped at the ${round1(hours)} h/week the activity takes`
        : `${round1(hours)} h/week × ${Math.round(p.assumed_share * 100)}% the move typically takes off (no Candor volume measured yet)`,
    };
  });
  const saved = rows.reduce((s, r) => s + r.hours_saved_per_week, 0);
  const remaining = Math.max(H - saved, H * 0.1);
  return {
    csms,
    book_per_csm: book,
    hours_per_week: H,
    activities: rows,
    hours_saved_per_week: round1(saved),
    projected_book_per_csm: Math.round((book * H) / remaining),
    top_moves: rows
      .filter((r) => r.hours_saved_per_week > 0)
      .map((r) => ({
        activity: r.activity,
        hours_saved_per_week: r.hours_saved_per_week,
        complexity: r.complexity,
        roi: round1(r.hours_saved_per_week / complexityCost[r.complexity]),
      }))
      .sort((a, b) => b.roi - a.roi || a.activity.localeCompare(b.activity))
      .slice(0, 3),
  };
}
