import { isHealthState } from '@candor/shared';
import type { AccountListQuery } from '@candor/shared/console';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';

export const ACCOUNTS_PAGE_SIZE = 50;

const sortColumns = {
  name: 'accounts.name',
  health: 'accounts.health_state',
  arr: 'accounts.arr_cents',
  renewal: 'accounts.renewal_date',
  owner: 'accounts.owner_email',
  last_touch: 'accounts.last_touch_at',
} as const;

// Health sorts by severity, not alphabetically.
const healthRank = sql<number>`case accounts.health_state when 'at_risk' then 3 when 'watch' then 2 when 'healthy' then 0 else 1 end`;

/** One page of the workspace's accounts, filtered and sorted in the database. */
export async function listAccounts(db: Db, ws: Ws, q: AccountListQuery) {
  let base = tenant(db, ws).selectFrom('accounts');
  if (q.owner === 'none') base = base.where('accounts.owner_email', 'is', null);
  else if (q.owner) base = base.where('accounts.owner_email', '=', q.owner);
  if (q.ae === 'none') base = base.where('accounts.ae_email', 'is', null);
  else if (q.ae) base = base.where('accounts.ae_email', '=', q.ae);
  if (q.health) base = base.where('accounts.health_state', 'in', q.health.split(',').filter(isHealthState));
  if (q.plan) {
    const plans = q.plan.split(',').filter(Boolean);
    const named = plans.filter((p) => p !== 'none');
    base = base.where((eb) =>
      eb.or([
        ...(named.length ? [eb('accounts.plan', 'in', named)] : []),
        ...(plans.includes('none') ? [eb('accounts.plan', 'is', null)] : []),
      ]),
    );
  }
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    base = base.where((eb) => eb.or([eb('accounts.name', 'ilike', like), eb('accounts.external_id', 'ilike', like)]));
  }
  const sortBy = q.sort === 'health' ? healthRank : sql.ref(sortColumns[q.sort]);
  // Empty values go last in either direction; the id keeps paging stable between equal rows.
  const direction = q.order === 'asc' ? sql`asc nulls last` : sql`desc nulls last`;
  const [rows, total] = await Promise.all([
    base
      .select([
        'accounts.id',
        'accounts.external_id',
        'accounts.name',
        'accounts.arr_cents',
        'accounts.plan',
        'accounts.renewal_date',
        'accounts.owner_email',
        'accounts.ae_email',
        'accounts.health_state',
        'accounts.last_touch_at',
      ])
      .orderBy(sql`${sortBy} ${direction}`)
      .orderBy('accounts.id')
      .limit(ACCOUNTS_PAGE_SIZE)
      .offset((q.page - 1) * ACCOUNTS_PAGE_SIZE)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      arr_cents: r.arr_cents === null ? null : Number(r.arr_cents),
      last_touch_at: r.last_touch_at?.toISOString() ?? null,
    })),
    total: Number(total.n),
    page: q.page,
    page_size: ACCOUNTS_PAGE_SIZE,
  };
}

/** The owners, AEs, health states and plans present, for the table's filters. */
export async function accountFacets(db: Db, ws: Ws) {
  const t = tenant(db, ws);
  const [owners, aes, states, plans] = await Promise.all([
    t
      .selectFrom('accounts')
      .select('owner_email')
      .distinct()
      .where('owner_email', 'is not', null)
      .orderBy('owner_email')
      .execute(),
    t
      .selectFrom('accounts')
      .select('ae_email')
      .distinct()
      .where('ae_email', 'is not', null)
      .orderBy('ae_email')
      .execute(),
    t.selectFrom('accounts').select('health_state').distinct().orderBy('health_state').execute(),
    t.selectFrom('accounts').select('plan').distinct().where('plan', 'is not', null).orderBy('plan').execute(),
  ]);
  return {
    owners: owners.map((o) => o.owner_email!),
    aes: aes.map((a) => a.ae_email!),
    health_states: states.map((s) => s.health_state),
    plans: plans.map((p) => p.plan!),
  };
}
