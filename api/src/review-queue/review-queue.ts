import { type ReviewEvidence, reviewEvidenceListSchema } from '@candor/shared';
import { type SqlBool, sql } from 'kysely';
import { AppError, notFound } from '../app-error';
import type { Db } from '../db/database';
import { type Tenant, tenant, type Ws } from '../db/tenant';

export type { ReviewEvidence } from '@candor/shared';

/**
 * Puts an account in the review queue, assigned to its owning CSM (the member whose email
 * is the account's owner). The dedupe key keeps one item per cause.
 */
export async function addReviewItem(t: Tenant, item: ReviewItemInput): Promise<void> {
  await addReviewItems(t, [item]);
}

type ReviewItemInput = {
  accountId: string;
  kind: string;
  reason: string;
  evidence: ReviewEvidence[];
  dedupeKey: string;
};

/** Many review items at once: one read of their accounts' owners, one multi-row insert. */
export async function addReviewItems(t: Tenant, items: ReviewItemInput[]): Promise<void> {
  if (items.length === 0) return;
  const owners = await t
    .selectFrom('accounts')
    .innerJoin('members', (j) =>
      j.onRef('members.email', '=', 'accounts.owner_email').onRef('members.workspace_id', '=', 'accounts.workspace_id'),
    )
    .select(['accounts.id as account_id', 'members.id'])
    .where('accounts.id', 'in', [...new Set(items.map((i) => i.accountId))])
    .execute();
  const ownerOf = new Map(owners.map((o) => [o.account_id, o.id]));
  await t
    .insertInto('review_items')
    .values(
      items.map((item) => ({
        account_id: item.accountId,
        kind: item.kind,
        reason: item.reason,
        evidence: reviewEvidenceListSchema.parse(item.evidence),
        assignee_member_id: ownerOf.get(item.accountId) ?? null,
        dedupe_key: item.dedupeKey,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The customer asked for a person: one handoff item per interview, citing their words. */
export function addHandoffItem(
  t: Tenant,
  handoff: { accountId: string; interviewId: string; messageId: string; text: string },
): Promise<void> {
  return addReviewItem(t, {
    accountId: handoff.accountId,
    kind: 'handoff',
    reason: 'Asked to talk to a person',
    evidence: [{ interview_id: handoff.interviewId, message_id: handoff.messageId, quote: handoff.text.slice(0, 500) }],
    dedupeKey: `wants_human:${handoff.interviewId}`,
  });
}

export type ReviewItem = {
  id: string;
  account: { id: string; external_id: string; name: string };
  kind: string;
  reason: string;
  evidence: ReviewEvidence[];
  status: 'open' | 'snoozed' | 'done';
  snoozed_until: string | null;
  assignee: { id: string; email: string; name: string | null } | null;
  created_at: string;
  updated_at: string;
};

/** Open, or snoozed until a time that has come: what every list of the queue counts as open. */
export const isOpenAt = (now: Date) =>
  sql<SqlBool>`(review_items.status = 'open' or (review_items.status = 'snoozed' and review_items.snoozed_until <= ${now}))`;

/** Items with their account and assignee: the one read the API's and the console's lists build on. */
export function reviewItemRows(db: Db, ws: Ws) {
  return tenant(db, ws)
    .selectFrom('review_items')
    .innerJoin('accounts', 'accounts.id', 'review_items.account_id')
    .leftJoin('members', 'members.id', 'review_items.assignee_member_id')
    .select([
      'review_items.id',
      'review_items.kind',
      'review_items.reason',
      'review_items.evidence',
      'review_items.snoozed_until',
      'review_items.assignee_member_id',
      'review_items.created_at',
      'review_items.updated_at',
      'accounts.id as account_id',
      'accounts.external_id as account_external_id',
      'accounts.name as account_name',
      'members.email as assignee_email',
      'members.name as assignee_name',
    ]);
}

/** The queue, newest first; snoozed items whose time has come count as open again. */
export async function listReviewItems(
  db: Db,
  ws: Ws,
  filter: { status?: 'open' | 'snoozed' | 'done'; assigneeEmail?: string; limit?: number },
): Promise<ReviewItem[]> {
  const now = new Date();
  let q = reviewItemRows(db, ws)
    .select(sql<ReviewItem['status']>`case when ${isOpenAt(now)} then 'open' else review_items.status end`.as('status'))
    .orderBy('review_items.created_at', 'desc')
    .limit(filter.limit ?? 100);
  if (filter.status === 'open') q = q.where(isOpenAt(now));
  else if (filter.status === 'snoozed')
    q = q.where('review_items.status', '=', 'snoozed').where('review_items.snoozed_until', '>', now);
  else if (filter.status) q = q.where('review_items.status', '=', filter.status);
  if (filter.assigneeEmail) q = q.where('members.email', '=', filter.assigneeEmail);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    account: { id: r.account_id, external_id: r.account_external_id, name: r.account_name },
    kind: r.kind,
    reason: r.reason,
    evidence: r.evidence,
    status: r.status,
    snoozed_until: r.snoozed_until?.toISOString() ?? null,
    assignee: r.assignee_member_id
      ? { id: r.assignee_member_id, email: r.assignee_email ?? '', name: r.assignee_name }
      : null,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  }));
}

/** Marks an item done, snoozes it until a time, reopens it, or reassigns it to a member. */
export async function updateReviewItem(
  db: Db,
  ws: Ws,
  id: string,
  change: { status?: 'open' | 'snoozed' | 'done'; snoozed_until?: string; assignee_email?: string },
): Promise<void> {
  if (change.status === 'snoozed' && !change.snoozed_until)
    throw new AppError('invalid_request', 'snoozed_until: required when snoozing');
  const t = tenant(db, ws);
  let assignee: string | undefined;
  if (change.assignee_email) {
    const member = await t
      .selectFrom('members')
      .select('id')
      .where('email', '=', change.assignee_email)
      .executeTakeFirst();
    if (!member)
      throw new AppError('invalid_request', `assignee_email: no member ${change.assignee_email} in this workspace`);
    assignee = member.id;
  }
  const res = await t
    .updateTable('review_items')
    .set({
      ...(change.status ? { status: change.status } : {}),
      ...(change.status ? { snoozed_until: change.status === 'snoozed' ? new Date(change.snoozed_until!) : null } : {}),
      ...(assignee ? { assignee_member_id: assignee } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound('Review item');
}
