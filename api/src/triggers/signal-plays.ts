import { kindedSignal } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import type { FunnelWindow } from './funnel';
import { messageOutcomeCounts } from './in-app-messages';
import { playSignalOf } from './play-signals';
import { planAllowed } from './recipients';
import { type PlaySignalRow, type PlaySubject, runPlayStep, type StepOutcome } from './run-play-step';
import { listTriggers } from './trigger-store';

/**
 * Runs the workspace's plays for an interview's signals: every enabled trigger whose *when*
 * is a signal (and whose plan condition the account meets) runs its steps in order for each
 * matching signal. Each step is claimed in play_steps once per signal (re-extraction runs
 * nothing twice) and its outcome recorded.
 */
export async function runSignalPlays(deps: AppDeps, ws: Ws, interviewId: string): Promise<void> {
  const plays = (await listTriggers(deps.db, ws, { enabled: true })).filter((t) => t.when.type === 'signal');
  if (plays.length === 0) return;
  const t = tenant(deps.db, ws);
  const interview = await t
    .selectFrom('interviews')
    .leftJoin('accounts', 'accounts.id', 'interviews.account_id')
    .leftJoin('contacts', 'contacts.id', 'interviews.contact_id')
    .select([
      'interviews.contact_id',
      'contacts.external_id as contact_external_id',
      'contacts.email as contact_email',
      'contacts.name as contact_name',
      'interviews.account_id',
      'accounts.external_id as account_external_id',
      'accounts.name',
      'accounts.plan',
      'accounts.arr_cents',
      'accounts.renewal_date',
      'accounts.owner_email',
      'accounts.ae_email',
      'accounts.attributes',
    ])
    .where('interviews.id', '=', interviewId)
    .executeTakeFirst();
  if (!interview) return;
  const signals: PlaySignalRow[] = (
    await t
      .selectFrom('signals')
      .select(['kind', 'value', 'quote', 'message_id'])
      .where('interview_id', '=', interviewId)
      .orderBy('created_at')
      .execute()
  ).map(kindedSignal);
  for (const play of plays) {
    if (play.when.type !== 'signal' || !planAllowed(play.plans, interview.plan)) continue;
    const wanted = play.when.signal;
    for (const signal of signals) {
      if (playSignalOf(signal) !== wanted) continue;
      const signalKey = `${signal.kind}:${signal.message_id}`;
      const subject: PlaySubject = {
        ...interview,
        arr_cents: interview.arr_cents === null ? null : String(interview.arr_cents),
        interviewId,
        signal,
        signalKey,
      };
      for (const [index, step] of play.do.entries()) {
        const claimed = await deps.db
          .insertInto('play_steps')
          .values({
            workspace_id: ws.id,
            trigger_id: play.id,
            step: index,
            step_type: step.type,
            signal_key: signalKey,
            account_id: interview.account_id,
            outcome: 'queued',
          })
          .onConflict((oc) => oc.columns(['trigger_id', 'signal_key', 'step']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!claimed) continue;
        let result: StepOutcome;
        try {
          result = await runPlayStep(deps, ws, play, step, subject, { index, playStepId: claimed.id });
        } catch (err) {
          deps.log.error({ err, triggerId: play.id, step: index }, 'play step failed');
          result = { outcome: 'failed', detail: 'unexpected error' };
        }
        await t
          .updateTable('play_steps')
          .set({
            outcome: result.outcome,
            detail: result.detail,
            webhook_delivery_id: result.webhookDeliveryId ?? null,
          })
          .where('id', '=', claimed.id)
          .execute();
      }
    }
  }
}

type StepCounts = {
  step: number;
  type: string;
  done: number;
  queued: number;
  skipped: number;
  failed: number;
  shown?: number;
  dismissed?: number;
  clicked?: number;
};

/**
 * How each step of a play turned out, for the trigger's funnel. A webhook step's outcome is
 * its delivery's (delivered: done, given up: failed); an in-app message step also counts
 * how many of its messages were shown, dismissed and clicked. Steps run within the funnel's
 * window count, like the rest of the funnel.
 */
export async function playStepCounts(
  deps: Pick<AppDeps, 'db'>,
  ws: Ws,
  triggerId: string,
  window: FunnelWindow,
): Promise<StepCounts[]> {
  const outcome = sql<StepOutcome['outcome']>`case
    when webhook_deliveries.status = 'delivered' then 'done'
    when webhook_deliveries.status = 'failed' then 'failed'
    else play_steps.outcome end`;
  const rows = await tenant(deps.db, ws)
    .selectFrom('play_steps')
    .leftJoin('webhook_deliveries', 'webhook_deliveries.id', 'play_steps.webhook_delivery_id')
    .select(['play_steps.step', 'play_steps.step_type', outcome.as('outcome'), sql<string>`count(*)`.as('n')])
    .where('play_steps.trigger_id', '=', triggerId)
    .where('play_steps.created_at', '>=', new Date(window.since))
    .groupBy(['play_steps.step', 'play_steps.step_type', outcome])
    .orderBy('play_steps.step')
    .execute();
  const messages = await messageOutcomeCounts(deps.db, ws, triggerId, window.since);
  const steps = new Map<number, StepCounts>();
  for (const r of rows) {
    const entry = steps.get(r.step) ?? {
      step: r.step,
      type: r.step_type,
      done: 0,
      queued: 0,
      skipped: 0,
      failed: 0,
      ...(r.step_type === 'in_app_message' ? (messages.get(r.step) ?? { shown: 0, dismissed: 0, clicked: 0 }) : {}),
    };
    entry[r.outcome] += Number(r.n);
    steps.set(r.step, entry);
  }
  return [...steps.values()];
}
