import { crmSettings } from '@candor/shared';
import { upsertAccounts } from '../accounts/upsert-accounts';
import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { ConnectorError } from './connector';
import { loadConnector } from './connector-store';
import { type ContactSyncTotals, importCrmContacts } from './crm-contacts';

type Deps = Pick<AppDeps, 'db' | 'config' | 'secret' | 'previousSecret' | 'now' | 'log'>;

/**
 * Brings one CRM's companies/accounts into Candor: upserted by external id (the mapped id
 * property, else `<crm>_<record id>`), so running it again changes only what changed in
 * the CRM. The CRM's record id is kept in `attributes.<crm>_id` for tasks and field writes.
 * With `sync.contacts.enabled`, the CRM's contacts follow (crm-contacts.ts).
 */
export async function syncCrmAccounts(
  deps: Deps,
  ws: Ws,
  kind: 'hubspot' | 'salesforce',
): Promise<{ created: number; updated: number; contacts?: ContactSyncTotals }> {
  const loaded = await loadConnector(deps, ws, { kind });
  if (!loaded) throw new AppError('not_found', 'Connector not found');
  if (!loaded.enabled || !loaded.connector.fetchAccounts) return { created: 0, updated: 0 };
  const { sync } = crmSettings.parse(loaded.settings);
  const totals = { created: 0, updated: 0 };
  for await (const page of loaded.connector.fetchAccounts(sync)) {
    if (page.length === 0) continue;
    const result = await deps.db.transaction().execute((trx) =>
      upsertAccounts(
        tenant(trx, ws),
        page.map((a) => ({
          id: (a.ownId ?? `${kind}_${a.crmId}`).slice(0, 255),
          name: a.name.slice(0, 200),
          arr: a.arr,
          renewal_date: a.renewalDate,
          ...(a.plan ? { plan: a.plan.slice(0, 100) } : {}),
          ...(a.ownerEmail ? { owner_email: a.ownerEmail } : {}),
          attributes: { [`${kind}_id`]: a.crmId },
        })),
      ),
    );
    totals.created += result.created;
    totals.updated += result.updated;
  }
  // Contacts after accounts, so each finds the account its CRM company/account became.
  let contacts: ContactSyncTotals | undefined;
  if (sync.contacts.enabled && loaded.connector.fetchContacts) {
    contacts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
    for await (const page of loaded.connector.fetchContacts(sync)) {
      if (page.length === 0) continue;
      const result = await deps.db.transaction().execute((trx) => importCrmContacts(deps, tenant(trx, ws), kind, page));
      for (const key of Object.keys(contacts) as (keyof ContactSyncTotals)[]) contacts[key] += result[key];
    }
  }
  await tenant(deps.db, ws)
    .updateTable('connectors')
    .set({ last_synced_at: deps.now() })
    .where('id', '=', loaded.id)
    .execute();
  return contacts ? { ...totals, contacts } : totals;
}

/** The hourly pass: every enabled CRM connector whose sync is on. One failing workspace does not stop the rest. */
export async function syncAllCrmAccounts(deps: Deps): Promise<number> {
  const rows = await deps.db
    .selectFrom('connectors')
    .select(['workspace_id', 'kind', 'settings'])
    .where('kind', 'in', ['hubspot', 'salesforce'])
    .where('enabled', '=', true)
    .execute();
  let synced = 0;
  for (const row of rows) {
    const settings = crmSettings.safeParse(row.settings);
    if (!settings.success || !settings.data.sync.enabled) continue;
    try {
      await syncCrmAccounts(deps, { id: row.workspace_id }, row.kind as 'hubspot' | 'salesforce');
      synced++;
    } catch (err) {
      if (!(err instanceof ConnectorError)) throw err;
      deps.log.warn({ workspaceId: row.workspace_id, kind: row.kind, error: err.message }, 'CRM sync failed');
    }
  }
  return synced;
}
