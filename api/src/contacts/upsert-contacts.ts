import type { ContactInput, UpsertContactsResult } from '@candor/shared';
import { mergeRepeats, rejectItems, stripUndefined, upsertByExternalId } from '../accounts/batch-upsert';
import { resolveAccountIds } from '../accounts/find-account';
import type { ErrorItem } from '../app-error';
import type { Tenant } from '../db/tenant';

/** A contact to upsert; `account_id` (external) may be omitted by sources that don't know it (Segment identify). */
export type ContactUpsert = Omit<ContactInput, 'account_id'> & { account_id?: string | null | undefined };

/**
 * Upserts contacts by external id in multi-row statements, inside the caller's transaction.
 * Every referenced account must exist; otherwise the whole batch is rejected with the
 * failing indexes and nothing is written.
 */
export async function upsertContacts(t: Tenant, items: ContactUpsert[]): Promise<UpsertContactsResult> {
  const accountIds = await resolveAccountIds(
    t,
    items.flatMap((i) => (i.account_id ? [i.account_id] : [])),
  );
  const errors: ErrorItem[] = [];
  items.forEach((item, index) => {
    if (item.account_id && !accountIds.has(item.account_id))
      errors.push({ index, field: 'account_id', message: `no account with id "${item.account_id}"; send it first` });
  });
  if (errors.length > 0) rejectItems('contacts', errors);

  const merged = mergeRepeats(items);
  const rows = merged.map(({ item }) =>
    stripUndefined({
      external_id: item.id,
      account_id: item.account_id === undefined ? undefined : item.account_id && accountIds.get(item.account_id),
      email: item.email,
      name: item.name,
      role: item.role,
      timezone: item.timezone,
      locale: item.locale,
      attributes: item.attributes,
    }),
  );
  const inserted = await upsertByExternalId(t, 'contacts', rows);
  const outcomes = merged.map(({ item }) => ({
    id: item.id,
    status: inserted.get(item.id) ? ('created' as const) : ('updated' as const),
  }));
  const created = outcomes.filter((o) => o.status === 'created').length;
  return { created, updated: outcomes.length - created, contacts: outcomes };
}
