import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/** Product releases ("you asked, we shipped"): matched to accounts' feature requests in briefings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create table releases (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      title text not null,
      notes text not null default '',
      features jsonb not null default '[]',
      released_on date not null,
      created_at timestamptz not null default now()
    );
    create index releases_workspace on releases (workspace_id, released_on desc);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(db, 'drop table if exists releases;');
}
