import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../app-error';
import { requireRole, sessionAuth } from '../auth/session-auth';
import { tenant } from '../db/tenant';
import type { AppEnv } from '../http/app-env';
import { buildOperatingModel } from '../operating-model/build-operating-model';
import { saveInputs } from '../operating-model/inputs-store';

/**
 * The Operating model page's API under /console/api/operating-model: admins (CS leaders)
 * only, never cached. The same figures as GET /v1/operating-model.
 */
export function consoleOperatingModelRoutes() {
  const app = new Hono<AppEnv>().basePath('/console/api/operating-model');
  app.use('*', sessionAuth, requireRole('admin'));
  app.use(
    '*',
    createMiddleware<AppEnv>(async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    }),
  );
  const deps = (c: Context<AppEnv>) => c.get('deps');
  app.get('/', async (c) => c.json(await buildOperatingModel(deps(c).db, c.get('ws'), deps(c).now())));
  app.put('/inputs', async (c) => {
    const body = await c.req.json().catch(() => {
      throw new AppError('invalid_json', 'body: not valid JSON');
    });
    await saveInputs(tenant(deps(c).db, c.get('ws')), body);
    return c.json(await buildOperatingModel(deps(c).db, c.get('ws'), deps(c).now()));
  });
  return app;
}
