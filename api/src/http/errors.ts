import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { AppEnv } from './app-env';

/** One problem with one item of a batch (`index` null when it is about the whole body). */
export type ErrorItem = { index: number | null; field: string; message: string };

/** The one error type features throw; `onError` turns it into the public error shape. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: ContentfulStatusCode,
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

export const notFound = (what: string) => new AppError('not_found', 404, `${what} not found`);

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

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

const knownHttpCodes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Hono's `onError`: known errors keep their status; anything else is a 500 with only the request id. */
export function handleError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) {
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    const body = errorBody(err.code, err.message);
    return c.json(err.items ? { error: { ...body.error, items: err.items } } : body, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code =
      status === 400 && /json/i.test(err.message) ? 'invalid_json' : (knownHttpCodes[status] ?? 'http_error');
    return c.json(errorBody(code, err.message || code), status);
  }
  const requestId = c.get('requestId');
  // The route pattern, not the path: paths carry ids and link tokens. `err` keeps only safe fields (see log.ts).
  c.get('log')?.error({ err, requestId, method: c.req.method, route: c.req.routePath }, 'unhandled error');
  return c.json(errorBody('internal', `Something went wrong on our side (request ${requestId}).`), 500);
}
