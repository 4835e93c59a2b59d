import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import type { Tenant } from '../db/tenant';
import { erasedAmong } from '../privacy/erased-contacts';
import type { CrmContact } from './crm-mapping';

type Keys = Pick<AppDeps, 'secret' | 'previousSecret' | 'now'>;
export type ContactSyncTotals = { created: number; updated: number; unchanged: number; skipped: number };

const email = z.email().max(320);

/**
 * Brings one page of CRM contacts in, matched to Candor's contacts by email (else by the
 * external id a previous sync gave them). A contact whose company/account was not synced,
 * whose email is not one, who opted out, or who was erased in Candor is skipped: the CRM
 * never overrides a person's choice. Running it again changes only what changed.
 */
export async function importCrmContacts(
  deps: Keys,
  t: Tenant,
  kind: 'hubspot' | 'salesforce',
  page: readonly CrmContact[],
): Promise<ContactSyncTotals> {
  const totals: ContactSyncTotals = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  // One entry per email (a CRM can hold duplicates): the last one wins.
  const byEmail = new Map<string, CrmContact & { externalId: string }>();
  for (const c of page) {
    const address = c.email.trim().toLowerCase();
    if (!email.safeParse(address).success) {
      totals.skipped++;
      continue;
    }
    if (byEmail.has(address)) totals.skipped++;
    byEmail.set(address, { ...c, email: address, externalId: (c.ownId ?? `${kind}_${c.crmId}`).slice(0, 255) });
  }
  const people = [...byEmail.values()];
  if (people.length === 0) return totals;

  const idKey = `${kind}_id`;
  const accounts = await t
    .selectFrom('accounts')
    .select(['id', sql<string>`accounts.attributes->>${idKey}`.as('crm_id')])
    .where(sql<string>`accounts.attributes->>${idKey}`, 'in', [...new Set(people.map((p) => p.accountCrmId))])
    .execute();
  const accountOf = new Map(accounts.map((a) => [a.crm_id, a.id]));
  const erased = await erasedAmong(deps, t, people);
  const existing = await t
    .selectFrom('contacts')
    .select(['id', 'email', 'external_id', 'name', 'role', 'account_id', 'opted_out_at'])
    .where((eb) =>
      eb.or([
        eb(
          sql<string>`lower(contacts.email)`,
          'in',
          people.map((p) => p.email),
        ),
        eb(
          'external_id',
          'in',
          people.map((p) => p.externalId),
        ),
      ]),
    )
    .execute();
  const byAddress = new Map(existing.filter((e) => e.email).map((e) => [e.email!.toLowerCase(), e]));
  const byExternalId = new Map(existing.map((e) => [e.external_id, e]));

  const inserts = [];
  for (const p of people) {
    const accountId = accountOf.get(p.accountCrmId);
    const match = byAddress.get(p.email) ?? byExternalId.get(p.externalId);
    if (!accountId || erased.has(p) || match?.opted_out_at) {
      totals.skipped++;
      continue;
    }
    if (!match) {
      inserts.push({
        external_id: p.externalId,
        email: p.email,
        name: p.name,
        role: p.role,
        account_id: accountId,
        attributes: { [idKey]: p.crmId },
      });
      continue;
    }
    // What the CRM knows fills in; what it leaves empty does not blank Candor's value.
    const sameEmail = match.email?.toLowerCase() === p.email;
    const next = { name: p.name ?? match.name, role: p.role ?? match.role, account_id: accountId };
    if (sameEmail && next.name === match.name && next.role === match.role && next.account_id === match.account_id) {
      totals.unchanged++;
      continue;
    }
    await t
      .updateTable('contacts')
      .set({ ...next, ...(sameEmail ? {} : { email: p.email }), updated_at: deps.now() })
      .where('id', '=', match.id)
      .execute();
    totals.updated++;
  }
  if (inserts.length > 0) {
    const created = await t
      .insertInto('contacts')
      .values(inserts)
      .onConflict((oc) => oc.columns(['workspace_id', 'external_id']).doNothing())
      .returning('id')
      .execute();
    totals.created += created.length;
    totals.skipped += inserts.length - created.length;
  }
  return totals;
}
