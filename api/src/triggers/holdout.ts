import { createHash } from 'node:crypto';

/** The control share a new trigger keeps unless its rule says otherwise (see triggerInputSchema). */
export const DEFAULT_HOLDOUT_PERCENT = 10;

/**
 * Whether a subject (the account, or the contact when it has none) is in a trigger's
 * control group: a stable hash of (trigger, subject) against the share, so the same
 * account is always treated or always held out by the same trigger, across processes.
 */
export function isHeldOut(triggerId: string, subjectId: string, percent: number): boolean {
  if (percent <= 0) return false;
  const h = createHash('sha256').update(`holdout:${triggerId}:${subjectId}`).digest();
  return h.readUInt32BE(0) / 2 ** 32 < percent / 100;
}
