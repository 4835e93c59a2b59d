import { migrations } from '@candor/migrations';
import { Migrator } from 'kysely/migration';
import type { Db } from './database';

function migrator(db: Db) {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/**
 * Applies every pending migration; returns the names applied. Throws on the first failure.
 *
 * Runs inside one transaction: Kysely's migrator takes a session-level advisory lock through
 * `db.connection()`, which our postgres.js dialect does not pin to one backend, so the lock
 * and its unlock could land on different pooled connections and the lock stay held — and the
 * next process to migrate on the database would wait for it. A transaction reserves one
 * connection, so lock, migrations and unlock share it (and a failed migration rolls back).
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const { error, results } = await migrator(trx).migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  });
}

/** True when every known migration has been applied. */
export async function migrationsAreCurrent(db: Db): Promise<boolean> {
  const all = await migrator(db).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
