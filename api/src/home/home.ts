import { sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { notPreviewContact } from '../guides/preview-contact';
import { reasonInWords } from '../review-queue/review-actions';
import { consoleSections } from '../synthesis/brief-sections';
import { latestBriefVersion } from '../synthesis/brief-versions';

/** Health states the console counts as "at risk" (synthesis writes healthy | watch | at_risk). */
export const AT_RISK_STATES = ['at_risk'];
const DAY = 86_400_000;

/** Rows in the admin's per-CSM breakdown; a team bigger than this is counted, not listed. */
export const TEAM_ROWS = 100;

export type Viewer = { id: string; email: string; role: 'admin' | 'csm' };

/**
 * The Home page for the signed-in member: KPIs over their book (a CSM: the accounts they
 * own) or the whole team (an admin, with a per-CSM breakdown), their open review items and
 * latest weekly briefing. Interviews sent by hand count like triggered ones; previews don't.
 */
export async function getHome(db: Db, ws: Ws, viewer: Viewer, now: Date) {
  const t = tenant(db, ws);
  const memberId = viewer.id;
  const since30 = new Date(now.getTime() - 30 * DAY);
  const since7 = new Date(now.getTime() - 7 * DAY);
  const book = viewer.role === 'admin' ? null : viewer.email;
  // A CSM's interviews are those of the accounts they own.
  const inBook = (column: 'interviews.account_id') =>
    sql<boolean>`${sql.ref(column)} in (select b.id from accounts b where b.workspace_id = ${ws.id} and b.owner_email = ${book})`;
  let funnelQuery = t
    .selectFrom('interviews')
    .select([
      sql<string>`count(*)`.as('invited'),
      sql<string>`count(*) filter (where started_at is not null)`.as('started'),
      sql<string>`count(*) filter (where status = 'completed')`.as('completed'),
    ])
    .where('invited_at', '>=', since30)
    .where(notPreviewContact(ws, 'interviews.contact_id'));
  let weekQuery = t
    .selectFrom('interviews')
    .select(sql<string>`count(*)`.as('n'))
    .where('started_at', '>=', since7)
    .where(notPreviewContact(ws, 'interviews.contact_id'));
  let accountsQuery = t
    .selectFrom('accounts')
    .select([
      sql<string>`count(*)`.as('n'),
      sql<string | null>`sum(arr_cents)`.as('arr'),
      sql<string>`count(*) filter (where health_state in (${sql.join(AT_RISK_STATES)}))`.as('at_risk'),
      sql<string | null>`sum(arr_cents) filter (where health_state in (${sql.join(AT_RISK_STATES)}))`.as('arr_at_risk'),
    ]);
  if (book !== null) {
    funnelQuery = funnelQuery.where(inBook('interviews.account_id'));
    weekQuery = weekQuery.where(inBook('interviews.account_id'));
    accountsQuery = accountsQuery.where('owner_email', '=', book);
  }
  const [funnel, week, risk, queue, briefing, team] = await Promise.all([
    funnelQuery.executeTakeFirstOrThrow(),
    weekQuery.executeTakeFirstOrThrow(),
    accountsQuery.executeTakeFirstOrThrow(),
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
    latestBriefVersion(db, ws, 'weekly_briefing', memberId),
    book === null ? teamBreakdown(db, ws, since30) : Promise.resolve(null),
  ]);
  const invited = Number(funnel.invited);
  const started = Number(funnel.started);
  const completed = Number(funnel.completed);
  return {
    /** `book`: the CSM's own accounts; `team`: the whole workspace, with `team` filled. */
    scope: book === null ? ('team' as const) : ('book' as const),
    team,
    kpis: {
      invited_30d: invited,
      started_30d: started,
      completed_30d: completed,
      response_rate: invited ? started / invited : null,
      completion_rate: started ? completed / started : null,
      interviews_this_week: Number(week.n),
      accounts: Number(risk.n),
      arr_cents: Number(risk.arr ?? 0),
      accounts_at_risk: Number(risk.at_risk),
      arr_at_risk_cents: Number(risk.arr_at_risk ?? 0),
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
          week_of: briefing.content.week_of,
          time_zone: briefing.content.time_zone,
          sections: consoleSections(briefing.content.sections),
        }
      : null,
  };
}

/**
 * The admin's per-CSM breakdown: accounts, ARR, ARR at risk, interviews completed (of
 * those invited in the last 30 days, as the KPIs count them) and open review items per
 * owner, largest ARR first; every CSM member appears even with an empty book, and
 * accounts with no owner are one row (`owner_email` null). At most TEAM_ROWS rows.
 */
async function teamBreakdown(db: Db, ws: Ws, since30: Date) {
  const riskStates = sql.join(AT_RISK_STATES);
  const { rows } = await sql<{
    owner_email: string | null;
    member_name: string | null;
    accounts: string;
    arr_cents: string | null;
    accounts_at_risk: string;
    arr_at_risk_cents: string | null;
    interviews_completed: string | null;
    open_reviews: string | null;
    total: string;
  }>`with books as (
      select owner_email, count(*) as accounts, sum(arr_cents) as arr_cents,
        count(*) filter (where health_state in (${riskStates})) as accounts_at_risk,
        sum(arr_cents) filter (where health_state in (${riskStates})) as arr_at_risk_cents
      from accounts where workspace_id = ${ws.id} group by owner_email
    ),
    owners as (
      select owner_email from books
      union select email from members where workspace_id = ${ws.id} and role = 'csm'
    ),
    ranked as (
      select o.owner_email, coalesce(b.accounts, 0) as accounts, b.arr_cents,
        coalesce(b.accounts_at_risk, 0) as accounts_at_risk, b.arr_at_risk_cents, count(*) over () as total
      from owners o left join books b on b.owner_email is not distinct from o.owner_email
      order by coalesce(b.arr_cents, 0) desc, o.owner_email nulls last
      limit ${TEAM_ROWS}
    ),
    interviews_done as (
      select a.owner_email, count(*) as n from interviews i join accounts a on a.id = i.account_id
      where i.workspace_id = ${ws.id} and i.status = 'completed' and i.invited_at >= ${since30}
        and ${notPreviewContact(ws, 'i.contact_id')}
      group by a.owner_email
    ),
    reviews as (
      select a.owner_email, count(*) as n from review_items r join accounts a on a.id = r.account_id
      where r.workspace_id = ${ws.id} and r.status = 'open'
      group by a.owner_email
    )
    select r.*, m.name as member_name, d.n as interviews_completed, v.n as open_reviews
    from ranked r
    left join members m on m.workspace_id = ${ws.id} and m.email = r.owner_email
    left join interviews_done d on d.owner_email is not distinct from r.owner_email
    left join reviews v on v.owner_email is not distinct from r.owner_email
    order by coalesce(r.arr_cents, 0) desc, r.owner_email nulls last`.execute(db);
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      owner_email: r.owner_email,
      name: r.member_name,
      accounts: Number(r.accounts),
      arr_cents: Number(r.arr_cents ?? 0),
      accounts_at_risk: Number(r.accounts_at_risk),
      arr_at_risk_cents: Number(r.arr_at_risk_cents ?? 0),
      interviews_completed: Number(r.interviews_completed ?? 0),
      open_reviews: Number(r.open_reviews ?? 0),
    })),
  };
}
