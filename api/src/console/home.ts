import { sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { notPreviewContact } from '../guides/preview-contact';
import { readBriefSections } from './brief-sections';
import { reasonInWords } from './review-actions';

/** Health states the console counts as "at risk" (synthesis writes healthy | watch | at_risk). */
export const AT_RISK_STATES = ['at_risk'];
const DAY = 86_400_000;

/** The Home page: KPIs from the tables, the member's open review items and latest weekly briefing. */
export async function getHome(db: Db, ws: Ws, memberId: string, now: Date) {
  const t = tenant(db, ws);
  const since30 = new Date(now.getTime() - 30 * DAY);
  const since7 = new Date(now.getTime() - 7 * DAY);
  const [funnel, week, risk, queue, briefing] = await Promise.all([
    t
      .selectFrom('interviews')
      .select([
        sql<string>`count(*)`.as('invited'),
        sql<string>`count(*) filter (where started_at is not null)`.as('started'),
        sql<string>`count(*) filter (where status = 'completed')`.as('completed'),
      ])
      .where('invited_at', '>=', since30)
      .where(notPreviewContact(ws, 'interviews.contact_id'))
      .executeTakeFirstOrThrow(),
    t
      .selectFrom('interviews')
      .select(sql<string>`count(*)`.as('n'))
      .where('started_at', '>=', since7)
      .where(notPreviewContact(ws, 'interviews.contact_id'))
      .executeTakeFirstOrThrow(),
    t
      .selectFrom('accounts')
      .select([sql<string>`count(*)`.as('n'), sql<string | null>`sum(arr_cents)`.as('arr')])
      .where('health_state', 'in', AT_RISK_STATES)
      .executeTakeFirstOrThrow(),
    t
      .selectFrom('review_items')
      .innerJoin('accounts', 'accounts.id', 'review_items.account_id')
      .select([
        'review_items.id',
        'review_items.kind',
        'review_items.reason',
        'review_items.status',
        'review_items.account_id',
        'review_items.created_at',
        'review_items.assignee_member_id',
        'accounts.name as account_name',
      ])
      .where('review_items.status', '=', 'open')
      .where((eb) =>
        eb.or([
          eb('review_items.assignee_member_id', '=', memberId),
          eb('review_items.assignee_member_id', 'is', null),
        ]),
      )
      .orderBy(sql`review_items.assignee_member_id is null`)
      .orderBy('review_items.created_at', 'desc')
      .limit(25)
      .execute(),
    t
      .selectFrom('briefs')
      .select(['content', 'created_at'])
      .where('kind', 'in', ['weekly_briefing', 'briefing'])
      .where('status', '=', 'ready')
      .where('subject_id', '=', memberId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const invited = Number(funnel.invited);
  const started = Number(funnel.started);
  const completed = Number(funnel.completed);
  return {
    kpis: {
      invited_30d: invited,
      started_30d: started,
      completed_30d: completed,
      response_rate: invited ? started / invited : null,
      completion_rate: started ? completed / started : null,
      interviews_this_week: Number(week.n),
      accounts_at_risk: Number(risk.n),
      arr_at_risk_cents: Number(risk.arr ?? 0),
      at_risk_states: AT_RISK_STATES,
    },
    review_queue: queue.map((r) => ({
      id: r.id,
      kind: r.kind,
      reason: reasonInWords(r.reason),
      status: r.status,
      account_id: r.account_id,
      account_name: r.account_name,
      created_at: r.created_at.toISOString(),
      assigned_to_me: r.assignee_member_id === memberId,
    })),
    briefing: briefing
      ? {
          created_at: briefing.created_at.toISOString(),
          week_of: (briefing.content as { week_of?: string }).week_of ?? null,
          time_zone: (briefing.content as { time_zone?: string }).time_zone ?? null,
          sections: readBriefSections(briefing.content),
        }
      : null,
  };
}
