import type { Database } from '@candor/migrations';
import type { Kysely, Transaction } from 'kysely';
import { isTransientConflict } from './pg-errors';

const ATTEMPTS = 4;
const BASE_DELAY_MS = 15;

/**
 * Runs `work` in one transaction, running it again (up to 4 times in all, with a short
 * jittered pause) when Postgres aborts it for a deadlock or a serialization failure. The
 * write paths lock rows in a sorted order so deadlocks should not happen; this is the
 * backstop that keeps a lost race from reaching an integrator as a 500. `work` must only
 * touch the database: it may run more than once.
 */
export async function retryTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      if (attempt >= ATTEMPTS || !isTransientConflict(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, BASE_DELAY_MS * attempt * (0.5 + Math.random())));
    }
  }
}
