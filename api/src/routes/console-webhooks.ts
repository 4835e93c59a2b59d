import { noQuery } from '@candor/shared';
import {
  createdWebhookSchema,
  webhookCreateBodySchema,
  webhookDeliveriesSchema,
  webhookEndpointSchema,
  webhookListSchema,
  webhookPatchBodySchema,
  webhookSecretSchema,
  webhookTestSchema,
} from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import { adminOnly, consoleRoute, createConsoleRouter, errorResponses } from '../http/console-router';
import { body, json } from '../http/openapi';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  revealWebhookSecret,
  sendWebhookTest,
  updateWebhook,
  webhookDeliveries,
} from '../webhooks/webhook-settings';

const tags = ['Settings'];
const idParam = z.object({ id: z.string() });

/** The Settings page's webhook endpoints under /console/api/settings/webhooks: admins only. */
export function consoleWebhookRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/settings/webhooks',
      tags,
      summary: 'Webhook endpoints and the events one can subscribe to',
      middleware: adminOnly,
      request: { query: noQuery },
      responses: { 200: json('Every endpoint', webhookListSchema), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await listWebhooks(c.get('deps'), c.get('ws')), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/settings/webhooks',
      tags,
      summary: 'Add an endpoint (audited without its secret)',
      middleware: adminOnly,
      request: body(webhookCreateBodySchema),
      responses: {
        201: json('The endpoint with its signing secret, shown once', createdWebhookSchema),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await createWebhook(c.get('deps'), c.get('ws'), c.get('member').id, c.req.valid('json')), 201),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'patch',
      path: '/settings/webhooks/{id}',
      tags,
      summary: 'Turn an endpoint on or off, or change its events',
      middleware: adminOnly,
      request: { params: idParam, ...body(webhookPatchBodySchema) },
      responses: { 200: json('The endpoint', webhookEndpointSchema), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await updateWebhook(
          c.get('deps'),
          c.get('ws'),
          c.get('member').id,
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'delete',
      path: '/settings/webhooks/{id}',
      tags,
      summary: 'Delete an endpoint',
      middleware: adminOnly,
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await deleteWebhook(c.get('deps'), c.get('ws'), c.get('member').id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/settings/webhooks/{id}/secret',
      tags,
      summary: "Show an endpoint's signing secret (audited)",
      middleware: adminOnly,
      request: { params: idParam },
      responses: { 200: json('The secret', webhookSecretSchema), ...errorResponses(401, 403, 404) },
    }),
    async (c) =>
      c.json(await revealWebhookSecret(c.get('deps'), c.get('ws'), c.get('member').id, c.req.valid('param').id), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/settings/webhooks/{id}/deliveries',
      tags,
      summary: "An endpoint's last 50 deliveries, without payloads",
      middleware: adminOnly,
      request: { params: idParam, query: noQuery },
      responses: { 200: json('Newest first', webhookDeliveriesSchema), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) => c.json(await webhookDeliveries(c.get('deps'), c.get('ws'), c.req.valid('param').id), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/settings/webhooks/{id}/test',
      tags,
      summary: 'Queue a webhook.test delivery to the endpoint',
      middleware: adminOnly,
      request: { params: idParam },
      responses: { 202: json('Queued', webhookTestSchema), ...errorResponses(401, 403, 404) },
    }),
    async (c) =>
      c.json(await sendWebhookTest(c.get('deps'), c.get('ws'), c.get('member').id, c.req.valid('param').id), 202),
  );
  return app;
}
