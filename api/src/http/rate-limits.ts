import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { CompiledQuery } from 'kysely';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import type { RateLimit, RateLimitName } from '../config';
import type { Db } from '../db/database';
import type { AppEnv } from './app-env';

/**
 * Rate limits with rate-limiter-flexible's Postgres store, kept in the `rate_limits` table
 * of our own database so every API process on it shares the counts (on PGlite, the one
 * process does). The store expects a node-postgres client; `kyselyStoreClient` is that
 * client over our Kysely handle, so the limits run on postgres.js and PGlite alike without
 * a second driver or connection pool.
 */
export type RateLimitCheck = { name: RateLimitName; subject: string };

type Limiters = Record<RateLimitName, RateLimiterPostgres>;
const limitersByDeps = new WeakMap<Pick<AppDeps, 'db' | 'config'>, Limiters>();

/** What RateLimiterPostgres calls on its `storeClient`: `query({ text, values })` → `{ rows, rowCount }`. */
export function kyselyStoreClient(db: Db) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(q.text, q.values ?? []));
      // `expire` is a bigint column: postgres.js answers it as a string, the store computes with numbers.
      const rows = result.rows.map((row) =>
        'expire' in row
          ? { ...row, points: Number(row.points), expire: row.expire == null ? null : Number(row.expire) }
          : row,
      );
      return { rows, rowCount: result.numAffectedRows === undefined ? rows.length : Number(result.numAffectedRows) };
    },
  };
}

function limitersFor(deps: Pick<AppDeps, 'db' | 'config'>): Limiters {
  let limiters = limitersByDeps.get(deps);
  if (!limiters) {
    const storeClient = kyselyStoreClient(deps.db);
    const entries = Object.entries(deps.config.rateLimits.limits).map(([name, limit]) => [
      name,
      new RateLimiterPostgres({
        storeClient,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true, // by migration 0014
        keyPrefix: name,
        points: limit.points,
        duration: limit.seconds,
        // Once a subject is over its limit, this process refuses it from memory until the
        // window ends instead of writing to the database for every request of a flood.
        inMemoryBlockOnConsumed: limit.points + 1,
        inMemoryBlockDuration: limit.seconds,
      }),
    ]);
    limiters = Object.fromEntries(entries) as Limiters;
    limitersByDeps.set(deps, limiters);
  }
  return limiters;
}

// Addresses, emails and key ids are stored only as digests.
const subjectKey = (subject: string) => createHash('sha256').update(subject).digest('base64url');

const counted: Record<RateLimitName, string> = {
  widget_address: 'widget requests per client address',
  widget_key: 'widget requests per workspace',
  login_link_recipient: 'sign-in links per email address',
  login_link_address: 'sign-in links per client address',
  api_writes_key: 'API writes per secret key',
};

type Outcome = { name: RateLimitName; limit: RateLimit; res: RateLimiterRes };

/** IETF RateLimit-Policy and RateLimit fields (draft-ietf-httpapi-ratelimit-headers) for these outcomes. */
function rateLimitHeaders(outcomes: Outcome[]): Record<string, string> {
  return {
    'RateLimit-Policy': outcomes.map((o) => `"${o.name}";q=${o.limit.points};w=${o.limit.seconds}`).join(', '),
    RateLimit: outcomes
      .map((o) => `"${o.name}";r=${o.res.remainingPoints};t=${Math.ceil(Math.max(o.res.msBeforeNext, 0) / 1000)}`)
      .join(', '),
  };
}

/**
 * Counts one request against each limit in turn. Over any of them, throws a 429
 * `rate_limited` carrying Retry-After and the RateLimit fields (later limits are not
 * counted); otherwise returns the RateLimit fields for the response.
 */
export async function consumeRateLimits(
  deps: Pick<AppDeps, 'db' | 'config'>,
  checks: RateLimitCheck[],
): Promise<Record<string, string>> {
  const limiters = limitersFor(deps);
  const outcomes: Outcome[] = [];
  for (const check of checks) {
    const limit = deps.config.rateLimits.limits[check.name];
    try {
      outcomes.push({ name: check.name, limit, res: await limiters[check.name].consume(subjectKey(check.subject)) });
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      outcomes.push({ name: check.name, limit, res: err });
      const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw new AppError(
        'rate_limited',
        `Too many requests: at most ${limit.points} ${counted[check.name]} every ${limit.seconds} s. Try again in ${retryAfter} s.`,
        undefined,
        { ...rateLimitHeaders(outcomes), 'Retry-After': String(retryAfter) },
      );
    }
  }
  return rateLimitHeaders(outcomes);
}

/**
 * Middleware: counts the request against the limits `checksFor` names (none: not limited)
 * and answers the RateLimit fields; over a limit, the 429 comes from `consumeRateLimits`.
 */
export const rateLimit = (checksFor: (c: Context<AppEnv>) => RateLimitCheck[] | Promise<RateLimitCheck[]>) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await applyRateLimits(c, await checksFor(c));
    await next();
  });

/** Counts the request against `checks` and sets the RateLimit fields on the response. */
export async function applyRateLimits(c: Context<AppEnv>, checks: RateLimitCheck[]) {
  if (checks.length === 0) return;
  for (const [name, value] of Object.entries(await consumeRateLimits(c.get('deps'), checks))) c.header(name, value);
}
