import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * What the console's Settings page changes per workspace:
 * - `interviewer_mode`: whether interviews use the AI interviewer (when a model is
 *   configured) or always the scripted one;
 * - `retention_days`: how long interview transcripts keep their words (null = forever);
 *   `interviews.transcript_erased_at` marks the ones the retention job has erased;
 * - `api_keys.plaintext`: publishable keys are public by design (they ship in web pages),
 *   so new ones stay readable for the install snippet. Secret keys never are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table workspaces add column interviewer_mode text not null default 'ai'
      check (interviewer_mode in ('ai', 'scripted'));
    alter table workspaces add column retention_days integer
      check (retention_days is null or retention_days between 30 and 3650);
    alter table interviews add column transcript_erased_at timestamptz;
    create index interviews_retention on interviews (workspace_id, last_activity_at)
      where transcript_erased_at is null;
    alter table api_keys add column plaintext text;
    alter table api_keys add constraint api_keys_plaintext_publishable
      check (plaintext is null or kind = 'publishable');
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table api_keys drop constraint if exists api_keys_plaintext_publishable;
    alter table api_keys drop column plaintext;
    drop index if exists interviews_retention;
    alter table interviews drop column transcript_erased_at;
    alter table workspaces drop column retention_days;
    alter table workspaces drop column interviewer_mode;
    `,
  );
}
