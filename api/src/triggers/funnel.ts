import { sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { notPreviewContact } from '../guides/preview-contact';

/** The invitation funnel of one trigger or moment: each stage counts invitations that reached it. */
export type Funnel = {
  eligible: number;
  skipped: number;
  skipped_by_reason: Record<string, number>;
  invited: number;
  shown: number;
  started: number;
  completed: number;
  actionable: number;
};

type Group = 'trigger' | 'moment';

/**
 * Every funnel read counts what was decided in the last 90 days: the invitations triggers
 * decided, and the interviews sent by hand, by when they were made. A bounded read whatever
 * the age of the book, long enough for rules that fire once a quarter.
 */
export const FUNNEL_WINDOW_DAYS = 90;

/** The span a funnel counts, as the API and the console show it beside the counts. */
export type FunnelWindow = { days: number; since: string };

export function funnelWindow(now: Date): FunnelWindow {
  return { days: FUNNEL_WINDOW_DAYS, since: new Date(now.getTime() - FUNNEL_WINDOW_DAYS * 86_400_000).toISOString() };
}

/** The funnel key of interviews a person sent by hand (no trigger decided them). */
export const MANUAL_KEY = 'manual';

/** A funnel's stage counts, as the summary and the rows both give them. */
const STAGES = ['eligible', 'skipped', 'invited', 'shown', 'started', 'completed', 'actionable'] as const;

const DAY = 86_400_000;

/**
 * How a window is read: its whole UTC days from the daily summary (migration 0044), the
 * partial day at its start from the rows themselves. The window runs to now, so the
 * summary's days reach its end. Without a start (all time) the summary holds everything.
 */
function splitWindow(since?: string): { fromDay: string | null; edge: { since: Date; until: Date } | null } {
  if (since === undefined) return { fromDay: null, edge: null };
  const start = new Date(since);
  const first = Math.ceil(start.getTime() / DAY) * DAY;
  return {
    fromDay: new Date(first).toISOString().slice(0, 10),
    edge: start.getTime() < first ? { since: start, until: new Date(first) } : null,
  };
}

/**
 * Funnels grouped by trigger or by moment: eligible → skipped (by reason) → invited →
 * shown/opened → started → completed → actionable (has signals). Counts the decisions made
 * by triggers (a contact's own "don't ask again" is not an invitation) and the interviews
 * sent by hand (API or console, no trigger): by trigger they are the `manual` row, by
 * moment they count in their guide's moment. Guide previews count nowhere. `since` (the
 * funnel window's) bounds what is counted; the operating model's engagement counts all time.
 */
export async function computeFunnels(
  db: Db,
  ws: Ws,
  by: Group,
  filter: { triggerId?: string; since?: string } = {},
): Promise<(Funnel & { key: string })[]> {
  const window = splitWindow(filter.since);
  const [rows, manualRows] = await Promise.all([
    triggerStages(db, ws, by, window, filter.triggerId),
    filter.triggerId ? Promise.resolve([]) : manualFunnels(db, ws, by, window),
  ]);
  const funnels: (Funnel & { key: string })[] = [];
  for (const r of rows) {
    let funnel = funnels.at(-1);
    if (funnel?.key !== r.key) {
      funnel = { key: r.key, ...emptyFunnel() };
      funnels.push(funnel);
    }
    for (const stage of STAGES) funnel[stage] += Number(r[stage]);
    if (Number(r.skipped) > 0) funnel.skipped_by_reason[r.skip_reason ?? 'unknown'] = Number(r.skipped);
  }
  for (const m of manualRows) {
    const same = funnels.find((f) => f.key === m.key);
    if (!same) {
      funnels.push(m);
      continue;
    }
    for (const stage of ['eligible', 'invited', 'shown', 'started', 'completed', 'actionable'] as const)
      same[stage] += m[stage];
  }
  return funnels;
}

type StageRow = { key: string; skip_reason: string | null } & Record<(typeof STAGES)[number], string>;

const summed = sql.join(STAGES.map((stage) => sql`sum(u.${sql.ref(stage)})::int as ${sql.ref(stage)}`));

/** The key a row of the summary or its edge counts under: its trigger or its guide's moment. */
const groupKey = (by: Group, manual: boolean) =>
  by === 'moment' ? sql`g.moment` : manual ? sql`${MANUAL_KEY}::text` : sql`u.trigger_id::text`;

/** Trigger's invitations, per key and skip reason: the summary's whole days and the rows of the window's first. */
async function triggerStages(
  db: Db,
  ws: Ws,
  by: Group,
  window: ReturnType<typeof splitWindow>,
  triggerId?: string,
): Promise<StageRow[]> {
  const ofTrigger = (column: string) =>
    triggerId ? sql`${sql.ref(column)} = ${triggerId}` : sql`${sql.ref(column)} is not null`;
  const parts = [
    sql`select d.trigger_id, d.guide_id, d.skip_reason, ${sql.join(STAGES.map((s) => sql.ref(`d.${s}`)))}
      from funnel_days d
      where d.workspace_id = ${ws.id} and ${ofTrigger('d.trigger_id')}
        ${window.fromDay ? sql`and d.day >= ${window.fromDay}::date` : sql``}`,
  ];
  if (window.edge)
    parts.push(sql`select i.trigger_id, i.guide_id, i.skip_reason, count(*) as eligible,
        count(*) filter (where i.decision = 'skipped') as skipped,
        count(*) filter (where i.decision = 'invited') as invited,
        count(*) filter (where v.shown_at is not null or v.started_at is not null) as shown,
        count(v.started_at) as started,
        count(*) filter (where v.status = 'completed') as completed,
        count(*) filter (where exists (select 1 from signals s where s.interview_id = v.id)) as actionable
      from invitations i left join interviews v on v.id = i.interview_id
      where i.workspace_id = ${ws.id} and ${ofTrigger('i.trigger_id')}
        and i.created_at >= ${window.edge.since} and i.created_at < ${window.edge.until}
      group by i.trigger_id, i.guide_id, i.skip_reason`);
  const key = groupKey(by, false);
  const { rows } = await sql<StageRow>`select ${key} as key, u.skip_reason, ${summed}
    from (${sql.join(parts, sql` union all `)}) u inner join guides g on g.id = u.guide_id
    group by ${key}, u.skip_reason
    order by 1, 2`.execute(db);
  return rows;
}

/** Interviews sent by hand, grouped like the trigger funnels: every one was eligible and invited. */
async function manualFunnels(
  db: Db,
  ws: Ws,
  by: Group,
  window: ReturnType<typeof splitWindow>,
): Promise<(Funnel & { key: string })[]> {
  const parts = [
    sql`select d.guide_id, ${sql.join(STAGES.map((s) => sql.ref(`d.${s}`)))}
      from funnel_days d
      where d.workspace_id = ${ws.id} and d.trigger_id is null
        ${window.fromDay ? sql`and d.day >= ${window.fromDay}::date` : sql``}`,
  ];
  // A trigger's invitation carries its dedupe key, and keeps it when the trigger is deleted:
  // that interview was not sent by hand. A console send is an invitation without one.
  if (window.edge)
    parts.push(sql`select v.guide_id, count(*) as eligible, 0 as skipped, count(*) as invited,
        count(*) filter (where v.shown_at is not null or v.started_at is not null) as shown,
        count(v.started_at) as started,
        count(*) filter (where v.status = 'completed') as completed,
        count(*) filter (where exists (select 1 from signals s where s.interview_id = v.id)) as actionable
      from interviews v
      where v.workspace_id = ${ws.id} and v.trigger_id is null
        and v.invited_at >= ${window.edge.since} and v.invited_at < ${window.edge.until}
        and ${notPreviewContact(ws, 'v.contact_id')}
        and not exists (select 1 from invitations i where i.interview_id = v.id and i.dedupe_key is not null)
      group by v.guide_id`);
  const key = groupKey(by, true);
  const { rows } = await sql<Omit<StageRow, 'skip_reason'>>`select ${key} as key, ${summed}
    from (${sql.join(parts, sql` union all `)}) u inner join guides g on g.id = u.guide_id
    group by ${key}
    order by 1`.execute(db);
  return rows.map((r) => ({
    key: r.key,
    eligible: Number(r.invited),
    skipped: 0,
    skipped_by_reason: {},
    invited: Number(r.invited),
    shown: Number(r.shown),
    started: Number(r.started),
    completed: Number(r.completed),
    actionable: Number(r.actionable),
  }));
}

/** One trigger's funnel within the window (all zeros before it has fired). */
export async function triggerFunnel(db: Db, ws: Ws, triggerId: string, window: FunnelWindow): Promise<Funnel> {
  const [funnel] = await computeFunnels(db, ws, 'trigger', { triggerId, since: window.since });
  const { key: _key, ...stages } = funnel ?? { key: '', ...emptyFunnel() };
  return stages;
}

export const emptyFunnel = (): Funnel => ({
  eligible: 0,
  skipped: 0,
  skipped_by_reason: {},
  invited: 0,
  shown: 0,
  started: 0,
  completed: 0,
  actionable: 0,
});

/**
 * Trigger rules with their funnel (invitations made and skipped, interviews started and
 * completed) and the funnel of interviews sent by hand: the same counts, over the same
 * window, as `GET /v1/funnel?by=trigger` and `GET /v1/triggers/{id}/funnel`.
 */
export async function listTriggersWithFunnels(db: Db, ws: Ws, window: FunnelWindow) {
  const [rows, funnels] = await Promise.all([
    tenant(db, ws)
      .selectFrom('triggers')
      .leftJoin('guides', 'guides.id', 'triggers.guide_id')
      .select([
        'triggers.id',
        'triggers.name',
        'triggers.enabled',
        'triggers.guide_id',
        'triggers.rule',
        'guides.name as guide_name',
      ])
      .orderBy('triggers.name')
      .execute(),
    computeFunnels(db, ws, 'trigger', { since: window.since }),
  ]);
  const byKey = new Map(funnels.map(({ key, ...stages }) => [key, stages]));
  const none = emptyFunnel();
  const items = rows.map((r) => {
    const f = byKey.get(r.id) ?? none;
    return { ...r, invited: f.invited, skipped: f.skipped, started: f.started, completed: f.completed };
  });
  return { items, manual: byKey.get(MANUAL_KEY) ?? none, window };
}
