import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/app-env';
import { sessionAuth } from '../http/session-auth';
import { getBriefRun, startRenewalBriefRun } from '../synthesis/brief-runs';

/**
 * The console's "Regenerate brief": start a background run for an account and poll its
 * progress (session cookie; internal to the console, so outside the public OpenAPI).
 */
export function consoleBriefRunRoutes() {
  const app = new Hono<AppEnv>().basePath('/console/api');
  const noStore = createMiddleware<AppEnv>(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.post('/accounts/:id/brief/runs', sessionAuth, noStore, async (c) => {
    const { run } = await startRenewalBriefRun(c.get('deps'), c.get('ws'), c.req.param('id'));
    return c.json(run, 202);
  });
  app.get('/brief-runs/:id', sessionAuth, noStore, async (c) =>
    c.json(await getBriefRun(c.get('deps'), c.get('ws'), c.req.param('id'))),
  );
  return app;
}
