import type { ReviewAction, ReviewQueueItem, reviewListQuerySchema } from '@candor/shared/console';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AppError, notFound } from '../app-error';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { zonedInstant } from '../time/zoned-time';
import { memberActor, recordAudit } from '../workspaces/audit';
import { isOpenAt, reviewItemRows } from './review-queue';

/** What caused an item, in words a CSM reads (never the stored code). */
const KIND_LABELS: Record<string, string> = { handoff: 'Hand-off', health: 'Health change' };
/** Reasons stored as codes by earlier versions, in words. */
const REASON_WORDS: Record<string, string> = { wants_human: 'Asked to talk to a person' };

/** An item's reason in words: known codes are translated, anything else humanized. */
export function reasonInWords(reason: string): string {
  if (REASON_WORDS[reason]) return REASON_WORDS[reason];
  if (/^[a-z]+(_[a-z]+)+$/.test(reason)) {
    const s = reason.replace(/_/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
  return reason;
}

/**
 * The open review queue: a CSM's own and unassigned items (`scope: mine`, Home) or every
 * open item, optionally of one account (the account page). Snoozed items come back on
 * their date.
 */
export async function listConsoleReviewItems(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  viewerId: string,
  filter: z.infer<typeof reviewListQuerySchema>,
): Promise<ReviewQueueItem[]> {
  let q = reviewItemRows(deps.db, ws)
    .where(isOpenAt(deps.now()))
    .orderBy(sql`review_items.assignee_member_id = ${viewerId}`, 'desc')
    .orderBy('review_items.created_at', 'desc')
    .limit(50);
  if (filter.account_id) q = q.where('review_items.account_id', '=', filter.account_id);
  if (filter.scope === 'mine')
    q = q.where((eb) =>
      eb.or([eb('review_items.assignee_member_id', '=', viewerId), eb('review_items.assignee_member_id', 'is', null)]),
    );
  const rows = await q.execute();
  return rows.map((r) => {
    const evidence = r.evidence.find((e) => e.quote || e.interview_id);
    return {
      id: r.id,
      account: { id: r.account_id, name: r.account_name },
      kind: r.kind,
      kind_label: KIND_LABELS[r.kind] ?? reasonInWords(r.kind),
      reason: reasonInWords(r.reason),
      quote: evidence?.quote ?? null,
      interview_id: evidence?.interview_id ?? null,
      message_id: evidence?.message_id ?? null,
      status: 'open' as const,
      snoozed_until: null,
      assignee: r.assignee_member_id
        ? { id: r.assignee_member_id, name: r.assignee_name, email: r.assignee_email ?? '' }
        : null,
      assigned_to_me: r.assignee_member_id === viewerId,
      created_at: r.created_at.toISOString(),
    };
  });
}

/** Applies a CSM's action to one item of this workspace, audited; 404 for anything else. */
export async function actOnReviewItem(
  deps: Pick<AppDeps, 'db' | 'log' | 'now'>,
  ws: Ws,
  viewer: { id: string },
  itemId: string,
  action: ReviewAction,
): Promise<void> {
  if (!isUuid(itemId)) throw notFound('Review item');
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const t = tenant(trx, ws);
    const item = await t
      .selectFrom('review_items')
      .select('id')
      .where('id', '=', itemId)
      .forUpdate()
      .executeTakeFirst();
    if (!item) throw notFound('Review item');
    let change: { status?: 'open' | 'snoozed' | 'done'; snoozed_until?: Date | null; assignee_member_id?: string };
    const details: Record<string, unknown> = {};
    switch (action.action) {
      case 'done':
        change = { status: 'done', snoozed_until: null };
        break;
      case 'reopen':
        change = { status: 'open', snoozed_until: null };
        break;
      case 'snooze': {
        const zone = await viewerTimeZone(trx, ws, viewer.id);
        const until = zonedInstant(action.until, '08:00', zone);
        if (until.getTime() <= now.getTime()) throw new AppError('invalid_request', 'until: pick a day after today');
        change = { status: 'snoozed', snoozed_until: until };
        details.until = until.toISOString();
        break;
      }
      case 'reassign': {
        const member = await t.selectFrom('members').select('id').where('id', '=', action.member_id).executeTakeFirst();
        if (!member) throw new AppError('invalid_request', 'member_id: no such member in this workspace');
        change = { assignee_member_id: member.id };
        details.to = memberActor(member.id);
        break;
      }
    }
    await t
      .updateTable('review_items')
      .set({ ...change, updated_at: now })
      .where('id', '=', itemId)
      .execute();
    await recordAudit(
      deps,
      ws,
      { actor: memberActor(viewer.id), action: `review_item.${action.action}`, target: itemId, details },
      trx,
    );
  });
}

/** A snooze ends in the morning of the chosen day where the CSM is (their zone, else the workspace's). */
async function viewerTimeZone(db: Db, ws: Ws, memberId: string): Promise<string> {
  const row = await db
    .selectFrom('workspaces')
    .leftJoin('members', (j) => j.onRef('members.workspace_id', '=', 'workspaces.id').on('members.id', '=', memberId))
    .select(['workspaces.timezone as workspace_tz', 'members.timezone as member_tz'])
    .where('workspaces.id', '=', ws.id)
    .executeTakeFirst();
  return row?.member_tz ?? row?.workspace_tz ?? 'UTC';
}

/** Who an item can be handed to: every member of the workspace. */
export async function assignableMembers(deps: Pick<AppDeps, 'db'>, ws: Ws) {
  return tenant(deps.db, ws).selectFrom('members').select(['id', 'name', 'email']).orderBy('email').execute();
}
