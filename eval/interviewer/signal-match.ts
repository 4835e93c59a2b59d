import type { ExpectedSignal } from './persona-card';

/** A signal as the interview API returns it. */
export type ApiSignal = { kind: string; value: Record<string, unknown>; quote: string; message_id: string };

/** Whether an extracted signal is the one a hidden fact should produce. */
export function matchesExpected(signal: ApiSignal, expected: ExpectedSignal): boolean {
  if (signal.kind !== expected.kind) return false;
  const v = signal.value;
  switch (expected.kind) {
    case 'churn_risk':
      return Array.isArray(v.reasons) && v.reasons.includes(expected.reason);
    case 'competitor':
      return typeof v.name === 'string' && v.name.toLowerCase().includes(expected.name.toLowerCase());
    case 'stakeholder':
      return v.champion_change === expected.championChange;
    case 'expansion_intent':
      return v.kind === expected.expansionKind;
    default:
      return true;
  }
}
