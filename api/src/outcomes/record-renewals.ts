import { impliedOutcome, type RecordRenewalsResult, type RenewalInput } from '@candor/shared';
import { sql } from 'kysely';
import { mergeRepeats, rejectItems } from '../accounts/batch-upsert';
import { toCents } from '../accounts/upsert-accounts';
import type { Tenant } from '../db/tenant';

/**
 * Upserts renewal outcomes by external id in one statement, inside the caller's
 * transaction. Every account must already exist (by its external id): otherwise the whole
 * batch is rejected with each unknown id's index and nothing is written. The plan and CSM
 * default to the account's current ones and are kept as they were at renewal time.
 */
export async function recordRenewals(t: Tenant, items: RenewalInput[]): Promise<RecordRenewalsResult> {
  const merged = mergeRepeats(items);
  const accountIds = [...new Set(merged.map(({ item }) => item.account_id))];
  const accounts = await t
    .selectFrom('accounts')
    .select(['id', 'external_id', 'plan', 'owner_email'])
    .where('external_id', 'in', accountIds)
    .execute();
  const byExternal = new Map(accounts.map((a) => [a.external_id, a]));
  const unknown = merged.filter(({ item }) => !byExternal.has(item.account_id));
  if (unknown.length)
    rejectItems(
      'renewals',
      unknown.map(({ index }) => ({ index, field: 'account_id', message: 'no account with this id; upsert it first' })),
    );

  const rows = merged.map(({ item }) => {
    const account = byExternal.get(item.account_id);
    if (!account) throw new Error('unreachable: unknown accounts were rejected');
    return {
      external_id: item.id,
      account_id: account.id,
      outcome: item.outcome ?? impliedOutcome(item.arr_before, item.arr_after),
      occurred_on: item.date,
      arr_before_cents: toCents(item.arr_before) ?? 0,
      arr_after_cents: toCents(item.arr_after) ?? 0,
      plan: item.plan === undefined ? account.plan : item.plan,
      owner_email: item.owner_email === undefined ? account.owner_email : item.owner_email,
    };
  });
  const written = await t
    .insertInto('renewal_outcomes')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'external_id']).doUpdateSet({
        account_id: sql.ref('excluded.account_id'),
        outcome: sql.ref('excluded.outcome'),
        occurred_on: sql.ref('excluded.occurred_on'),
        arr_before_cents: sql.ref('excluded.arr_before_cents'),
        arr_after_cents: sql.ref('excluded.arr_after_cents'),
        plan: sql.ref('excluded.plan'),
        owner_email: sql.ref('excluded.owner_email'),
        updated_at: sql`now()`,
      }),
    )
    // xmax is 0 only on a freshly inserted row: tells created from updated in one round trip.
    .returning(['external_id', 'outcome', sql<boolean>`(xmax = 0)`.as('inserted')])
    .execute();
  const byId = new Map(written.map((w) => [w.external_id, w]));
  const renewals = merged.map(({ item }) => {
    const w = byId.get(item.id);
    return {
      id: item.id,
      status: w?.inserted ? ('created' as const) : ('updated' as const),
      outcome: w?.outcome ?? 'renewed',
    };
  });
  const created = renewals.filter((r) => r.status === 'created').length;
  return { created, updated: renewals.length - created, renewals };
}
