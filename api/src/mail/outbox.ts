import type { Db } from '../db/database';
import { redactSecretLinks } from './redact-links';

/**
 * The local outbox, newest first: what would have been sent without a mail provider. Secret
 * links (sign-in, interview, unsubscribe) are redacted unless `revealLinks` is set.
 */
export async function listOutbox(db: Db, limit: number, options: { revealLinks?: boolean } = {}) {
  const shown = (text: string) => (options.revealLinks ? text : redactSecretLinks(text).text);
  const rows = await db
    .selectFrom('outbox_emails')
    .select(['id', 'workspace_id', 'kind', 'to_address', 'from_address', 'subject', 'text', 'status', 'created_at'])
    .orderBy('created_at', 'desc')
    .limit(limit)
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
