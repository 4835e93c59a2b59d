import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';
import { type PortfolioScope, scopedSignals } from './portfolio-scope';
import { churnReasonDays, signalKindDays, valuesTable } from './portfolio-summaries';

export type Evidence = { quote: string; interview_id: string; message_id: string };
export type Page = { offset: number; limit: number };

export type WeeklyFigure = { week: string; signals: number; arr_cents: number };
export type ChurnReasonFigure = {
  reason: string;
  signals: number;
  accounts: number;
  arr_cents: number;
  /**
   * Per week (Monday, UTC) of the scope: signals, and the ARR of the accounts that gave the
   * reason that week (each account once). Weeks with nothing are absent; callers fill them.
   */
  weekly: WeeklyFigure[];
};

/**
 * Churn reasons ranked by how many signals gave them (then ARR), one page of them with each
 * one's weekly figures, and the number of reasons and of churn-risk signals in scope (the
 * base of each share). ARR counts each account once per reason. One statement: the summary
 * rows in scope are grouped once, per reason, week and account, and both the ranking and the
 * page's weeks add up those groups.
 */
export async function rankChurnReasons(db: Db, ws: Ws, scope: PortfolioScope, page: Page) {
  const days = churnReasonDays(db, ws, scope);
  const kinds = signalKindDays(db, ws, scope, ['churn_risk']);
  // The totals row always comes back, even for a page past the end. The Monday of a day's
  // week is whole-day arithmetic from a known Monday (2000-01-03): no time zone involved, and
  // far cheaper per row than extract or to_char, which go through a timestamp; only the
  // page's few weeks are formatted.
  const { rows: ranked } = await sql<{
    reason: string | null;
    signals: string;
    accounts: string;
    arr_cents: string | null;
    weekly: [string, number | string, number | string][] | null;
    total: string;
    churn_signals: string;
  }>`with r as (${days}),
    per_account_week as (
      select w.reason, w.week, w.account_id, w.signals, a.arr_cents
      from (
        select reason, day - ((day - date '2000-01-03') % 7 + 7) % 7 as week, account_id, sum(signals) as signals
        from r group by 1, 2, 3
      ) w
      inner join accounts a on a.id = w.account_id
    ),
    per_account as (
      select reason, account_id, sum(signals) as signals, max(arr_cents) as arr_cents
      from per_account_week group by reason, account_id
    ),
    counted as (
      select reason, sum(signals) as signals, count(*) as accounts, coalesce(sum(arr_cents), 0) as arr_cents
      from per_account group by reason
    ),
    page as (
      select reason, signals, accounts, arr_cents from counted
      order by signals desc, arr_cents desc, reason
      limit ${page.limit} offset ${page.offset}
    ),
    weekly as (
      select reason, json_agg(json_build_array(to_char(week, 'YYYY-MM-DD'), signals, arr_cents)) as weeks
      from (
        select reason, week, sum(signals) as signals, coalesce(sum(arr_cents), 0) as arr_cents
        from per_account_week where reason in (select reason from page) group by reason, week
      ) w
      group by reason
    )
    select p.*, w.weeks as weekly, t.total, t.churn_signals
    from (
      select (select count(*) from counted) as total,
        (select coalesce(sum(churn_reasoned), 0) from (${kinds}) k) as churn_signals
    ) t
    left join page p on true
    left join weekly w on w.reason = p.reason
    order by p.signals desc, p.arr_cents desc, p.reason`.execute(db);
  return {
    items: ranked.flatMap((r): ChurnReasonFigure[] =>
      r.reason === null
        ? []
        : [
            {
              reason: r.reason,
              signals: Number(r.signals),
              accounts: Number(r.accounts),
              arr_cents: Number(r.arr_cents ?? 0),
              weekly: (r.weekly ?? []).map(([week, signals, arr]) => ({
                week,
                signals: Number(signals),
                arr_cents: Number(arr),
              })),
            },
          ],
    ),
    total: Number(ranked[0]?.total ?? 0),
    churnSignals: Number(ranked[0]?.churn_signals ?? 0),
  };
}

/** The newest quotes behind each reason (`perReason` each, empty quotes left out), or one page of one reason's. */
export async function churnReasonQuotes(
  db: Db,
  ws: Ws,
  scope: PortfolioScope,
  reasons: string[],
  page: Page,
): Promise<Map<string, Evidence[]>> {
  const out = new Map<string, Evidence[]>();
  if (reasons.length === 0) return out;
  // Per reason, the newest signals walked down an index until the page is full: no sort of every row.
  const base = scopedSignals(db, ws, scope, ['churn_risk']);
  const { rows: quotes } = await sql<Evidence & { reason: string }>`
    select k.value as reason, q.quote, q.interview_id, q.message_id
    from ${valuesTable(reasons, 'k')}
    cross join lateral (
      select s.quote, s.interview_id, s.message_id, s.created_at, s.signal_id
      from (${base}) s cross join lateral churn_reasons(s.value) x(reason)
      where x.reason = k.value and s.quote <> ''
      order by s.created_at desc, s.signal_id
      limit ${page.limit} offset ${page.offset}
    ) q
    order by k.value, q.created_at desc, q.signal_id`.execute(db);
  for (const q of quotes) {
    const list = out.get(q.reason) ?? [];
    list.push({ quote: q.quote, interview_id: q.interview_id, message_id: q.message_id });
    out.set(q.reason, list);
  }
  return out;
}

export type ReasonAccount = {
  id: string;
  external_id: string;
  name: string;
  arr_cents: number | null;
  signals: number;
  latest_at: Date;
};

/** One page of the accounts that gave a churn reason, largest ARR first, and how many there are. */
export async function churnReasonAccounts(db: Db, ws: Ws, scope: PortfolioScope, reason: string, page: Page) {
  const days = churnReasonDays(db, ws, scope);
  const base = scopedSignals(db, ws, scope, ['churn_risk']);
  // Counts from the summary; each listed account's newest such signal read down its index.
  const { rows: accounts } = await sql<{
    account_id: string | null;
    external_id: string;
    account_name: string;
    arr_cents: string | null;
    signals: string;
    latest_at: Date | string;
    total: string;
  }>`with r as (${days}),
    grouped as (
      select g.account_id, a.external_id, a.name as account_name, a.arr_cents, g.signals
      from (select account_id, sum(signals) as signals from r where reason = ${reason} group by account_id) g
      inner join accounts a on a.id = g.account_id
    ),
    page as (select * from grouped order by arr_cents desc nulls last, account_id limit ${page.limit} offset ${page.offset})
    select p.*, latest.created_at as latest_at, (select count(*) from grouped) as total
    from (select 1) one left join page p on true
    left join lateral (
      select s.created_at from (${base}) s cross join lateral churn_reasons(s.value) x(reason)
      where s.account_id = p.account_id and x.reason = ${reason}
      order by s.created_at desc limit 1
    ) latest on true
    order by p.arr_cents desc nulls last, p.account_id`.execute(db);
  return {
    items: accounts.flatMap((a): ReasonAccount[] =>
      a.account_id === null
        ? []
        : [
            {
              id: a.account_id,
              external_id: a.external_id,
              name: a.account_name,
              arr_cents: a.arr_cents === null ? null : Number(a.arr_cents),
              signals: Number(a.signals),
              latest_at: new Date(a.latest_at),
            },
          ],
    ),
    total: Number(accounts[0]?.total ?? 0),
  };
}

/** How many non-empty quotes stand behind one churn reason. */
export async function countChurnReasonQuotes(db: Db, ws: Ws, scope: PortfolioScope, reason: string) {
  const days = churnReasonDays(db, ws, scope);
  const { rows: counted } = await sql<{ n: string | null }>`with r as (${days})
    select sum(quoted) as n from r where reason = ${reason}`.execute(db);
  return Number(counted[0]?.n ?? 0);
}
