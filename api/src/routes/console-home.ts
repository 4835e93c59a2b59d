import { homeSchema } from '@candor/shared/console';
import { createRoute } from '@hono/zod-openapi';
import { getHome } from '../home/home';
import { consoleRoute, createConsoleRouter, errorResponses, signedIn } from '../http/console-router';
import { json } from '../http/openapi';

/** The console's Home page under /console/api/home. */
export function consoleHomeRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/home',
      tags: ['Home'],
      summary: "The member's KPIs, open review items and latest weekly briefing",
      description: 'A CSM sees their own book; an admin the whole team, with a breakdown per CSM.',
      middleware: signedIn,
      responses: {
        200: json('The Home page', homeSchema),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      return c.json(await getHome(deps.db, c.get('ws'), c.get('member'), deps.now()), 200);
    },
  );
  return app;
}
