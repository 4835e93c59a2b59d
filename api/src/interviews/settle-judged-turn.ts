import type { GuideBody } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import type { Db } from '../db/database';
import { preparedStatement } from '../db/prepared-statement';
import { type Tenant, tenant, type Ws } from '../db/tenant';
import { addHandoffItem } from '../review-queue/review-queue';
import type { PendingReply } from './interview-store';
import { recordMomentOptOut } from './opt-outs';
import { statusAfter, type TurnDecision } from './turn-policy';
import { type TurnStateWrite, turnStateWriteParams, updateTurnState } from './turn-state-write';

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
  const write: TurnStateWrite = {
    workspaceId: ws.id,
    interviewId: input.interview.id,
    messageId: input.customerMessageId,
    // The reply's seq was reserved with the answer; the next answer's comes after it, and
    // while it is the current one no later answer has been stored.
    state: { ...decision.state, next_seq: pending.reply_seq + 1 },
    guardSeq: pending.reply_seq + 1,
    pending,
    closeAs: status === 'started' ? null : status,
    now: deps.now(),
  };
  // Most turns go on: one statement, no transaction around it (a round trip, not three).
  if (!write.closeAs) return settle(deps.db, write);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await settle(trx, write))) return false;
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

async function settle(db: Db, write: TurnStateWrite): Promise<boolean> {
  const { rows } = await settleStatement(db, write);
  return rows.length > 0;
}

// Built and compiled once (see prepared-statement.ts): it runs on every judged turn.
const settleStatement = preparedStatement(turnStateWriteParams, (db, p: TurnStateWrite) =>
  updateTurnState(db, p, { settling: true }).returning('id'),
);
