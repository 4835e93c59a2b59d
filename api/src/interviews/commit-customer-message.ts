import type { GuideBody } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { AppError } from '../http/errors';
import { addReviewItem } from '../synthesis/review-queue';
import { getInterview, loadGuideVersion, type PendingReply, readState } from './interview-store';
import { recordMomentOptOut } from './opt-outs';
import { decideNextTurn, endsInterview } from './turn-policy';

export type CommittedMessage =
  | { repeat: false; customerMessageId: string; pending: PendingReply; guide: GuideBody }
  | { repeat: true; customerMessageId: string };

/**
 * Stores the customer's message and decides the next turn in one transaction, before any
 * model is called: a crash afterwards loses nothing, and the same client_id again is
 * recognised as a repeat instead of a new answer.
 */
export async function commitCustomerMessage(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  interview: { id: string; guide_version_id: string },
  input: { clientId: string; text: string },
): Promise<CommittedMessage> {
  const interviewId = interview.id;
  // The version an interview runs never changes, so it is read outside the transaction.
  const guide = await loadGuideVersion(deps.db, ws, interview.guide_version_id);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const t = tenant(trx, ws);
    const locked = await getInterview(t, interviewId, { lock: true });
    const existing = await t
      .selectFrom('messages')
      .select(['id'])
      .where('interview_id', '=', interviewId)
      .where('client_id', '=', input.clientId)
      .executeTakeFirst();
    if (existing) return { repeat: true, customerMessageId: existing.id };
    if (locked.status !== 'started')
      throw new AppError('interview_closed', 409, `This interview is ${locked.status}; it takes no more answers.`);

    const state = readState(locked.state);
    const startedAt = locked.started_at ? new Date(locked.started_at) : now;
    const decision = decideNextTurn({
      guide,
      state,
      answer: input.text,
      elapsedMs: now.getTime() - startedAt.getTime(),
    });
    const inserted = await t
      .insertInto('messages')
      .values({
        interview_id: interviewId,
        seq: state.next_seq,
        role: 'customer',
        text: input.text,
        client_id: input.clientId,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const pending: PendingReply = {
      reply_seq: state.next_seq + 1,
      action: decision.action,
      topic_index: decision.topic_index,
      ...(decision.reason ? { reason: decision.reason } : {}),
      since: now.toISOString(),
    };
    const ends = endsInterview(decision.action);
    await t
      .updateTable('interviews')
      .set({
        state: {
          ...decision.state,
          next_seq: state.next_seq + 2,
          pending: { ...state.pending, [inserted.id]: pending },
        },
        last_activity_at: now,
        ...(ends ? { status: decision.action === 'opt_out' ? 'declined' : 'completed', ended_at: now } : {}),
      })
      .where('id', '=', interviewId)
      .execute();

    if (decision.action === 'opt_out' && locked.contact_id) {
      await recordMomentOptOut(t, {
        contactId: locked.contact_id,
        accountId: locked.account_id,
        guideId: locked.guide_id,
        moment: guide.moment,
        interviewId,
        channel: locked.channel,
      });
    }
    if (decision.action === 'handoff' && locked.account_id) {
      await addReviewItem(t, {
        accountId: locked.account_id,
        kind: 'handoff',
        reason: 'wants_human',
        evidence: [{ interview_id: interviewId, message_id: inserted.id, quote: input.text.slice(0, 500) }],
        dedupeKey: `wants_human:${interviewId}`,
      });
    }
    return { repeat: false, customerMessageId: inserted.id, pending, guide };
  });
}
