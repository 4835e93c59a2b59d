import { notFound } from '../app-error';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { redactSecretLinks } from './redact-links';

// outbox_emails.workspace_id is nullable (instance mail such as sign-in links), so tenant() does not cover it.
// Stored mail keeps its links for delivery; what is read here has them redacted, because a
// sign-in, interview or unsubscribe link acts as its recipient (see redact-links.ts).

/**
 * The local outbox, newest first: what would have been sent without a mail provider — the
 * whole instance's (the CLI) or one workspace's (the console). Secret links (sign-in,
 * interview, unsubscribe) are redacted unless `revealLinks` is set.
 */
export async function listOutbox(db: Db, options: { limit: number; workspace?: Ws; revealLinks?: boolean }) {
  const shown = (text: string) => (options.revealLinks ? text : redactSecretLinks(text).text);
  const rows = await db
    .selectFrom('outbox_emails')
    .select(['id', 'workspace_id', 'kind', 'to_address', 'from_address', 'subject', 'text', 'status', 'created_at'])
    .$if(options.workspace !== undefined, (q) => q.where('workspace_id', '=', options.workspace!.id))
    .orderBy('created_at', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    workspace_id: r.workspace_id,
    kind: r.kind,
    to: r.to_address,
    from: r.from_address,
    subject: shown(r.subject),
    text: shown(r.text),
    status: r.status,
    created_at: r.created_at,
  }));
}

/**
 * One outbox email as its recipient would see it (the console renders it in a sandboxed
 * frame), except that secret links are redacted; `redacted_links` says how many.
 */
export async function getOutboxEmail(db: Db, ws: Ws, id: string) {
  const row = await findOutboxEmail(db, ws, id);
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

/** One of the workspace's stored emails as stored, links and all: never answered as it is. */
export async function findOutboxEmail(db: Db, ws: Ws, id: string) {
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
