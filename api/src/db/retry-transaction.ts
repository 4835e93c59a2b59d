import type { Database } from '@candor/migrations';
import type { Kysely, Transaction } from 'kysely';

/** SQLSTATEs that mean "this transaction lost a race; the same work run again can succeed". */
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

const ATTEMPTS = 4;
const BASE_DELAY_MS = 15;

/** True for a Postgres error that aborts a transaction only because of a concurrent one. */
export function isTransientConflict(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE.has(code)) return true;
  }
  return false;
}

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
