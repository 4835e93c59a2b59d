import { randomUUID } from 'node:crypto';
import { type GuideBody, topicScale } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import type { Db } from '../db/database';
import { preparedStatement } from '../db/prepared-statement';
import { tenant, type Ws } from '../db/tenant';
import { contactErased } from '../privacy/contact-erased';
import { loadGuideVersion, type PendingReply, readState } from './interview-store';
import { loadTurn, type Turn, type TurnMessage } from './load-turn';
import { resolveScore } from './rating-answer';
import { linkRatingReason, recordRating } from './rating-signals';
import { recordTurnOutcome, type TurnOwner } from './settle-judged-turn';
import { decideNextTurn, endsInterview, type TurnState } from './turn-policy';
import { type TurnStateWrite, turnStateWriteParams, updateTurnState } from './turn-state-write';

/** What a judged turn needs to decide again once the judgement is in (see judged-reply.ts). */
export type JudgingInput = {
  /** The turn state the answer was given in. */
  before: TurnState;
  elapsedMs: number;
  answer: string;
  lastInterviewerText?: string;
  interview: TurnOwner;
};

export type CommittedMessage =
  | {
      repeat: false;
      customerMessageId: string;
      pending: PendingReply;
      guide: GuideBody;
      /** The conversation up to and including this answer: what the interviewer replies to. */
      transcript: TurnMessage[];
      context: Turn['context'];
      /**
       * Set when the decision stored with the answer is provisional: the model's judgement
       * of the answer decides, and the rules' decision stands only if the judgement fails.
       */
      judging?: JudgingInput;
    }
  | { repeat: true; customerMessageId: string };

// Each attempt loses only to a concurrent change of the same interview (a second tab, a decline).
const MAX_ATTEMPTS = 5;

/**
 * Stores the customer's message and the next turn's decision before any model is called:
 * a crash afterwards loses nothing, and the same client_id again is recognised as a repeat
 * instead of a new answer. The write is one statement guarded by the turn it was decided
 * on, so no lock is held while we think; if the interview moved meanwhile, we decide again.
 */
export async function commitCustomerMessage(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  loaded: Turn,
  input: {
    clientId: string;
    text: string;
    /** Rating topics: the score the customer picked on the scale (checked below). */
    rating?: number | undefined;
    /** The AI interviewer judges answers: leave the decision open unless the rules' is final. */
    judged?: boolean;
  },
): Promise<CommittedMessage> {
  let turn = loaded;
  for (let attempt = 1; ; attempt++) {
    const { interview, messages } = turn;
    const existing = messages.find((m) => m.client_id === input.clientId);
    if (existing) return { repeat: true, customerMessageId: existing.id };
    // Erased while this answer was on its way (only a retry sees it): none of its words are kept.
    if (interview.contact_id === null) throw contactErased();
    if (interview.status !== 'started')
      throw new AppError('interview_closed', `This interview is ${interview.status}; it takes no more answers.`);

    const guide = await loadGuideVersion(deps.db, ws, interview.guide_version_id);
    const now = deps.now();
    const state = readState(interview.state);
    const startedAt = interview.started_at ? new Date(interview.started_at) : now;
    // A score that does not fit the question is refused here, before anything is stored.
    const score = resolveScore(guide, state, input);
    const elapsedMs = now.getTime() - startedAt.getTime();
    const lastInterviewerText = messages.findLast((m) => m.role === 'interviewer')?.text;
    const decision = decideNextTurn({ score, guide, state, answer: input.text, elapsedMs, lastInterviewerText });
    // A clear hand-off or stop in words acts at once, judged or not (the safety net), and so
    // does the question about a score's reason; any other decision of the rules waits for
    // the judgement before it closes anything.
    const settled = decision.action === 'handoff' || decision.action === 'opt_out' || decision.why === 'rating_reason';
    const judging: JudgingInput | undefined =
      input.judged && !settled
        ? { before: state, elapsedMs, answer: input.text, lastInterviewerText, interview }
        : undefined;
    const message: TurnMessage = {
      id: randomUUID(),
      seq: state.next_seq,
      role: 'customer',
      text: input.text,
      client_id: input.clientId,
    };
    const pending: PendingReply = {
      reply_seq: state.next_seq + 1,
      action: decision.action,
      topic_index: decision.topic_index,
      ...(decision.reason ? { reason: decision.reason } : {}),
      why: decision.why,
      ...(decision.rating ? { score: decision.rating.score } : {}),
      since: now.toISOString(),
    };
    const write: TurnParams = {
      workspaceId: ws.id,
      interviewId: interview.id,
      guardSeq: state.next_seq,
      state: { ...decision.state, next_seq: state.next_seq + 2 },
      messageId: message.id,
      pending,
      closeAs:
        endsInterview(decision.action) && !judging ? (decision.action === 'opt_out' ? 'declined' : 'completed') : null,
      now,
      seq: message.seq,
      text: message.text,
      clientId: message.client_id,
    };

    let stored: boolean;
    if (decision.action === 'opt_out' || decision.action === 'handoff' || decision.rating || decision.reason_for) {
      // What the close means for the contact and the account commits with the close itself.
      stored = await deps.db.transaction().execute(async (trx) => {
        if (!(await storeTurn(trx, write))) return false;
        const t = tenant(trx, ws);
        await recordTurnOutcome(t, {
          action: decision.action,
          interview,
          guide,
          messageId: message.id,
          text: input.text,
        });
        // A score is a signal from the moment it is stored, and the answer after it is its reason.
        const ratedScale = decision.rating && topicScale(guide.topics.find((x) => x.key === decision.rating?.topic));
        if (decision.rating && ratedScale)
          await recordRating(
            t,
            {
              interviewId: interview.id,
              accountId: interview.account_id,
              contactId: interview.contact_id,
              messageId: message.id,
              text: input.text,
            },
            { ...decision.rating, scale: ratedScale },
          );
        if (decision.reason_for) await linkRatingReason(t, interview.id, decision.reason_for, message.id);
        return true;
      });
    } else {
      stored = await storeTurn(deps.db, write);
    }
    if (stored)
      return {
        repeat: false,
        customerMessageId: message.id,
        pending,
        guide,
        transcript: [...messages, message],
        context: turn.context,
        ...(judging ? { judging } : {}),
      };
    if (attempt === MAX_ATTEMPTS)
      throw new AppError('interview_busy', 'The interview kept changing while this answer was stored; send it again.');
    turn = await loadTurn(deps.db, ws, interview.id);
  }
}

/**
 * One statement: advance the interview's turn state (see turn-state-write.ts) and insert
 * the answer with it, so both land or neither does.
 */
async function storeTurn(db: Db, params: TurnParams): Promise<boolean> {
  const { rows } = await insertTurn(db, params);
  return rows.length > 0;
}

type TurnParams = TurnStateWrite & { seq: number; text: string; clientId: string | null };

const insertTurn = preparedStatement([...turnStateWriteParams, 'seq', 'text', 'clientId'], (db, p: TurnParams) =>
  db
    .with('advanced', () => updateTurnState(db, p, { settling: false }).returning(['id', 'workspace_id']))
    .insertInto('messages')
    .columns(['id', 'workspace_id', 'interview_id', 'seq', 'role', 'text', 'client_id'])
    .expression((eb) =>
      eb
        .selectFrom('advanced')
        .select([
          sql<string>`${p.messageId}::uuid`.as('id'),
          'advanced.workspace_id',
          'advanced.id as interview_id',
          sql<number>`${p.seq}::int`.as('seq'),
          sql<'customer'>`'customer'`.as('role'),
          sql<string>`${p.text}::text`.as('text'),
          sql<string>`${p.clientId}::text`.as('client_id'),
        ]),
    )
    .returning('id'),
);
