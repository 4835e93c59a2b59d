import type { AccountInput, UpsertAccountsResult } from '@candor/shared';
import { sql } from 'kysely';
import type { Tenant } from '../db/tenant';
import { groupByColumns, mergeRepeats, stripUndefined } from './batch-upsert';

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
      lifecycle_stage: item.lifecycle_stage,
      attributes: item.attributes,
    }),
  );
  const inserted = new Map<string, boolean>();
  for (const group of groupByColumns(rows)) {
    const columns = Object.keys(group[0] ?? {}).filter((c) => c !== 'external_id');
    const result = await t
      .insertInto('accounts')
      .values(group as { external_id: string; name: string }[])
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'external_id']).doUpdateSet(() => ({
          ...Object.fromEntries(
            columns.map((c) => [
              c,
              c === 'attributes' ? sql`accounts.attributes || excluded.attributes` : sql.ref(`excluded.${c}`),
            ]),
          ),
          updated_at: sql`now()`,
        })),
      )
      // xmax is 0 only on a freshly inserted row: tells created from updated in one round trip.
      .returning(['external_id', sql<boolean>`(xmax = 0)`.as('inserted')])
      .execute();
    for (const r of result) inserted.set(r.external_id, r.inserted);
  }
  const outcomes = merged.map(({ item }) => ({
    id: item.id,
    status: inserted.get(item.id) ? ('created' as const) : ('updated' as const),
  }));
  const created = outcomes.filter((o) => o.status === 'created').length;
  return { created, updated: outcomes.length - created, accounts: outcomes };
}
