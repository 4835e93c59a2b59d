import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Identity verification is on by default: a workspace created from now on refuses a widget
 * identify that is not signed (userHash or token) until an admin explicitly switches it to
 * test mode.
 *
 * Existing workspaces keep the value they had. Turning verification on under them would
 * make every widget already installed on their customers' pages (which may send no
 * userHash) fail at once; so a workspace that had it off stays in test mode, now by an
 * explicit, audited decision that the console shows with a warning, and an admin turns
 * it on when their pages sign.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table workspaces alter column identity_verification set default true;
    insert into audit_log (workspace_id, actor, action, target, details)
      select id, 'system', 'identity_verification.kept_off', id,
        '{"migration":"0013","reason":"widgets already installed may not sign identities; switch test mode off in Settings once they do"}'::jsonb
      from workspaces where identity_verification = false;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(db, 'alter table workspaces alter column identity_verification set default false;');
}
