import { briefRunSchema } from '@candor/shared';
import { weeklyRunBodySchema } from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import { consoleRoute, createConsoleRouter, errorResponses, signedIn } from '../http/console-router';
import { json } from '../http/openapi';
import { getBriefRun, startBriefRun, startRenewalBriefRun } from '../synthesis/brief-runs';
import { isTimeZone } from '../synthesis/briefing-week';

const weeklyRunBody = weeklyRunBodySchema.extend({
  time_zone: weeklyRunBodySchema.shape.time_zone.refine(
    (tz) => tz === undefined || isTimeZone(tz),
    'not a time zone this server knows',
  ),
});
const idParam = z.object({ id: z.string() });
const tags = ['Brief runs'];
const run = (description: string) => json(description, briefRunSchema);

/**
 * The console's "Regenerate brief": start a background run for an account and poll its
 * progress (session cookie).
 */
export function consoleBriefRunRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/accounts/{id}/brief/runs',
      tags,
      summary: "Regenerate an account's renewal brief",
      middleware: signedIn,
      request: { params: idParam },
      responses: { 202: run('Started (or already running)'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { run } = await startRenewalBriefRun(c.get('deps'), c.get('ws'), c.req.valid('param').id);
      return c.json(run, 202);
    },
  );
  // "Generate now" on Home: the viewer's own briefing; the browser's time zone becomes theirs.
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/briefings/weekly/runs',
      tags,
      summary: "Generate the viewer's weekly briefing now",
      middleware: signedIn,
      request: { body: { content: { 'application/json': { schema: weeklyRunBody } } } },
      responses: { 202: run('Started (or already running)'), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const body = c.req.valid('json');
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
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/brief-runs/{id}',
      tags,
      summary: 'A run and its progress',
      middleware: signedIn,
      request: { params: idParam },
      responses: { 200: run('The run'), ...errorResponses(401, 404) },
    }),
    async (c) => c.json(await getBriefRun(c.get('deps'), c.get('ws'), c.req.valid('param').id), 200),
  );
  return app;
}
