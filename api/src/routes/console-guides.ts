import { guideDetailSchema, guideRowSchema } from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import { getGuide, listGuides } from '../console/workspace-setup';
import { consoleRoute, createConsoleRouter, errorResponses, signedIn } from '../http/console-router';
import { noQuery } from '../http/list-query';

const tags = ['Guides'];

/** Reading guides in the console (creating and editing them is in console-api.ts). */
export function consoleGuideRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/guides',
      tags,
      summary: 'Guides, archived last',
      middleware: signedIn,
      request: { query: noQuery },
      responses: {
        200: {
          description: 'Every guide',
          content: { 'application/json': { schema: z.object({ items: z.array(guideRowSchema) }) } },
        },
        ...errorResponses(400, 401),
      },
    }),
    async (c) => c.json({ items: await listGuides(c.get('deps').db, c.get('ws')) }, 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/guides/{id}',
      tags,
      summary: 'One guide and its versions',
      middleware: signedIn,
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: { description: 'The guide', content: { 'application/json': { schema: guideDetailSchema } } },
        ...errorResponses(401, 404),
      },
    }),
    async (c) => c.json(await getGuide(c.get('deps').db, c.get('ws'), c.req.valid('param').id), 200),
  );
  return app;
}
