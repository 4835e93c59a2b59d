import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * `messages.decision`: on each interviewer reply, what the turn policy decided and why
 * (`{ action, topic_index, why, reason? }`), so a CSM or a test can see why the
 * interviewer probed, moved on, asked to confirm a stop or closed. Null on the opening
 * and on customer messages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(db, 'alter table messages add column decision jsonb;');
}
