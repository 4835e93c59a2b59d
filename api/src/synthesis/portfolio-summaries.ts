import type { SignalKind } from '@candor/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';
import { accountInScope, type PortfolioScope, scopedSignals } from './portfolio-scope';

const DAY = 86_400_000;

/**
 * How a scope is read: its whole UTC days from the daily summaries (migration 0040), the
 * partial days at its edges (a report's window ends at `now`) from the signals themselves.
 * A moment filter depends on each interview's guide, which the summaries do not keep (a
 * guide's moment can change), so a scope with a moment is read from the signals whole.
 */
function splitScope(scope: PortfolioScope): { days: { from: string; to: string } | null; edges: PortfolioScope[] } {
  if (scope.moment) return { days: null, edges: [scope] };
  const first = Math.ceil(scope.since.getTime() / DAY) * DAY;
  const last = Math.floor(scope.until.getTime() / DAY) * DAY;
  if (first >= last) return { days: null, edges: [scope] };
  const edges: PortfolioScope[] = [];
  if (scope.since.getTime() < first) edges.push({ ...scope, until: new Date(first) });
  if (last < scope.until.getTime()) edges.push({ ...scope, since: new Date(last) });
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { days: { from: day(first), to: day(last) }, edges };
}

const signalDay = sql`(s.created_at at time zone 'UTC')::date`;

/** The union of the summary's rows for the whole days and the same rows worked out from signals at the edges. */
function summaryUnion(
  scope: PortfolioScope,
  fromSummary: (days: { from: string; to: string }) => RawBuilder<unknown>,
  fromSignals: (edge: PortfolioScope) => RawBuilder<unknown>,
): RawBuilder<unknown> {
  const { days, edges } = splitScope(scope);
  const parts = [...(days ? [fromSummary(days)] : []), ...edges.map(fromSignals)];
  return sql`${sql.join(parts, sql` union all `)}`;
}

const inDays = (table: string, ws: Ws, days: { from: string; to: string }) =>
  sql`${sql.ref(`${table}.workspace_id`)} = ${ws.id} and ${sql.ref(`${table}.day`)} >= ${days.from}::date
    and ${sql.ref(`${table}.day`)} < ${days.to}::date`;

/**
 * Churn-reason rows in scope per (reason, UTC day, account): `signals` giving the reason and
 * `quoted` of them with a quote. What every churn-reason figure sums. Account fields are left
 * to the caller, to join once per group rather than once per day; an owner or plan filter
 * reads accounts here.
 */
export function churnReasonDays(db: Db, ws: Ws, scope: PortfolioScope): RawBuilder<unknown> {
  const inScope = accountInScope(scope);
  return summaryUnion(
    scope,
    (days) =>
      inScope
        ? sql`select d.reason, d.day, d.account_id, d.signals, d.quoted
            from churn_reason_days d inner join accounts on accounts.id = d.account_id
            where ${inDays('d', ws, days)} and ${inScope}`
        : sql`select d.reason, d.day, d.account_id, d.signals, d.quoted from churn_reason_days d
            where ${inDays('d', ws, days)}`,
    (edge) => sql`select r.reason, ${signalDay} as day, s.account_id, count(*) as signals,
        count(*) filter (where s.quote <> '') as quoted
      from (${scopedSignals(db, ws, edge, ['churn_risk'])}) s cross join lateral churn_reasons(s.value) r(reason)
      group by r.reason, ${signalDay}, s.account_id`,
  );
}

/**
 * Signals in scope per (kind, UTC day, account), with `churn_reasoned`: the churn-risk ones
 * that give at least one counted reason (the base of a reason's share).
 */
export function signalKindDays(
  db: Db,
  ws: Ws,
  scope: PortfolioScope,
  kinds?: readonly SignalKind[],
): RawBuilder<unknown> {
  const ofKinds = (column: string) => (kinds ? sql`${sql.ref(column)} in (${sql.join([...kinds])})` : sql`true`);
  return summaryUnion(
    scope,
    // Without an owner or plan to match, no account needs reading: a summary row's account exists.
    (days) => {
      const inScope = accountInScope(scope);
      return inScope
        ? sql`select d.kind, d.day, d.account_id, d.signals, d.churn_reasoned
            from signal_days d inner join accounts on accounts.id = d.account_id
            where ${inDays('d', ws, days)} and ${ofKinds('d.kind')} and ${inScope}`
        : sql`select d.kind, d.day, d.account_id, d.signals, d.churn_reasoned from signal_days d
            where ${inDays('d', ws, days)} and ${ofKinds('d.kind')}`;
    },
    (edge) => sql`select s.kind, ${signalDay} as day, s.account_id, count(*) as signals,
        count(*) filter (where s.kind = 'churn_risk' and exists (select 1 from churn_reasons(s.value))) as churn_reasoned
      from (${scopedSignals(db, ws, edge, kinds)}) s
      group by s.kind, ${signalDay}, s.account_id`,
  );
}

/**
 * Feature requests in scope per (grouping key, UTC day, account). Account fields are left to
 * the caller, as for churn reasons; an owner or plan filter reads accounts here.
 */
export function featureRequestDays(db: Db, ws: Ws, scope: PortfolioScope): RawBuilder<unknown> {
  const inScope = accountInScope(scope);
  return summaryUnion(
    scope,
    (days) =>
      inScope
        ? sql`select d.feature_key as key, d.day, d.account_id, d.signals
            from feature_request_days d inner join accounts on accounts.id = d.account_id
            where ${inDays('d', ws, days)} and ${inScope}`
        : sql`select d.feature_key as key, d.day, d.account_id, d.signals from feature_request_days d
            where ${inDays('d', ws, days)}`,
    (edge) => sql`select s.feature_key as key, ${signalDay} as day, s.account_id, count(*) as signals
      from (${scopedSignals(db, ws, edge, ['feature_request'])}) s
      where s.feature_key is not null
      group by s.feature_key, ${signalDay}, s.account_id`,
  );
}

/**
 * Expansion-intent signals in scope per (account, kind of expansion, UTC day): what the
 * expansion pipeline counts (migration 0041). Account fields are left to the caller, to
 * join once per group rather than once per day; an owner or plan filter reads accounts here.
 */
export function expansionDays(db: Db, ws: Ws, scope: PortfolioScope): RawBuilder<unknown> {
  const inScope = accountInScope(scope);
  return summaryUnion(
    scope,
    (days) =>
      inScope
        ? sql`select d.account_id, d.expansion_kind, d.day, d.signals
            from expansion_days d inner join accounts on accounts.id = d.account_id
            where ${inDays('d', ws, days)} and ${inScope}`
        : sql`select d.account_id, d.expansion_kind, d.day, d.signals from expansion_days d
            where ${inDays('d', ws, days)}`,
    (edge) => sql`select s.account_id, s.value->>'kind' as expansion_kind, ${signalDay} as day, count(*) as signals
      from (${scopedSignals(db, ws, edge, ['expansion_intent'])}) s
      group by s.account_id, s.value->>'kind', ${signalDay}`,
  );
}

/** A list of text values as a one-column table `alias(value)`, for a LATERAL read per value. */
export function valuesTable(values: string[], alias: string): RawBuilder<unknown> {
  return sql`(values ${sql.join(values.map((v) => sql`(${v}::text)`))}) ${sql.raw(alias)}(value)`;
}
