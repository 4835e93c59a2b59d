import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Reads that stay bounded as the book grows.
 *
 * Funnels count the last 90 days: invitations by when they were decided, interviews sent by
 * hand (no trigger) by when they were sent. Two indexes let that read start at the window's
 * edge instead of walking every invitation and interview the workspace ever had.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create index invitations_decided on invitations (workspace_id, created_at);
    create index interviews_sent_by_hand on interviews (workspace_id, invited_at) where trigger_id is null;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop index interviews_sent_by_hand;
    drop index invitations_decided;
    `,
  );
}
