import type { AccountInput, UpsertAccountsResult } from '@candor/shared';
import type { Tenant } from '../db/tenant';
import { mergeRepeats, stripUndefined, upsertByExternalId } from './batch-upsert';

/** Money arrives in whole currency units and is stored as integer cents. */
export const toCents = (arr: number | null) => (arr === null ? null : Math.round(arr * 100));

/** An account to upsert; `name` may be omitted only for accounts that already exist (Segment group). */
export type AccountUpsert = Omit<AccountInput, 'name'> & { name?: string | undefined };

/**
 * Upserts accounts by external id in multi-row statements (usually one). Runs inside the
 * caller's transaction (`t` built on a `trx`). Returns what happened to each id, in order.
 */
export async function upsertAccounts(t: Tenant, items: AccountUpsert[]): Promise<UpsertAccountsResult> {
  const merged = mergeRepeats(items);
  const rows = merged.map(({ item }) =>
    stripUndefined({
      external_id: item.id,
      name: item.name,
      arr_cents: item.arr === undefined ? undefined : toCents(item.arr),
      plan: item.plan,
      renewal_date: item.renewal_date,
      owner_email: item.owner_email,
      ae_email: item.ae_email,
      lifecycle_stage: item.lifecycle_stage,
      attributes: item.attributes,
    }),
  );
  const inserted = await upsertByExternalId(t, 'accounts', rows);
  const outcomes = merged.map(({ item }) => ({
    id: item.id,
    status: inserted.get(item.id) ? ('created' as const) : ('updated' as const),
  }));
  const created = outcomes.filter((o) => o.status === 'created').length;
  return { created, updated: outcomes.length - created, accounts: outcomes };
}
