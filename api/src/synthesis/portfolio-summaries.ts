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

/** Which columns of which daily summary table a read takes (as `d`), and any condition of its own. */
type SummaryRead = { table: string; columns: string; where?: RawBuilder<unknown> };

/**
 * The union of the summary's rows for the whole days and the same rows worked out from
 * signals at the edges. Accounts are read only for an owner or plan filter: a summary row's
 * account exists, and account fields are left to the caller, to join once per group rather
 * than once per day.
 */
function summaryUnion(
  ws: Ws,
  scope: PortfolioScope,
  summary: SummaryRead,
  fromSignals: (edge: PortfolioScope) => RawBuilder<unknown>,
): RawBuilder<unknown> {
  const { days, edges } = splitScope(scope);
  const inScope = accountInScope(scope);
  const fromSummary = (d: { from: string; to: string }) => {
    const conditions = [
      sql`d.workspace_id = ${ws.id} and d.day >= ${d.from}::date and d.day < ${d.to}::date`,
      ...(summary.where ? [summary.where] : []),
      ...(inScope ? [inScope] : []),
    ];
    return sql`select ${sql.raw(summary.columns)} from ${sql.table(summary.table)} d
      ${inScope ? sql`inner join accounts on accounts.id = d.account_id` : sql``}
      where ${sql.join(conditions, sql` and `)}`;
  };
  const parts = [...(days ? [fromSummary(days)] : []), ...edges.map(fromSignals)];
  return sql`${sql.join(parts, sql` union all `)}`;
}

/**
 * Churn-reason rows in scope per (reason, UTC day, account): `signals` giving the reason and
 * `quoted` of them with a quote. What every churn-reason figure sums.
 */
export function churnReasonDays(db: Db, ws: Ws, scope: PortfolioScope): RawBuilder<unknown> {
  return summaryUnion(
    ws,
    scope,
    { table: 'churn_reason_days', columns: 'd.reason, d.day, d.account_id, d.signals, d.quoted' },
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
  return summaryUnion(
    ws,
    scope,
    {
      table: 'signal_days',
      columns: 'd.kind, d.day, d.account_id, d.signals, d.churn_reasoned',
      ...(kinds ? { where: sql`d.kind in (${sql.join([...kinds])})` } : {}),
    },
    (edge) => sql`select s.kind, ${signalDay} as day, s.account_id, count(*) as signals,
        count(*) filter (where s.kind = 'churn_risk' and exists (select 1 from churn_reasons(s.value))) as churn_reasoned
      from (${scopedSignals(db, ws, edge, kinds)}) s
      group by s.kind, ${signalDay}, s.account_id`,
  );
}

/**
 * Feature requests in scope per (grouping key, UTC day, account).
 */
export function featureRequestDays(db: Db, ws: Ws, scope: PortfolioScope): RawBuilder<unknown> {
  return summaryUnion(
    ws,
    scope,
    { table: 'feature_request_days', columns: 'd.feature_key as key, d.day, d.account_id, d.signals' },
    (edge) => sql`select s.feature_key as key, ${signalDay} as day, s.account_id, count(*) as signals
      from (${scopedSignals(db, ws, edge, ['feature_request'])}) s
      where s.feature_key is not null
      group by s.feature_key, ${signalDay}, s.account_id`,
  );
}

/**
 * Expansion-intent signals in scope per (account, kind of expansion, UTC day): what the
 * expansion pipeline counts (migration 0041).
 */
export function expansionDays(db: Db, ws: Ws, scope: PortfolioScope): RawBuilder<unknown> {
  return summaryUnion(
    ws,
    scope,
    { table: 'expansion_days', columns: 'd.account_id, d.expansion_kind, d.day, d.signals' },
    (edge) => sql`select s.account_id, s.value->>'kind' as expansion_kind, ${signalDay} as day, count(*) as signals
      from (${scopedSignals(db, ws, edge, ['expansion_intent'])}) s
      group by s.account_id, s.value->>'kind', ${signalDay}`,
  );
}

/** A list of text values as a one-column table `alias(value)`, for a LATERAL read per value. */
export function valuesTable(values: string[], alias: string): RawBuilder<unknown> {
  return sql`(values ${sql.join(values.map((v) => sql`(${v}::text)`))}) ${sql.raw(alias)}(value)`;
}
