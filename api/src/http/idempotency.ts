import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { sql } from 'kysely';
import { AppError } from '../app-error';
import { tenant } from '../db/tenant';
import type { AppEnv } from './app-env';

/** How long a stored response answers a repeated key. */
const KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** A key still "in progress" after this long belonged to a request that died; it may be retried. */
const STALE_IN_PROGRESS_MS = 60 * 1000;

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** For createRoute's `request.headers`: documents (and length-checks) the optional header. */
export const idempotencyKeyHeaders = z.object({
  [IDEMPOTENCY_HEADER]: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({
      description:
        'Optional; scoped to your workspace for 24 hours. A repeat with the same body gets the first successful ' +
        'response again (marked `Idempotent-Replayed: true`); the same key with a different body → 422; while the ' +
        'first request is still running → 409. Failed requests are not stored, so a corrected retry may reuse the key.',
    }),
});

/**
 * `Idempotency-Key` for mutating calls. Mount after the auth middleware (keys are per
 * workspace). The claim is a row in `idempotency_keys`, so it holds across processes.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header(IDEMPOTENCY_HEADER);
  if (key === undefined) return next();
  if (key.length === 0 || key.length > 255)
    throw new AppError('invalid_request', `${IDEMPOTENCY_HEADER}: must be 1 to 255 characters`);
  const { db, now } = c.get('deps');
  const t = tenant(db, c.get('ws'));
  // Hono caches the body text, so the route's own JSON parsing still works after this.
  const requestHash = createHash('sha256')
    .update(`${c.req.method} ${c.req.path}\n`)
    .update(await c.req.text())
    .digest('hex');

  const claim = () =>
    t
      .insertInto('idempotency_keys')
      .values({ key, request_hash: requestHash, status_code: null, response: null })
      .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();

  let claimed = await claim();
  if (!claimed) {
    const existing = await t
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status_code', 'response', 'created_at'])
      .where('key', '=', key)
      .executeTakeFirst();
    const age = existing ? now().getTime() - new Date(existing.created_at).getTime() : 0;
    const expired = existing && (age > KEY_TTL_MS || (existing.status_code === null && age > STALE_IN_PROGRESS_MS));
    if (existing && !expired) {
      if (existing.request_hash !== requestHash)
        throw new AppError(
          'idempotency_key_reused',
          `This ${IDEMPOTENCY_HEADER} was already used with a different request; use a new key for a new request.`,
        );
      if (existing.status_code === null)
        throw new AppError(
          'idempotency_key_in_use',
          `A request with this ${IDEMPOTENCY_HEADER} is still being processed; retry shortly.`,
        );
      c.header('Idempotent-Replayed', 'true');
      return c.json(existing.response as object, existing.status_code as ContentfulStatusCode);
    }
    if (expired) await t.deleteFrom('idempotency_keys').where('key', '=', key).execute();
    claimed = await claim();
    if (!claimed)
      throw new AppError(
        'idempotency_key_in_use',
        `A request with this ${IDEMPOTENCY_HEADER} is still being processed; retry shortly.`,
      );
  }

  let stored = false;
  try {
    await next();
    const res = c.res;
    if (res.status >= 200 && res.status < 300 && res.headers.get('content-type')?.includes('application/json')) {
      const body = await res.clone().text();
      await t
        .updateTable('idempotency_keys')
        .set({ status_code: res.status, response: sql`cast(${body} as text)::jsonb` })
        .where('key', '=', key)
        .execute();
      stored = true;
    }
  } finally {
    // Failures are not remembered: the caller may fix the request and retry with the same key.
    if (!stored) await t.deleteFrom('idempotency_keys').where('key', '=', key).execute();
  }
});
