import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env';

/** One line per request: method, route path, status, duration. Never bodies, query strings or headers. */
export const accessLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  c.get('log').info(
    { method: c.req.method, path: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) },
    'request',
  );
});
