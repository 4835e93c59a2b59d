import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * The interviews list reads newest invitation first, ties by id, filtered by status or not:
 * these indexes hand the database a page in that order, so a page costs its 50 rows instead
 * of joining and sorting every interview of the workspace. The status one also bounds the
 * admin Home's "completed of those invited in the last 30 days" to that window. Their
 * entries are small enough for the list's total to be counted from an index alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create index interviews_newest_invitation on interviews (workspace_id, invited_at desc, id);
    create index interviews_status_newest_invitation on interviews (workspace_id, status, invited_at desc, id);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop index interviews_status_newest_invitation;
    drop index interviews_newest_invitation;
    `,
  );
}
