import { operatingModelInputsSchema, operatingModelSchema } from '@candor/shared';
import { createRoute } from '@hono/zod-openapi';
import { tenant } from '../db/tenant';
import { adminOnly, consoleRoute, createConsoleRouter, errorResponses } from '../http/console-router';
import { body, json } from '../http/openapi';
import { buildOperatingModel } from '../operating-model/build-operating-model';
import { saveInputs } from '../operating-model/inputs-store';

const tags = ['Operating model'];
const model = json('The operating model (the same figures as GET /v1/operating-model)', operatingModelSchema);

/**
 * The Operating model page's API under /console/api/operating-model: admins (CS leaders)
 * only, never cached. The same figures as GET /v1/operating-model.
 */
export function consoleOperatingModelRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/operating-model',
      tags,
      summary: 'Every operating-model figure',
      middleware: adminOnly,
      responses: { 200: model, ...errorResponses(401, 403) },
    }),
    async (c) => {
      const deps = c.get('deps');
      return c.json(await buildOperatingModel(deps.db, c.get('ws'), deps.now()), 200);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'put',
      path: '/operating-model/inputs',
      tags,
      summary: 'Replace the saved inputs and answer the model they give',
      middleware: adminOnly,
      request: body(operatingModelInputsSchema),
      responses: { 200: model, ...errorResponses(400, 401, 403) },
    }),
    async (c) => {
      const deps = c.get('deps');
      await saveInputs(tenant(deps.db, c.get('ws')), c.req.valid('json'));
      return c.json(await buildOperatingModel(deps.db, c.get('ws'), deps.now()), 200);
    },
  );
  return app;
}
