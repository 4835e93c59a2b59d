import type { GuideBody } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import type { Db } from '../db/database';
import { preparedStatement } from '../db/prepared-statement';
import { type Tenant, tenant, type Ws } from '../db/tenant';
import { addHandoffItem } from '../review-queue/review-queue';
import type { PendingReply } from './interview-store';
import { recordMomentOptOut } from './opt-outs';
import { statusAfter, type TurnDecision } from './turn-policy';

/** The interview fields what a closing turn means for the contact and the account needs. */
export type TurnOwner = {
  id: string;
  contact_id: string | null;
  account_id: string | null;
  guide_id: string;
  channel: string;
};

/**
 * What a hand-off or an opt-out means beyond the interview: the account's review queue
 * hears of it, the contact is not asked about this moment again. Runs inside the
 * transaction that stores the decision, so the two commit together.
 */
export async function recordTurnOutcome(
  t: Tenant,
  input: { action: TurnDecision['action']; interview: TurnOwner; guide: GuideBody; messageId: string; text: string },
): Promise<void> {
  const { action, interview } = input;
  if (action === 'opt_out' && interview.contact_id)
    await recordMomentOptOut(t, {
      contactId: interview.contact_id,
      accountId: interview.account_id,
      guideId: interview.guide_id,
      moment: input.guide.moment,
      interviewId: interview.id,
      channel: interview.channel,
    });
  if (action === 'handoff' && interview.account_id)
    await addHandoffItem(t, {
      accountId: interview.account_id,
      interviewId: interview.id,
      messageId: input.messageId,
      text: input.text,
    });
}

/**
 * Stores the decision a judged turn arrived at in place of the provisional one stored
 * with the answer: the turn state, the pending reply, and — when it ends the interview —
 * the status and what the close means. Only while nothing else has moved the interview
 * since (another answer, a decline); returns whether it was stored.
 */
export async function settleJudgedTurn(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  input: {
    interview: TurnOwner;
    guide: GuideBody;
    customerMessageId: string;
    answer: string;
    decision: TurnDecision;
    pending: PendingReply;
  },
): Promise<boolean> {
  const { decision, pending } = input;
  const status = statusAfter(decision.action);
  const closeAs = status === 'started' ? null : status;
  return deps.db.transaction().execute(async (trx) => {
    const settled = await settle(trx, {
      workspaceId: ws.id,
      interviewId: input.interview.id,
      messageId: input.customerMessageId,
      // The reply's seq was reserved with the answer; the next answer's comes after it.
      state: { ...decision.state, next_seq: pending.reply_seq + 1 },
      pending,
      closeAs,
      now: deps.now(),
    });
    if (!settled) return false;
    if (closeAs)
      await recordTurnOutcome(tenant(trx, ws), {
        action: decision.action,
        interview: input.interview,
        guide: input.guide,
        messageId: input.customerMessageId,
        text: input.answer,
      });
    return true;
  });
}

type SettleParams = {
  workspaceId: string;
  interviewId: string;
  messageId: string;
  /** The turn state after the decision; `nextSeq` is its `next_seq`, which the write is guarded on. */
  state: object;
  nextSeq: number;
  pending: PendingReply;
  closeAs: 'completed' | 'declined' | null;
  now: Date;
};

async function settle(db: Db, p: Omit<SettleParams, 'nextSeq'> & { state: { next_seq: number } }): Promise<boolean> {
  const { rows } = await settleStatement(db, { ...p, nextSeq: p.state.next_seq });
  return rows.length > 0;
}

// Built and compiled once (see prepared-statement.ts): it runs on every judged turn.
const settleStatement = preparedStatement(
  ['workspaceId', 'interviewId', 'messageId', 'state', 'nextSeq', 'pending', 'closeAs', 'now'],
  (db, p: SettleParams) =>
    db
      .updateTable('interviews')
      .set({
        // Both drivers send an object parameter as JSON (as in commit-customer-message.ts).
        state: sql`${p.state}::jsonb || jsonb_build_object('pending',
          coalesce(state -> 'pending', '{}'::jsonb) || jsonb_build_object(${p.messageId}::text, ${p.pending}::jsonb))`,
        status: sql`coalesce(${p.closeAs}::text, status)`,
        ended_at: sql`case when ${p.closeAs}::text is null then ended_at else ${p.now}::timestamptz end`,
        last_activity_at: p.now,
      })
      .where('workspace_id', '=', p.workspaceId)
      .where('id', '=', p.interviewId)
      .where('status', '=', 'started')
      .where('contact_id', 'is not', null)
      // Still the turn this answer opened: no later answer has been stored.
      .where(sql`coalesce((state ->> 'next_seq')::int, 1)`, '=', sql`${p.nextSeq}::int`)
      .where(sql<boolean>`state -> 'pending' ? ${p.messageId}::text`)
      .returning('id'),
);
