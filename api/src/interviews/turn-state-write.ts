import { sql } from 'kysely';
import type { Executor } from '../db/tenant';
import type { PendingReply } from './interview-store';
import type { TurnState } from './turn-policy';

/**
 * What an answer's turn writes to its interview: the new turn state, the answer's pending
 * reply, and the status when the turn ends the interview. Both writes of a turn use it —
 * storing the answer (commit-customer-message.ts) and storing a judged turn's decision in
 * place of the provisional one (settle-judged-turn.ts) — so the two cannot drift apart.
 */
export type TurnStateWrite = {
  workspaceId: string;
  interviewId: string;
  /** The `next_seq` the write is guarded on: it lands only while this is still current. */
  guardSeq: number;
  /** The new turn state; both drivers send an object parameter as JSON. */
  state: TurnState & { next_seq: number };
  /** The answer this turn is for, whose pending reply `pending` is. */
  messageId: string;
  pending: PendingReply;
  /** The status the interview ends in with this turn, or null while it goes on. */
  closeAs: 'declined' | 'completed' | null;
  now: Date;
};

/** The parameter names of a `TurnStateWrite`, for `preparedStatement`. */
export const turnStateWriteParams = [
  'workspaceId',
  'interviewId',
  'guardSeq',
  'state',
  'messageId',
  'pending',
  'closeAs',
  'now',
] as const;

/**
 * The update itself, guarded: the interview is still started, its contact not erased, and
 * its turn still the one decided on. Pending replies are merged in SQL, not overwritten, so
 * a reply being stored for the previous turn at the same moment is never undone. With
 * `settling`, the answer's pending reply must still be there (no later turn replaced it).
 */
export function updateTurnState(db: Executor, p: TurnStateWrite, options: { settling: boolean }) {
  const update = db
    .updateTable('interviews')
    .set({
      state: sql`${p.state}::jsonb || jsonb_build_object('pending',
        coalesce(state -> 'pending', '{}'::jsonb) || jsonb_build_object(${p.messageId}::text, ${p.pending}::jsonb))`,
      last_activity_at: p.now,
      status: sql`coalesce(${p.closeAs}::text, status)`,
      ended_at: sql`case when ${p.closeAs}::text is null then ended_at else ${p.now}::timestamptz end`,
    })
    .where('workspace_id', '=', p.workspaceId)
    .where('id', '=', p.interviewId)
    .where('status', '=', 'started')
    // An erased person's interview has no contact and takes no more words.
    .where('contact_id', 'is not', null)
    .where(sql`coalesce((state ->> 'next_seq')::int, 1)`, '=', sql`${p.guardSeq}::int`);
  return options.settling ? update.where(sql<boolean>`state -> 'pending' ? ${p.messageId}::text`) : update;
}
