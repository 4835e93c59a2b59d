import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';
import type { Evidence, Page } from './portfolio-churn';
import { type PortfolioScope, scopedSignals } from './portfolio-scope';

export type PipelineEntry = {
  account: { id: string; external_id: string; name: string; arr_cents: number | null };
  /** Expansion-intent signals of this entry's group in scope. */
  signals: number;
  /** The newest signal of the group. */
  latest: { value: Record<string, unknown>; evidence: Evidence; at: Date };
};

/**
 * The expansion pipeline, one page, largest ARR first: one entry per account (`account`)
 * or per account and kind of expansion (`account_kind`), each with its newest signal and
 * how many signals it groups, and the number of entries in all.
 */
export async function expansionPipeline(
  db: Db,
  ws: Ws,
  scope: PortfolioScope,
  groupBy: 'account' | 'account_kind',
  page: Page,
): Promise<{ items: PipelineEntry[]; total: number }> {
  const base = scopedSignals(db, ws, scope, ['expansion_intent']);
  const partition = groupBy === 'account' ? sql`account_id` : sql`account_id, value->>'kind'`;
  const { rows } = await sql<{
    account_id: string | null;
    external_id: string;
    account_name: string;
    arr_cents: string | null;
    value: Record<string, unknown>;
    quote: string;
    interview_id: string;
    message_id: string;
    created_at: Date | string;
    signals: string;
    total: string;
  }>`with s as (${base}),
    ranked as (
      select s.*, row_number() over (partition by ${partition} order by created_at desc, signal_id) as n,
        count(*) over (partition by ${partition}) as signals
      from s
    ),
    page as (
      select * from ranked where n = 1
      order by arr_cents desc nulls last, account_id, value->>'kind'
      limit ${page.limit} offset ${page.offset}
    )
    select p.*, (select count(*) from ranked where n = 1) as total from (select 1) one left join page p on true
    order by p.arr_cents desc nulls last, p.account_id, p.value->>'kind'`.execute(db);
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
