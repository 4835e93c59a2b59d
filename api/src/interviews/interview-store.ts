import { type GuideBody, interviewStateSchema } from '@candor/shared';
import type { z } from 'zod';
import { notFound } from '../app-error';
import type { Db } from '../db/database';
import type { Tenant, Ws } from '../db/tenant';
import { getGuideVersion } from '../guides/guide-store';
import type { TurnState } from './turn-policy';

/** A reply that has been decided (and its seq reserved) but not stored yet. */
export type PendingReply = z.output<typeof interviewStateSchema>['pending'][string];

/** The whole of `interviews.state`: the turn policy's state plus message bookkeeping. */
export type InterviewState = TurnState & { next_seq: number; pending: Record<string, PendingReply> };

export function readState(raw: unknown): InterviewState {
  const { follow_up_used, topic_probes, ...state } = interviewStateSchema.parse(raw ?? {});
  return { ...state, topic_probes: topic_probes ?? (follow_up_used ? 1 : 0) };
}

/** One interview of the workspace, or a 404. */
export async function getInterview(t: Tenant, id: string, options: { lock?: boolean } = {}) {
  let q = t.selectFrom('interviews').selectAll().where('interviews.id', '=', id);
  if (options.lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Interview');
  return row;
}

/** An interview's messages in conversation order. */
export function listMessages(t: Tenant, interviewId: string) {
  return t
    .selectFrom('messages')
    .select(['id', 'seq', 'role', 'text', 'client_id', 'reply_to', 'mode', 'model', 'decision', 'created_at'])
    .where('interview_id', '=', interviewId)
    .orderBy('seq')
    .execute();
}

// Guide versions never change once stored (an edit makes a new version), so the bodies
// interviews run are kept in memory: a turn does not read and re-validate its guide every time.
const GUIDE_CACHE_SIZE = 500;
const guideBodies = new Map<string, GuideBody>();

/** The guide body an interview runs: its stored version, unchanged by later edits. */
export async function loadGuideVersion(db: Db, ws: Ws, versionId: string): Promise<GuideBody> {
  const key = `${ws.id}/${versionId}`;
  const cached = guideBodies.get(key);
  if (cached) return cached;
  const { body } = await getGuideVersion(db, ws, versionId);
  if (guideBodies.size >= GUIDE_CACHE_SIZE) guideBodies.delete(guideBodies.keys().next().value as string);
  guideBodies.set(key, body);
  return body;
}
