import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * `erased_contacts` remembers that a person was erased without remembering who: keyed
 * digests (HMAC under the instance secret) of their email and external id. A CRM sync
 * consults it so that a person erased in Candor is not brought back by the next import.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create table erased_contacts (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      digest text not null,
      created_at timestamptz not null default now(),
      primary key (workspace_id, digest)
    );
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(db, 'drop table erased_contacts;');
}
