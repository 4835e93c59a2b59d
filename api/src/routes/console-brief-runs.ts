import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { sessionAuth } from '../auth/session-auth';
import { readJsonBody } from '../console/read-query';
import type { AppEnv } from '../http/app-env';
import { getBriefRun, startBriefRun, startRenewalBriefRun } from '../synthesis/brief-runs';
import { isTimeZone } from '../synthesis/briefing-week';

const weeklyRunBody = z.strictObject({
  time_zone: z.string().max(64).refine(isTimeZone, 'not a time zone this server knows').optional(),
});

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
  // "Generate now" on Home: the viewer's own briefing; the browser's time zone becomes theirs.
  app.post('/briefings/weekly/runs', sessionAuth, noStore, async (c) => {
    const body = await readJsonBody(c, weeklyRunBody);
    const { deps, ws, member } = { deps: c.get('deps'), ws: c.get('ws'), member: c.get('member') };
    if (body.time_zone)
      await deps.db
        .updateTable('members')
        .set({ timezone: body.time_zone })
        .where('workspace_id', '=', ws.id)
        .where('id', '=', member.id)
        .execute();
    const { run } = await startBriefRun(deps, ws, 'weekly_briefing', member.id);
    return c.json(run, 202);
  });
  app.get('/brief-runs/:id', sessionAuth, noStore, async (c) =>
    c.json(await getBriefRun(c.get('deps'), c.get('ws'), c.req.param('id'))),
  );
  return app;
}
