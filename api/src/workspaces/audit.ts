import type { AppDeps } from '../app-deps';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';

export type AuditEntry = {
  /** `member:<id>` for a console member, `system` for jobs. */
  actor: string;
  action: string;
  target?: string | null;
  /** Never secrets: prefixes, counts, roles, URLs. */
  details?: Record<string, unknown>;
};

/** The actor string of a signed-in console member. */
export const memberActor = (memberId: string) => `member:${memberId}`;

/**
 * Records an administrative action in the workspace's audit log and the process log.
 * Pass `db` (a transaction) to make the record part of the change it describes.
 */
export async function recordAudit(deps: Pick<AppDeps, 'db' | 'log'>, ws: Ws, entry: AuditEntry, db: Db = deps.db) {
  await db
    .insertInto('audit_log')
    .values({
      workspace_id: ws.id,
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      details: entry.details ?? {},
    })
    .execute();
  // Details stay in the database: they can name people (an invited member's email).
  deps.log.info({ workspaceId: ws.id, actor: entry.actor, action: entry.action, target: entry.target }, 'audit');
}
