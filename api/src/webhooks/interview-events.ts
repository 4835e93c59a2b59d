import { type KindedSignalValue, kindedSignal, type SignalValueOf } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { emitWebhookEvent } from './emit-event';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now'>;

type SignalRow = KindedSignalValue & { id: string; quote: string; message_id: string; confidence: number };

/** Churn risk is worth a push only at medium or high; low risk stays in the console. */
function isNotableChurnRisk(value: SignalValueOf<'churn_risk'>): boolean {
  return value.level === 'medium' || value.level === 'high';
}

/**
 * Runs after an interview's signals are extracted: `interview.completed` (with its signals)
 * when the interview was completed, and `signal.churn_risk` (medium/high) and
 * `signal.expansion_intent` for its signals. Event keys make re-extraction send nothing new.
 */
export async function emitInterviewWebhooks(deps: Deps, ws: Ws, interviewId: string): Promise<void> {
  const t = tenant(deps.db, ws);
  const interview = await t
    .selectFrom('interviews')
    .leftJoin('contacts', 'contacts.id', 'interviews.contact_id')
    .leftJoin('accounts', 'accounts.id', 'interviews.account_id')
    .select([
      'interviews.id',
      'interviews.status',
      'interviews.channel',
      'interviews.mode',
      'interviews.guide_id',
      'interviews.started_at',
      'interviews.ended_at',
      'contacts.external_id as contact_id',
      'accounts.external_id as account_id',
    ])
    .where('interviews.id', '=', interviewId)
    .executeTakeFirst();
  if (!interview) return;
  const signals: SignalRow[] = (
    await t
      .selectFrom('signals')
      .select(['id', 'kind', 'value', 'quote', 'message_id', 'confidence'])
      .where('interview_id', '=', interviewId)
      .orderBy('created_at')
      .execute()
  ).map(kindedSignal);
  const subject = { interview_id: interview.id, account_id: interview.account_id, contact_id: interview.contact_id };
  const present = (s: SignalRow) => ({
    id: s.id,
    kind: s.kind,
    value: s.value,
    quote: s.quote,
    message_id: s.message_id,
    confidence: s.confidence,
  });

  if (interview.status === 'completed') {
    await emitWebhookEvent(
      deps,
      ws,
      'interview.completed',
      {
        ...subject,
        guide_id: interview.guide_id,
        channel: interview.channel,
        mode: interview.mode,
        started_at: interview.started_at ? new Date(interview.started_at).toISOString() : null,
        ended_at: interview.ended_at ? new Date(interview.ended_at).toISOString() : null,
        signals: signals.map(present),
      },
      { key: `interview.completed:${interviewId}` },
    );
  }
  for (const s of signals) {
    const type =
      s.kind === 'churn_risk' && isNotableChurnRisk(s.value)
        ? 'signal.churn_risk'
        : s.kind === 'expansion_intent'
          ? 'signal.expansion_intent'
          : null;
    if (!type) continue;
    // Signal ids change when extraction re-runs; the answer they cite does not.
    await emitWebhookEvent(deps, ws, type, { ...subject, signal: present(s) }, { key: `${type}:${s.message_id}` });
  }
}
