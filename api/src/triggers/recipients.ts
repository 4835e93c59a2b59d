import type { TriggerWho } from '@candor/shared';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';

/**
 * Who a fired trigger asks: the contact the event was about, or the account's contacts
 * with one of the listed roles (case-insensitive; none listed means all of them).
 */
export async function resolveRecipients(
  db: Db,
  ws: Ws,
  who: TriggerWho,
  subject: { contactId?: string | null; accountId?: string | null },
): Promise<string[]> {
  if (who.type === 'contact') return subject.contactId ? [subject.contactId] : [];
  if (!subject.accountId) return [];
  const contacts = await tenant(db, ws)
    .selectFrom('contacts')
    .select(['id', 'role'])
    .where('account_id', '=', subject.accountId)
    .execute();
  const roles = new Set(who.roles.map((r) => r.toLowerCase()));
  return contacts.filter((c) => roles.size === 0 || roles.has((c.role ?? '').toLowerCase())).map((c) => c.id);
}

/**
 * `resolveRecipients` for many subjects in one read of the contacts involved: a periodic pass
 * fires for thousands of accounts at once. Answers each subject with its recipients, in order.
 */
export async function resolveRecipientsOfMany<S extends { contactId?: string | null; accountId?: string | null }>(
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
