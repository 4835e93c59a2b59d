import { listQuery, ratingReportSchema } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { consoleRoute, createConsoleRouter, errorResponses, signedIn } from '../http/console-router';
import { json } from '../http/openapi';
import { ratingReport } from '../synthesis/rating-report';

const ratingsQuery = listQuery({ days: z.coerce.number().int().min(7).max(365).default(90) });

/** The Insights page's ratings section: the same report as GET /v1/reports/ratings, for the whole workspace. */
export function consoleRatingRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/ratings',
      tags: ['Insights'],
      summary: 'NPS, CSAT and CES per moment, per account and per week',
      middleware: signedIn,
      request: { query: ratingsQuery },
      responses: {
        200: json('The report', ratingReportSchema),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      return c.json(
        await ratingReport(deps.db, c.get('ws'), { now: deps.now(), days: c.req.valid('query').days }),
        200,
      );
    },
  );
  return app;
}
