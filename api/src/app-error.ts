import type { ErrorCode, ErrorItem } from '@candor/shared';
import type { ZodError } from 'zod';

export type { ErrorItem };

/**
 * The one error type features throw: a code from the closed set (shared/src/errors.ts) and a
 * message for people. It carries no HTTP status; the edge (http/errors.ts) maps the code to one.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Per-item problems of a rejected batch, answered as `error.items`. */
    readonly items?: ErrorItem[],
    /** Response headers that belong to the error (Retry-After on a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);

/** Names the first offending field as a path (`contacts.3.email`) so callers can fix it. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      // An unknown key is named as the field at fault, not as its parent object.
      const path =
        i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].join('.')).join(', ') : i.path.join('.');
      return `${path || 'body'}: ${i.message}`;
    })
    .join('; ');
}
