import type { TriggerInput } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import type { Ws } from '../db/tenant';
import { subjectsFor } from './evaluate-periodic';
import { resolveRecipients } from './recipients';

/** What a rule would match if it were evaluated now; nothing is recorded or sent. */
export type DryRun = { evaluable: true; contacts: number } | { evaluable: false; contacts: null; reason: string };

/** Rules that fire on something happening cannot be counted ahead of time; say why in words. */
const notEvaluable: Partial<Record<TriggerInput['when']['type'], string>> = {
  event: 'This rule fires when the event arrives, so it matches no one ahead of time.',
  health_change: "This rule fires when an account's health changes, so it matches no one ahead of time.",
  manual: 'This rule runs only when started by hand, on the contacts or accounts you choose.',
  signal: 'This play fires when an interview yields the signal, so it matches no one ahead of time.',
};

/**
 * Counts the distinct contacts a rule's *when* and *who* would reach now, using the same
 * subject and recipient queries as the periodic pass (fatigue rules are not applied: this
 * is who matches, not who would be asked today).
 */
export async function dryRunTrigger(
  deps: AppDeps,
  ws: Ws,
  rule: Pick<TriggerInput, 'when' | 'who' | 'plans'>,
): Promise<DryRun> {
  const reason = notEvaluable[rule.when.type];
  if (reason) return { evaluable: false, contacts: null, reason };
  const contacts = new Set<string>();
  for (const subject of await subjectsFor(deps, ws, rule.when, deps.now()))
    for (const id of await resolveRecipients(deps.db, ws, rule, subject)) contacts.add(id);
  return { evaluable: true, contacts: contacts.size };
}
