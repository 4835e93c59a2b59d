import type { ContactView } from '@candor/shared';
import type { Tenant } from '../db/tenant';

/** The stored contact row joined with its account's external id; undefined when absent. */
export async function findContactRow(t: Tenant, externalId: string) {
  return t
    .selectFrom('contacts')
    .leftJoin('accounts', 'accounts.id', 'contacts.account_id')
    .selectAll('contacts')
    .select('accounts.external_id as account_external_id')
    .where('contacts.external_id', '=', externalId)
    .executeTakeFirst();
}

type ContactRow = NonNullable<Awaited<ReturnType<typeof findContactRow>>>;

/** The server API's view of a contact row. */
export function toContactView(row: ContactRow): ContactView {
  return {
    id: row.external_id,
    account_id: row.account_external_id,
    email: row.email,
    name: row.name,
    role: row.role,
    timezone: row.timezone,
    locale: row.locale,
    attributes: row.attributes,
    opted_out: row.opted_out_at !== null,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

/** One contact by the customer's external id, as the server API shows it. */
export async function findContact(t: Tenant, externalId: string): Promise<ContactView | undefined> {
  const row = await findContactRow(t, externalId);
  return row ? toContactView(row) : undefined;
}
