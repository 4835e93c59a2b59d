import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * `connectors.auth_error` says why a connector's credentials stopped working (a Salesforce
 * refresh token that was revoked, say); set, Settings asks for them again and nothing is
 * sent through it. Cleared when new credentials are saved.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(db, 'alter table connectors add column auth_error text;');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(db, 'alter table connectors drop column auth_error;');
}
