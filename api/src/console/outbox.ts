import type { AppDeps } from '../app-deps';
import { AppError, notFound } from '../app-error';
import { resendMemberInvite } from '../auth/member-admin';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { redactSecretLinks } from '../mail/redact-links';

// outbox_emails.workspace_id is nullable (instance mail such as sign-in links), so tenant() does not cover it.
// Stored mail keeps its links for delivery; what the console reads has them redacted, because a
// sign-in, interview or unsubscribe link acts as its recipient (see mail/redact-links.ts).

/** The workspace's outbox, newest first, with secret links redacted. */
export async function listOutbox(db: Db, ws: Ws) {
  const rows = await db
    .selectFrom('outbox_emails')
    .select(['id', 'kind', 'to_address', 'subject', 'status', 'created_at'])
    .where('workspace_id', '=', ws.id)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    ...r,
    subject: redactSecretLinks(r.subject).text,
    created_at: r.created_at.toISOString(),
  }));
}

/**
 * One outbox email as its recipient would see it (rendered by the console in a sandboxed
 * frame), except that secret links are redacted; `redacted_links` says how many.
 */
export async function getOutboxEmail(db: Db, ws: Ws, id: string) {
  const row = await findEmail(db, ws, id);
  const html = redactSecretLinks(row.html);
  const text = redactSecretLinks(row.text);
  return {
    id: row.id,
    kind: row.kind,
    to_address: row.to_address,
    from_address: row.from_address,
    subject: redactSecretLinks(row.subject).text,
    status: row.status,
    html: html.text,
    text: text.text,
    redacted_links: Math.max(html.redacted, text.redacted),
    created_at: row.created_at.toISOString(),
  };
}

/**
 * "Resend invite" on a member_invite email: a fresh sign-in link for the invitee, emailed to
 * them and returned to the admin who asked; the link stored in the old email is never shown.
 */
export async function resendOutboxInvite(deps: AppDeps, ws: Ws, actorId: string, id: string) {
  const row = await findEmail(deps.db, ws, id);
  if (row.kind !== 'member_invite')
    throw new AppError('not_an_invite', 'Only a member invitation can be resent from the outbox.');
  return resendMemberInvite(deps, ws, actorId, row.to_address);
}

async function findEmail(db: Db, ws: Ws, id: string) {
  if (!isUuid(id)) throw notFound('Email');
  const row = await db
    .selectFrom('outbox_emails')
    .select(['id', 'kind', 'to_address', 'from_address', 'subject', 'status', 'html', 'text', 'created_at'])
    .where('workspace_id', '=', ws.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Email');
  return row;
}
