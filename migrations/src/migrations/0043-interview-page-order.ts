import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * The interviews list reads newest invitation first, ties by id: this index hands the
 * database a page in that order, so a page costs its 50 rows instead of joining and sorting
 * every interview of the workspace. Its entries are small enough for the total to be
 * counted from the index alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    'create index interviews_newest_invitation on interviews (workspace_id, invited_at desc, id);',
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(db, 'drop index interviews_newest_invitation;');
}
