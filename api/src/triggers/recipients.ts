import type { TriggerWho } from '@candor/shared';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';

/** What of a rule decides who it reaches: *who*, and the plan condition when it has one. */
export type Audience = { who: TriggerWho; plans?: string[] | undefined };

/**
 * Who a fired trigger asks: the contact the event was about, or the account's contacts
 * with one of the listed roles (case-insensitive; none listed means all of them). With a
 * plan condition, only contacts of accounts on one of those plans.
 */
export async function resolveRecipients(
  db: Db,
  ws: Ws,
  rule: Audience,
  subject: { contactId?: string | null; accountId?: string | null },
): Promise<string[]> {
  const { who } = rule;
  let ids: string[];
  if (who.type === 'contact') ids = subject.contactId ? [subject.contactId] : [];
  else if (!subject.accountId) ids = [];
  else {
    const contacts = await tenant(db, ws)
      .selectFrom('contacts')
      .select(['id', 'role'])
      .where('account_id', '=', subject.accountId)
      .execute();
    const roles = new Set(who.roles.map((r) => r.toLowerCase()));
    ids = contacts.filter((c) => roles.size === 0 || roles.has((c.role ?? '').toLowerCase())).map((c) => c.id);
  }
  return keepOnPlans(db, ws, rule.plans, ids);
}

/** The contacts of `ids` whose account is on one of `plans` (all of them without a condition), in order. */
async function keepOnPlans(db: Db, ws: Ws, plans: string[] | undefined, ids: string[]): Promise<string[]> {
  if (!plans?.length || ids.length === 0) return ids;
  const kept = new Set<string>();
  const wanted = plans.map((p) => p.toLowerCase());
  // In slices, so one statement stays far below the driver's limit of bound parameters.
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tenant(db, ws)
      .selectFrom('contacts')
      .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
      .select('contacts.id')
      .where('contacts.id', 'in', ids.slice(i, i + 5000))
      .where(sql<string>`lower(accounts.plan)`, 'in', wanted)
      .execute();
    for (const r of rows) kept.add(r.id);
  }
  return ids.filter((id) => kept.has(id));
}

/** Whether an account's plan passes a rule's plan condition (no condition: every plan). */
export function planAllowed(plans: string[] | undefined, plan: string | null): boolean {
  if (!plans?.length) return true;
  return plan !== null && plans.some((p) => p.toLowerCase() === plan.toLowerCase());
}

/**
 * `resolveRecipients` for many subjects in one read of the contacts involved: a periodic pass
 * fires for thousands of accounts at once. Answers each subject with its recipients, in order.
 */
export async function resolveRecipientsOfMany<S extends { contactId?: string | null; accountId?: string | null }>(
  db: Db,
  ws: Ws,
  rule: Audience,
  subjects: S[],
): Promise<{ subject: S; contactIds: string[] }[]> {
  const resolved = await recipientsOfMany(db, ws, rule.who, subjects);
  if (!rule.plans?.length) return resolved;
  const kept = new Set(await keepOnPlans(db, ws, rule.plans, [...new Set(resolved.flatMap((r) => r.contactIds))]));
  return resolved.map((r) => ({ subject: r.subject, contactIds: r.contactIds.filter((id) => kept.has(id)) }));
}

async function recipientsOfMany<S extends { contactId?: string | null; accountId?: string | null }>(
  db: Db,
  ws: Ws,
  who: TriggerWho,
  subjects: S[],
): Promise<{ subject: S; contactIds: string[] }[]> {
  if (who.type === 'contact')
    return subjects.map((subject) => ({ subject, contactIds: subject.contactId ? [subject.contactId] : [] }));
  const accountIds = [...new Set(subjects.flatMap((s) => (s.accountId ? [s.accountId] : [])))];
  const roles = new Set(who.roles.map((r) => r.toLowerCase()));
  const byAccount = new Map<string, string[]>();
  // In slices, so one statement stays far below the driver's limit of bound parameters.
  for (let i = 0; i < accountIds.length; i += 5000) {
    const contacts = await tenant(db, ws)
      .selectFrom('contacts')
      .select(['id', 'role', 'account_id'])
      .where('account_id', 'in', accountIds.slice(i, i + 5000))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const c of contacts) {
      if (!c.account_id || (roles.size > 0 && !roles.has((c.role ?? '').toLowerCase()))) continue;
      byAccount.set(c.account_id, [...(byAccount.get(c.account_id) ?? []), c.id]);
    }
  }
  return subjects.map((subject) => ({
    subject,
    contactIds: subject.accountId ? (byAccount.get(subject.accountId) ?? []) : [],
  }));
}
