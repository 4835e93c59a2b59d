import { createMiddleware } from 'hono/factory';
import { AppError } from '../app-error';
import type { AppEnv } from './app-env';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for the console's cookie-authenticated API: a change (any method but
 * GET/HEAD/OPTIONS) must come from the console's own origin and carry a JSON body.
 *
 * Hono's `csrf` middleware only judges form-like bodies (urlencoded, multipart, text/plain)
 * and lets any JSON request through whatever its origin, so this is our own, stricter rule:
 * - Sec-Fetch-Site, when the browser sends it, must be `same-origin` (it names the page
 *   that made the request even behind the dev server's proxy, where Origin is the proxy's);
 * - otherwise Origin must be the console's origin (CANDOR_PUBLIC_URL); a request with
 *   neither is not from a browser page of ours and is refused too;
 * - the body must be `application/json`, which no HTML form can send and which a
 *   cross-origin fetch can only send after a CORS preflight that this server never grants.
 */
export function consoleCsrf(publicUrl: string) {
  const consoleOrigin = new URL(publicUrl).origin;
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    const sameOrigin = site !== undefined ? site === 'same-origin' : c.req.header('origin') === consoleOrigin;
    if (!sameOrigin)
      throw new AppError('forbidden', `Console changes are accepted only from the console at ${consoleOrigin}.`);
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json')
      throw new AppError('forbidden', 'Console changes must be sent as application/json.');
    return next();
  });
}
