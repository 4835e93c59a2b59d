import { type Kysely, sql } from 'kysely';

/**
 * Runs a script of DDL statements one at a time. Both drivers (postgres.js over the
 * extended protocol, PGlite's `query`) accept a single statement per call, and keeping
 * migrations as plain SQL makes them read like the schema they create.
 */
export async function executeStatements(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of script.split(/;\s*\n/)) {
    if (statement.trim() === '') continue;
    await sql.raw(statement).execute(db);
  }
}
