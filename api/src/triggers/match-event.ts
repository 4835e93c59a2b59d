import type { TriggerWhen } from '@candor/shared';

/** An event as trigger matching sees it. */
export type MatchableEvent = { name: string; properties: Record<string, unknown> };

/**
 * Whether an event fires a rule. Event rules match the name and every filter property;
 * health-change rules match the `account.state_changed` event that synthesis records.
 */
export function eventFiresRule(when: TriggerWhen, event: MatchableEvent): boolean {
  if (when.type === 'event') {
    if (when.event !== event.name) return false;
    return Object.entries(when.filter ?? {}).every(([key, value]) => event.properties[key] === value);
  }
  if (when.type === 'health_change') {
    if (event.name !== 'account.state_changed') return false;
    if (event.properties.to !== when.to) return false;
    return when.from === undefined || event.properties.from === when.from;
  }
  return false;
}

/** Compares an attribute value with a rule's condition (numbers numerically, text case-insensitively). */
export function attributeMatches(
  actual: unknown,
  op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains',
  expected: string | number | boolean,
): boolean {
  if (actual === undefined || actual === null) return op === 'neq';
  if (op === 'contains') return String(actual).toLowerCase().includes(String(expected).toLowerCase());
  if (typeof expected === 'number') {
    const n = typeof actual === 'number' ? actual : Number(actual);
    if (Number.isNaN(n)) return op === 'neq';
    return {
      eq: n === expected,
      neq: n !== expected,
      gt: n > expected,
      gte: n >= expected,
      lt: n < expected,
      lte: n <= expected,
    }[op];
  }
  const a = String(actual).toLowerCase();
  const e = String(expected).toLowerCase();
  if (op === 'eq') return a === e;
  if (op === 'neq') return a !== e;
  return { gt: a > e, gte: a >= e, lt: a < e, lte: a <= e }[op];
}

/** Usage fell by at least `percent` comparing the last window with the one before (needs a real baseline). */
export function usageDropped(previous: number, recent: number, percent: number, minimumBaseline = 10): boolean {
  if (previous < minimumBaseline) return false;
  return ((previous - recent) / previous) * 100 >= percent;
}
