import { insightsQuerySchema, insightsSchema } from '@candor/shared/console';
import { createRoute } from '@hono/zod-openapi';
import { consoleRoute, createConsoleRouter, errorResponses, signedIn } from '../http/console-router';
import { json } from '../http/openapi';
import { getInsights } from '../synthesis/insights';

/** The Insights page under /console/api/insights (its ratings section is console-ratings.ts). */
export function consoleInsightRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/insights',
      tags: ['Insights'],
      summary: 'Signals by kind, churn reasons and their trend, feature requests and the expansion pipeline',
      description: 'For an owner, plan, moment and range of UTC days (default: the last 12 weeks).',
      middleware: signedIn,
      request: { query: insightsQuerySchema },
      responses: {
        200: json('The Insights page', insightsSchema),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      return c.json(await getInsights(deps.db, c.get('ws'), c.req.valid('query'), deps.now()), 200);
    },
  );
  return app;
}
