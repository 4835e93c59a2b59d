import type { BriefRun, BriefRunKind } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { notFound } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import type { Progress } from './ai/progress';
import { buildRenewalBrief } from './renewal-brief';
import { deliverWeeklyBriefing } from './weekly-briefing-delivery';

/** A run that has not moved for this long lost its worker; it reads as failed and a new one may start. */
const STALLED_MS = 15 * 60_000;
/**
 * Starts regenerating a brief in the background (the `run-brief` job) and answers the
 * run to poll. While one run for the same brief is still going, that run is answered
 * instead of starting a second.
 */
export async function startBriefRun(
  deps: AppDeps,
  ws: Ws,
  kind: BriefRunKind,
  subjectId: string,
): Promise<{ run: BriefRun; created: boolean }> {
  const now = deps.now();
  const { id, created } = await deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`brief-run:${ws.id}:${kind}:${subjectId}`}))`.execute(trx);
    const t = tenant(trx, ws);
    const active = await t
      .selectFrom('synthesis_runs')
      .select('id')
      .where('kind', '=', kind)
      .where('subject_id', '=', subjectId)
      .where('status', 'in', ['queued', 'running'])
      .where('updated_at', '>', new Date(now.getTime() - STALLED_MS))
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (active) return { id: active.id, created: false };
    const row = await t
      .insertInto('synthesis_runs')
      .values({ kind, subject_id: subjectId, stage: 'Queued', updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, created: true };
  });
  if (created) await deps.jobs.send('run-brief', { workspaceId: ws.id, runId: id });
  return { run: await getBriefRun(deps, ws, id), created };
}

/** Starts regenerating an account's renewal brief (the account's internal id); 404 when it is not this workspace's. */
export async function startRenewalBriefRun(deps: AppDeps, ws: Ws, accountId: string) {
  const account = isUuid(accountId)
    ? await tenant(deps.db, ws).selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst()
    : undefined;
  if (!account) throw notFound('Account');
  return startBriefRun(deps, ws, 'renewal', account.id);
}

/** A run of this workspace, with its progress; 404 otherwise. */
export async function getBriefRun(deps: Pick<AppDeps, 'db' | 'now'>, ws: Ws, runId: string): Promise<BriefRun> {
  const row = isUuid(runId)
    ? await tenant(deps.db, ws)
        .selectFrom('synthesis_runs')
        .leftJoin('briefs', 'briefs.id', 'synthesis_runs.brief_id')
        .select([
          'synthesis_runs.id',
          'synthesis_runs.kind',
          'synthesis_runs.status',
          'synthesis_runs.stage',
          'synthesis_runs.steps_done',
          'synthesis_runs.steps_total',
          'synthesis_runs.brief_id',
          'synthesis_runs.error',
          'synthesis_runs.created_at',
          'synthesis_runs.updated_at',
          'synthesis_runs.finished_at',
          'briefs.version as brief_version',
          'briefs.mode as brief_mode',
        ])
        .where('synthesis_runs.id', '=', runId)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('Brief run');
  const stalled =
    (row.status === 'queued' || row.status === 'running') &&
    deps.now().getTime() - row.updated_at.getTime() > STALLED_MS;
  return {
    id: row.id,
    kind: row.kind,
    status: stalled ? 'failed' : row.status,
    stage: stalled ? 'Stalled' : row.stage,
    steps_done: row.steps_done,
    steps_total: row.steps_total,
    progress: row.steps_total > 0 ? Math.min(1, row.steps_done / row.steps_total) : 0,
    brief_id: row.brief_id,
    brief_version: row.brief_version ?? null,
    mode: row.brief_mode ?? null,
    error: stalled ? 'The run stopped reporting progress; start it again.' : row.error,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    finished_at: row.finished_at?.toISOString() ?? null,
  };
}

/**
 * The `run-brief` job: generates the brief, writing each stage to the run as it goes.
 * Finished runs are left alone, so a repeated job does nothing. A failure marks the run
 * failed (without details that could hold customer text) instead of retrying.
 */
export async function runBriefRun(deps: AppDeps, ws: Ws, runId: string): Promise<void> {
  const t = tenant(deps.db, ws);
  const run = await t
    .selectFrom('synthesis_runs')
    .select(['kind', 'subject_id', 'status'])
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run || run.status === 'done' || run.status === 'failed') return;
  await t
    .updateTable('synthesis_runs')
    .set({ status: 'running', stage: 'Starting', updated_at: deps.now() })
    .where('id', '=', runId)
    .execute();

  // The bar only moves forward, even when a stage re-counts its steps (a model run that falls back to rules).
  let shown = 0;
  const progress: Progress = async (stage, done, total) => {
    const fraction = total > 0 ? done / total : 0;
    const moves = fraction >= shown;
    if (moves) shown = fraction;
    await t
      .updateTable('synthesis_runs')
      .set({ stage, ...(moves ? { steps_done: done, steps_total: total } : {}), updated_at: deps.now() })
      .where('id', '=', runId)
      .execute();
  };
  try {
    let briefId: string;
    if (run.kind === 'renewal') {
      briefId = (await buildRenewalBrief(deps, ws, run.subject_id, { progress })).id;
    } else {
      const member = await t.selectFrom('members').select('email').where('id', '=', run.subject_id).executeTakeFirst();
      if (!member) throw notFound('Member');
      briefId = (await deliverWeeklyBriefing(deps, ws, member.email, { regenerate: true, progress })).id;
    }
    await t
      .updateTable('synthesis_runs')
      .set((eb) => ({
        status: 'done',
        stage: 'Done',
        steps_done: eb.ref('steps_total'),
        brief_id: briefId,
        updated_at: deps.now(),
        finished_at: deps.now(),
      }))
      .where('id', '=', runId)
      .execute();
  } catch (err) {
    deps.log.error({ runId, workspaceId: ws.id, error: (err as Error).name }, 'brief run failed');
    await t
      .updateTable('synthesis_runs')
      .set({
        status: 'failed',
        stage: 'Failed',
        error: 'Generating the brief failed; try again.',
        updated_at: deps.now(),
        finished_at: deps.now(),
      })
      .where('id', '=', runId)
      .execute();
  }
}
