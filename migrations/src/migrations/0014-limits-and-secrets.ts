import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Rate limits and secrets at rest:
 * - `rate_limits`: rate-limiter-flexible's Postgres store (its own column names), shared by
 *   every API process on the database; `key` is `<limit>:<sha-256 of the subject>`, so no
 *   address, email or key is kept in it; `expire` is epoch milliseconds.
 * - console sessions are now stored by the SHA-256 of their token; the sessions stored
 *   with plain tokens cannot be looked up that way, so they end here (members sign in again).
 * - the generated signing secret no longer lives in the database: it moves to a 0600 file in
 *   the data directory on the next start (see api/src/instance-secret.ts), which deletes the row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create table rate_limits (
      key varchar(255) primary key,
      points integer not null default 0,
      expire bigint
    );
    create index rate_limits_expire on rate_limits (expire);
    delete from auth_sessions;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(db, 'drop table if exists rate_limits;');
}
