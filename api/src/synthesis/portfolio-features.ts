import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';
import type { Evidence, Page } from './portfolio-churn';
import { type PortfolioScope, scopedSignals } from './portfolio-scope';
import { featureRequestDays, valuesTable } from './portfolio-summaries';

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
 * Feature requests ranked by the ARR behind them (each account once), then by how often
 * they were asked; one page, each with its largest accounts and newest quotes, and the
 * number of distinct requests in all. Requests group by the key the database keeps on each
 * signal (migration 0037: "SSO!" and "sso" are one request); the counts come from the daily
 * summary (with each request's largest accounts, in the same statement), each request's
 * wording and quotes from its newest signals, read down an index.
 */
export async function rankFeatureRequests(
  db: Db,
  ws: Ws,
  scope: PortfolioScope,
  page: Page,
): Promise<{ items: FeatureRequestFigure[]; total: number }> {
  const days = featureRequestDays(db, ws, scope);
  const { rows } = await sql<{
    key: string | null;
    signals: string;
    account_count: string;
    arr_cents: string | null;
    accounts: [string, string, string, number | string | null][] | null;
    total: string;
  }>`with f as (${days}),
    per_account as (
      select g.key, g.account_id, g.signals, a.arr_cents
      from (select key, account_id, sum(signals) as signals from f group by key, account_id) g
      inner join accounts a on a.id = g.account_id
    ),
    grouped as (
      select key, sum(signals) as signals, count(*) as account_count, coalesce(sum(arr_cents), 0) as arr_cents
      from per_account group by key
    ),
    page as (
      select * from grouped order by arr_cents desc, signals desc, key
      limit ${page.limit} offset ${page.offset}
    ),
    top_accounts as (
      select t.key, json_agg(json_build_array(a.id, a.external_id, a.name, a.arr_cents) order by t.n) as accounts
      from (
        select key, account_id, row_number() over (partition by key order by arr_cents desc nulls last, account_id) as n
        from per_account where key in (select key from page)
      ) t
      inner join accounts a on a.id = t.account_id
      where t.n <= ${ACCOUNTS_PER_REQUEST}
      group by t.key
    )
    select p.*, ta.accounts, (select count(*) from grouped) as total from (select 1) one left join page p on true
    left join top_accounts ta on ta.key = p.key
    order by p.arr_cents desc, p.signals desc, p.key`.execute(db);
  const keys = rows.flatMap((r) => (r.key === null ? [] : [r.key]));
  if (keys.length === 0) return { items: [], total: Number(rows[0]?.total ?? 0) };
  const base = scopedSignals(db, ws, scope, ['feature_request']);
  const newest = (where: RawBuilder<boolean>, limit: number) => sql<Evidence & { key: string; summary: string }>`
    select k.value as key, n.* from ${valuesTable(keys, 'k')}
    cross join lateral (
      select coalesce(nullif(s.value->>'summary', ''), s.quote) as summary, s.quote, s.interview_id, s.message_id,
        s.created_at, s.signal_id
      from (${base}) s
      where s.feature_key = k.value and ${where}
      order by s.created_at desc, s.signal_id
      limit ${limit}
    ) n
    order by k.value, n.created_at desc, n.signal_id`;
  const [latest, quotes] = await Promise.all([
    newest(sql<boolean>`true`, 1).execute(db),
    newest(sql<boolean>`s.quote <> ''`, QUOTES_PER_REQUEST).execute(db),
  ]);
  const summaries = new Map(latest.rows.map((l) => [l.key, l.summary]));
  return {
    items: rows.flatMap((r): FeatureRequestFigure[] =>
      r.key === null
        ? []
        : [
            {
              summary: summaries.get(r.key) ?? '',
              signals: Number(r.signals),
              account_count: Number(r.account_count),
              arr_cents: Number(r.arr_cents ?? 0),
              accounts: (r.accounts ?? []).map(([id, external_id, name, arr]) => ({
                id,
                external_id,
                name,
                arr_cents: arr === null ? null : Number(arr),
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
