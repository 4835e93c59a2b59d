import { sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';

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
 * Funnels grouped by trigger or by moment: eligible → skipped (by reason) → invited →
 * shown/opened → started → completed → actionable (has signals). Counts only decisions
 * made by triggers (a contact's own "don't ask again" is not an invitation).
 */
export async function computeFunnels(
  db: Db,
  ws: Ws,
  by: Group,
  filter: { triggerId?: string } = {},
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
  let reasons = t
    .selectFrom('invitations')
    .innerJoin('guides', 'guides.id', 'invitations.guide_id')
    .select([keyExpr.as('key'), 'invitations.skip_reason', sql<string>`count(*)`.as('n')])
    .where('invitations.trigger_id', 'is not', null)
    .where('invitations.decision', '=', 'skipped')
    .groupBy([keyExpr, 'invitations.skip_reason']);
  if (filter.triggerId) reasons = reasons.where('invitations.trigger_id', '=', filter.triggerId);
  const [rows, reasonRows] = await Promise.all([stages.execute(), reasons.execute()]);
  return rows.map((r) => ({
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
}

/** One trigger's funnel (all zeros before it has fired). */
export async function triggerFunnel(db: Db, ws: Ws, triggerId: string): Promise<Funnel> {
  const [funnel] = await computeFunnels(db, ws, 'trigger', { triggerId });
  const { key: _key, ...stages } = funnel ?? { key: '', ...emptyFunnel() };
  return stages;
}

const emptyFunnel = (): Funnel => ({
  eligible: 0,
  skipped: 0,
  skipped_by_reason: {},
  invited: 0,
  shown: 0,
  started: 0,
  completed: 0,
  actionable: 0,
});
