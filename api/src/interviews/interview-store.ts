import type { GuideBody } from '@candor/shared';
import { z } from 'zod';
import type { Db } from '../db/database';
import type { Tenant, Ws } from '../db/tenant';
import { getGuideVersion } from '../guides/guide-store';
import { notFound } from '../http/errors';
import type { CustomerFacingContext } from './prompts';
import type { CloseReason, TurnAction, TurnState } from './turn-policy';

/** A reply that has been decided (and its seq reserved) but not stored yet. */
export type PendingReply = {
  reply_seq: number;
  action: TurnAction;
  topic_index: number;
  reason?: CloseReason;
  since: string;
};

/** The whole of `interviews.state`: the turn policy's state plus message bookkeeping. */
export type InterviewState = TurnState & { next_seq: number; pending: Record<string, PendingReply> };

const stateSchema = z.object({
  topic_index: z.number().int().default(0),
  turns: z.number().int().default(0),
  covered: z.array(z.string()).default([]),
  follow_up_used: z.boolean().default(false),
  next_seq: z.number().int().default(1),
  pending: z
    .record(
      z.string(),
      z.object({
        reply_seq: z.number().int(),
        action: z.enum(['probe', 'advance', 'close', 'handoff', 'opt_out']),
        topic_index: z.number().int(),
        reason: z.enum(['topics_covered', 'max_turns', 'max_minutes', 'wants_human', 'opted_out']).optional(),
        since: z.string(),
      }),
    )
    .default({}),
});

export function readState(raw: unknown): InterviewState {
  return stateSchema.parse(raw ?? {});
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
    .select(['id', 'seq', 'role', 'text', 'client_id', 'reply_to', 'mode', 'model', 'created_at'])
    .where('interview_id', '=', interviewId)
    .orderBy('seq')
    .execute();
}

/** The guide body an interview runs: its stored version, unchanged by later edits. */
export async function loadGuideVersion(db: Db, ws: Ws, versionId: string): Promise<GuideBody> {
  return (await getGuideVersion(db, ws, versionId)).body;
}

/**
 * What the interviewer may say about the person: their name, their company, our product.
 * Deliberately selects nothing else from the account or contact.
 */
export async function loadCustomerFacingContext(
  db: Db,
  ws: Ws,
  interview: { contact_id: string | null; account_id: string | null },
): Promise<CustomerFacingContext> {
  // One round trip: the workspace row, and the contact and account only by their name columns.
  const row = await db
    .selectFrom('workspaces')
    .leftJoin('contacts', (j) =>
      j.onRef('contacts.workspace_id', '=', 'workspaces.id').on('contacts.id', '=', interview.contact_id),
    )
    .leftJoin('accounts', (j) =>
      j.onRef('accounts.workspace_id', '=', 'workspaces.id').on('accounts.id', '=', interview.account_id),
    )
    .select(['workspaces.name as product', 'contacts.name as contact_name', 'accounts.name as company'])
    .where('workspaces.id', '=', ws.id)
    .executeTakeFirst();
  const contact = { name: row?.contact_name ?? null };
  const account = { name: row?.company ?? null };
  const workspace = { name: row?.product };
  return {
    contactName: contact?.name ?? null,
    company: account?.name ?? null,
    product: workspace?.name ?? 'our product',
  };
}
