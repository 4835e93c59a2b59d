import { humanize } from './format';

const healthTone: Record<string, string> = {
  healthy: 'good',
  good: 'good',
  green: 'good',
  neutral: 'neutral',
  unknown: 'neutral',
  watch: 'warn',
  at_risk: 'bad',
  yellow: 'warn',
  critical: 'bad',
  churning: 'bad',
  red: 'bad',
};

/** The account's health state as a colored pill with a text label (color is never the only cue). */
export function HealthBadge({ state }: { state: string }) {
  return <span className={`pill pill-${healthTone[state] ?? 'neutral'}`}>{humanize(state)}</span>;
}

const statusTone: Record<string, string> = {
  completed: 'good',
  started: 'info',
  invited: 'neutral',
  abandoned: 'warn',
  expired: 'neutral',
  declined: 'bad',
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`pill pill-${statusTone[status] ?? 'neutral'}`}>{humanize(status)}</span>;
}

export function ModeBadge({ mode }: { mode: string }) {
  return <span className="pill pill-outline">{mode === 'ai' ? 'AI' : humanize(mode)}</span>;
}
