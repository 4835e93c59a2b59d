import type { SignalValueOf } from '@candor/shared';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';
import type { Evidence, Page } from './portfolio-churn';
import { type PortfolioScope, scopedSignals } from './portfolio-scope';
import { expansionDays } from './portfolio-summaries';

export type PipelineEntry = {
  account: { id: string; external_id: string; name: string; arr_cents: number | null };
  /** Expansion-intent signals of this entry's group in scope. */
  signals: number;
  /** The newest signal of the group. */
  latest: { value: SignalValueOf<'expansion_intent'>; evidence: Evidence; at: Date };
};

/**
 * The expansion pipeline, one page, largest ARR first: one entry per account (`account`)
 * or per account and kind of expansion (`account_kind`), each with its newest signal and
 * how many signals it groups, and the number of entries in all. The groups and their
 * counts come from the daily summary (migration 0041); only the page's entries read their
 * newest signal, each down its account's index.
 */
export async function expansionPipeline(
  db: Db,
  ws: Ws,
  scope: PortfolioScope,
  groupBy: 'account' | 'account_kind',
  page: Page,
): Promise<{ items: PipelineEntry[]; total: number }> {
  const days = expansionDays(db, ws, scope);
  const base = scopedSignals(db, ws, scope, ['expansion_intent']);
  const byKind = groupBy === 'account_kind';
  const { rows } = await sql<{
    account_id: string | null;
    external_id: string;
    account_name: string;
    arr_cents: string | null;
    value: SignalValueOf<'expansion_intent'>;
    quote: string;
    interview_id: string;
    message_id: string;
    created_at: Date | string;
    signals: string;
    total: string;
  }>`with e as (${days}),
    grouped as (
      select g.account_id, g.expansion_kind, g.signals, a.external_id, a.name as account_name, a.arr_cents
      from (
        select account_id, ${byKind ? sql`expansion_kind` : sql`null::text`} as expansion_kind, sum(signals) as signals
        from e group by account_id${byKind ? sql`, expansion_kind` : sql``}
      ) g
      inner join accounts a on a.id = g.account_id
    ),
    page as (
      select * from grouped
      order by arr_cents desc nulls last, account_id, expansion_kind
      limit ${page.limit} offset ${page.offset}
    )
    select p.account_id, p.external_id, p.account_name, p.arr_cents, p.signals,
      n.value, n.quote, n.interview_id, n.message_id, n.created_at, (select count(*) from grouped) as total
    from (select 1) one left join page p on true
    left join lateral (
      select s.value, s.quote, s.interview_id, s.message_id, s.created_at from (${base}) s
      where s.account_id = p.account_id${byKind ? sql` and s.value->>'kind' is not distinct from p.expansion_kind` : sql``}
      order by s.created_at desc, s.signal_id
      limit 1
    ) n on true
    order by p.arr_cents desc nulls last, p.account_id, p.expansion_kind`.execute(db);
  return {
    items: rows.flatMap((r): PipelineEntry[] =>
      r.account_id === null
        ? []
        : [
            {
              account: {
                id: r.account_id,
                external_id: r.external_id,
                name: r.account_name,
                arr_cents: r.arr_cents === null ? null : Number(r.arr_cents),
              },
              signals: Number(r.signals),
              latest: {
                value: r.value ?? {},
                evidence: { quote: r.quote, interview_id: r.interview_id, message_id: r.message_id },
                at: new Date(r.created_at),
              },
            },
          ],
    ),
    total: Number(rows[0]?.total ?? 0),
  };
}
