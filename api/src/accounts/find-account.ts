import type { AccountView } from '@candor/shared';
import type { Tenant } from '../db/tenant';

/** One account by the customer's external id, as the server API shows it; undefined when absent. */
export async function findAccount(t: Tenant, externalId: string): Promise<AccountView | undefined> {
  const row = await t.selectFrom('accounts').selectAll().where('external_id', '=', externalId).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.external_id,
    name: row.name,
    arr: row.arr_cents === null ? null : Number(row.arr_cents) / 100,
    plan: row.plan,
    renewal_date: row.renewal_date,
    owner_email: row.owner_email,
    ae_email: row.ae_email,
    lifecycle_stage: row.lifecycle_stage,
    health_state: row.health_state,
    attributes: row.attributes,
    last_touch_at: row.last_touch_at === null ? null : new Date(row.last_touch_at).toISOString(),
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

/** Maps external account ids to internal ids; ids not found are simply absent from the map. */
export async function resolveAccountIds(t: Tenant, externalIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(externalIds)];
  if (unique.length === 0) return new Map();
  const rows = await t
    .selectFrom('accounts')
    .select(['id', 'external_id'])
    .where('external_id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.external_id, r.id]));
}
