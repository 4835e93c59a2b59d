import type { ErrorCode } from '@candor/shared';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError } from '../app-error';
import type { AppEnv } from './app-env';

/**
 * The HTTP status of every error code: the one place where a problem becomes a status.
 * Features name the problem (a code from shared/src/errors.ts); the edge answers it.
 */
export const errorStatus = {
  invalid_request: 400,
  invalid_json: 400,
  invalid_text: 400,
  json_too_deep: 400,
  invalid_items: 400,
  invalid_rating: 400,
  rating_not_expected: 400,
  not_an_invite: 400,
  bad_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  contact_erased: 410,
  interview_expired: 410,
  already_member: 409,
  last_admin: 409,
  guide_archived: 409,
  opted_out: 409,
  interview_busy: 409,
  interview_closed: 409,
  idempotency_key_in_use: 409,
  idempotency_key_reused: 422,
  target_not_empty: 409,
  rate_limited: 429,
  http_error: 500,
  internal: 500,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>;

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}

const knownHttpCodes: Partial<Record<number, ErrorCode>> = {
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
    return c.json(err.items ? { error: { ...body.error, items: err.items } } : body, errorStatus[err.code]);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code: ErrorCode =
      status === 400 && /json/i.test(err.message) ? 'invalid_json' : (knownHttpCodes[status] ?? 'http_error');
    return c.json(errorBody(code, err.message || code), status);
  }
  const requestId = c.get('requestId');
  // The route pattern, not the path: paths carry ids and link tokens. `err` keeps only safe fields (see log.ts).
  c.get('log')?.error({ err, requestId, method: c.req.method, route: c.req.routePath }, 'unhandled error');
  return c.json(errorBody('internal', `Something went wrong on our side (request ${requestId}).`), 500);
}
