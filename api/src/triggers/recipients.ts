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
