import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * The nightly health pass re-evaluates only the accounts whose inputs changed. An account
 * keeps a digest of what its last evaluation read (`health_inputs`: its usage class over the
 * two windows, the health signals of the last 90 days, the rules' version) and when that was
 * (`health_evaluated_at`). Null until the first evaluation, so every existing account is
 * evaluated once more after this migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table accounts add column health_inputs text;
    alter table accounts add column health_evaluated_at timestamptz;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table accounts drop column health_evaluated_at;
    alter table accounts drop column health_inputs;
    `,
  );
}
