import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Rating topics: a score is stored as a signal of kind `rating` (value `{ scale, score,
 * topic }`) the moment it is answered, and `signals.reason_message_id` points at the
 * customer's answer to the "why" that follows, so reports can quote the reasons behind
 * detractors. The partial index serves the rating reports and queries such as "every
 * NPS detractor this week".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table signals add column reason_message_id uuid references messages(id) on delete set null;
    create index signals_ratings on signals (workspace_id, created_at) where kind = 'rating';
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop index if exists signals_ratings;
    alter table signals drop column reason_message_id;
    `,
  );
}
