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
  const t = tenant(db, ws);
  const keyExpr = by === 'trigger' ? sql<string>`invitations.trigger_id::text` : sql<string>`guides.moment`;
  let stages = t
    .selectFrom('invitations')
    .innerJoin('guides', 'guides.id', 'invitations.guide_id')
    .leftJoin('interviews', 'interviews.id', 'invitations.interview_id')
    .select([
      keyExpr.as('key'),
      sql<string>`count(*)`.as('eligible'),
      sql<string>`count(*) filter (where invitations.decision = 'skipped')`.as('skipped'),
      sql<string>`count(*) filter (where invitations.decision = 'invited')`.as('invited'),
      sql<string>`count(*) filter (where interviews.shown_at is not null or interviews.started_at is not null)`.as(
        'shown',
      ),
      sql<string>`count(interviews.started_at)`.as('started'),
      sql<string>`count(*) filter (where interviews.status = 'completed')`.as('completed'),
      sql<string>`count(*) filter (where exists (select 1 from signals s where s.interview_id = interviews.id))`.as(
        'actionable',
      ),
    ])
    .where('invitations.trigger_id', 'is not', null)
    .groupBy(keyExpr);
  if (filter.triggerId) stages = stages.where('invitations.trigger_id', '=', filter.triggerId);
  if (filter.since) stages = stages.where('invitations.created_at', '>=', new Date(filter.since));
  let reasons = t
    .selectFrom('invitations')
    .innerJoin('guides', 'guides.id', 'invitations.guide_id')
    .select([keyExpr.as('key'), 'invitations.skip_reason', sql<string>`count(*)`.as('n')])
    .where('invitations.trigger_id', 'is not', null)
    .where('invitations.decision', '=', 'skipped')
    .groupBy([keyExpr, 'invitations.skip_reason']);
  if (filter.triggerId) reasons = reasons.where('invitations.trigger_id', '=', filter.triggerId);
  if (filter.since) reasons = reasons.where('invitations.created_at', '>=', new Date(filter.since));
  const [rows, reasonRows, manualRows] = await Promise.all([
    stages.execute(),
    reasons.execute(),
    filter.triggerId ? Promise.resolve([]) : manualFunnels(db, ws, by, filter.since),
  ]);
  const funnels = rows.map((r) => ({
    key: r.key,
    eligible: Number(r.eligible),
    skipped: Number(r.skipped),
    skipped_by_reason: Object.fromEntries(
      reasonRows.filter((x) => x.key === r.key).map((x) => [x.skip_reason ?? 'unknown', Number(x.n)]),
    ),
    invited: Number(r.invited),
    shown: Number(r.shown),
    started: Number(r.started),
    completed: Number(r.completed),
    actionable: Number(r.actionable),
  }));
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

/** Interviews sent by hand, grouped like the trigger funnels: every one was eligible and invited. */
async function manualFunnels(db: Db, ws: Ws, by: Group, since?: string): Promise<(Funnel & { key: string })[]> {
  const keyExpr = by === 'trigger' ? sql<string>`${MANUAL_KEY}::text` : sql<string>`guides.moment`;
  const rows = await tenant(db, ws)
    .selectFrom('interviews')
    .innerJoin('guides', 'guides.id', 'interviews.guide_id')
    .select([
      keyExpr.as('key'),
      sql<string>`count(*)`.as('invited'),
      sql<string>`count(*) filter (where interviews.shown_at is not null or interviews.started_at is not null)`.as(
        'shown',
      ),
      sql<string>`count(interviews.started_at)`.as('started'),
      sql<string>`count(*) filter (where interviews.status = 'completed')`.as('completed'),
      sql<string>`count(*) filter (where exists (select 1 from signals s where s.interview_id = interviews.id))`.as(
        'actionable',
      ),
    ])
    .where('interviews.trigger_id', 'is', null)
    .$if(since !== undefined, (q) => q.where('interviews.invited_at', '>=', new Date(since as string)))
    .where(notPreviewContact(ws, 'interviews.contact_id'))
    // A trigger's invitation carries its dedupe key, and keeps it when the trigger is deleted:
    // that interview was not sent by hand. A console send is an invitation without one.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('invitations')
            .select('invitations.id')
            .whereRef('invitations.interview_id', '=', 'interviews.id')
            .where('invitations.dedupe_key', 'is not', null),
        ),
      ),
    )
    .groupBy(keyExpr)
    .execute();
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
