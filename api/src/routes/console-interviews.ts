import { interviewPageSchema, transcriptSchema } from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import { getTranscript, interviewListQuery, listInterviews } from '../console/interviews';
import { consoleRoute, createConsoleRouter, errorResponses, signedIn } from '../http/console-router';

const tags = ['Interviews'];

/** The interviews list and one interview's transcript under /console/api/interviews. */
export function consoleInterviewRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/interviews',
      tags,
      summary: 'One page of interviews, newest invitation first (guide previews left out)',
      middleware: signedIn,
      request: { query: interviewListQuery },
      responses: {
        200: { description: 'Up to 50 interviews', content: { 'application/json': { schema: interviewPageSchema } } },
        ...errorResponses(400, 401),
      },
    }),
    async (c) => c.json(await listInterviews(c.get('deps').db, c.get('ws'), c.req.valid('query')), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/interviews/{id}',
      tags,
      summary: "An interview's messages and its signals",
      middleware: signedIn,
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: { description: 'The transcript', content: { 'application/json': { schema: transcriptSchema } } },
        ...errorResponses(401, 404),
      },
    }),
    async (c) => c.json(await getTranscript(c.get('deps').db, c.get('ws'), c.req.valid('param').id), 200),
  );
  return app;
}
