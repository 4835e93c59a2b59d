/** SQLSTATE 23503: a row refers to one that does not exist (or no longer does). Both drivers expose `code`. */
export function isForeignKeyViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23503';
}
