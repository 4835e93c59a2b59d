/** SQLSTATE 23503: a row refers to one that does not exist (or no longer does). Both drivers expose `code`. */
export function isForeignKeyViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23503';
}

/** SQLSTATEs that mean "this transaction lost a race; the same work run again can succeed". */
const TRANSIENT = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/** True for an error that aborted a transaction only because of a concurrent one (looks through `cause`). */
export function isTransientConflict(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT.has(code)) return true;
  }
  return false;
}
