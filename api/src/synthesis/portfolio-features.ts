import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';
import type { Evidence, Page } from './portfolio-churn';
import { type PortfolioScope, scopedSignals } from './portfolio-scope';

/** Accounts listed with each feature request; the rest are counted. */
const ACCOUNTS_PER_REQUEST = 5;
const QUOTES_PER_REQUEST = 2;

export type FeatureRequestFigure = {
  summary: string;
  signals: number;
  account_count: number;
  arr_cents: number;
  accounts: { id: string; external_id: string; name: string; arr_cents: number | null }[];
  quotes: Evidence[];
};

/**
 * Feature-request signals with their grouping key: "SSO!" and "sso" are one request
 * (case, punctuation and spacing aside); other wording stays apart. The database keeps the
 * key on each signal (migration 0037), so a report groups without rewriting any text.
 */
function featureRows(db: Db, ws: Ws, scope: PortfolioScope): RawBuilder<unknown> {
  const base = scopedSignals(db, ws, scope, ['feature_request']);
  return sql`select s.*, coalesce(nullif(s.value->>'summary', ''), s.quote) as summary, s.feature_key as key
    from (${base}) s`;
}

/**
 * Feature requests ranked by the ARR behind them (each account once), then by how often
 * they were asked; one page, each with its largest accounts and newest quotes, and the
 * number of distinct requests in all.
 */
export async function rankFeatureRequests(
  db: Db,
  ws: Ws,
  scope: PortfolioScope,
  page: Page,
): Promise<{ items: FeatureRequestFigure[]; total: number }> {
  const f = featureRows(db, ws, scope);
  const { rows } = await sql<{
    key: string | null;
    summary: string;
    signals: string;
    account_count: string;
    arr_cents: string | null;
    total: string;
  }>`with f as (${f}),
    grouped as (
      select key, (array_agg(summary order by created_at desc, signal_id))[1] as summary,
        count(*) as signals, count(distinct account_id) as account_count
      from f group by key
    ),
    arr as (select key, sum(arr_cents) as arr_cents from (select distinct key, account_id, arr_cents from f) d group by key),
    page as (
      select g.*, coalesce(a.arr_cents, 0) as arr_cents from grouped g left join arr a on a.key = g.key
      order by coalesce(a.arr_cents, 0) desc, g.signals desc, g.key
      limit ${page.limit} offset ${page.offset}
    )
    select p.*, (select count(*) from grouped) as total from (select 1) one left join page p on true
    order by p.arr_cents desc, p.signals desc, p.key`.execute(db);
  const keys = rows.flatMap((r) => (r.key === null ? [] : [r.key]));
  if (keys.length === 0) return { items: [], total: Number(rows[0]?.total ?? 0) };
  const [accounts, quotes] = await Promise.all([
    sql<{ key: string; account_id: string; external_id: string; account_name: string; arr_cents: string | null }>`
      with f as (${f}),
      d as (select distinct key, account_id, external_id, account_name, arr_cents from f where key in (${sql.join(keys)})),
      ranked as (select d.*, row_number() over (partition by key order by arr_cents desc nulls last, account_id) as n from d)
      select * from ranked where n <= ${ACCOUNTS_PER_REQUEST} order by key, n`.execute(db),
    sql<Evidence & { key: string }>`
      with f as (${f}),
      ranked as (
        select key, quote, interview_id, message_id,
          row_number() over (partition by key order by created_at desc, signal_id) as n
        from f where key in (${sql.join(keys)}) and quote <> ''
      )
      select * from ranked where n <= ${QUOTES_PER_REQUEST} order by key, n`.execute(db),
  ]);
  return {
    items: rows.flatMap((r): FeatureRequestFigure[] =>
      r.key === null
        ? []
        : [
            {
              summary: r.summary,
              signals: Number(r.signals),
              account_count: Number(r.account_count),
              arr_cents: Number(r.arr_cents ?? 0),
              accounts: accounts.rows
                .filter((a) => a.key === r.key)
                .map((a) => ({
                  id: a.account_id,
                  external_id: a.external_id,
                  name: a.account_name,
                  arr_cents: a.arr_cents === null ? null : Number(a.arr_cents),
                })),
              quotes: quotes.rows
                .filter((q) => q.key === r.key)
                .map((q) => ({ quote: q.quote, interview_id: q.interview_id, message_id: q.message_id })),
            },
          ],
    ),
    total: Number(rows[0]?.total ?? 0),
  };
}
