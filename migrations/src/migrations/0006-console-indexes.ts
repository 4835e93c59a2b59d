import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Indexes behind the console's Accounts table, so its sorts read the first page from an
 * index instead of sorting the whole book (the order matches the console's queries:
 * largest / most recent first with empty values last, then id).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create index accounts_arr on accounts (workspace_id, arr_cents desc nulls last, id);
    create index accounts_last_touch on accounts (workspace_id, last_touch_at desc nulls last, id);
    create index accounts_name on accounts (workspace_id, name, id);
    create index accounts_health on accounts (workspace_id, health_state);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop index if exists accounts_health;
    drop index if exists accounts_name;
    drop index if exists accounts_last_touch;
    drop index if exists accounts_arr;
    `,
  );
}
