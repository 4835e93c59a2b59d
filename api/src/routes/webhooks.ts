import { listQuery, noQuery } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { sendTestEvent } from '../webhooks/emit-event';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  updateEndpoint,
} from '../webhooks/endpoint-store';
import { webhookEventTypes } from '../webhooks/event-types';
import { secretKeyAuth } from '../workspaces/secret-key-auth';

const eventTypes = z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length);
const url = z.string().min(1).max(2048).openapi({ example: 'https://hooks.example.com/candor' });
const endpointInput = z
  .strictObject({ url, event_types: eventTypes, enabled: z.boolean().optional() })
  .openapi('WebhookEndpointInput');
const endpointPatch = z
  .strictObject({
    url: url.optional(),
    event_types: eventTypes.optional(),
    enabled: z.boolean().optional(),
    rotate_secret: z.boolean().optional().openapi({ description: 'Issue a new signing secret (returned once).' }),
  })
  .openapi('WebhookEndpointPatch');
const endpoint = z
  .object({
    id: z.uuid(),
    url: z.string(),
    event_types: z.array(z.enum(webhookEventTypes)),
    enabled: z.boolean(),
    created_at: z.string(),
  })
  .openapi('WebhookEndpoint');
const endpointWithSecret = endpoint
  .extend({
    secret: z.string().openapi({
      description: 'The Standard Webhooks signing secret (`whsec_…`). Shown only now; store it.',
    }),
  })
  .openapi('WebhookEndpointWithSecret');
const delivery = z
  .object({
    id: z.uuid(),
    webhook_id: z.string().openapi({ description: 'The `webhook-id` header; the same on every retry.' }),
    event_type: z.string(),
    status: z.enum(['pending', 'delivering', 'retrying', 'delivered', 'failed']),
    attempts: z.number().int(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    payload: z.unknown(),
    created_at: z.string().nullable(),
    last_attempt_at: z.string().nullable(),
    next_attempt_at: z.string().nullable(),
    delivered_at: z.string().nullable(),
  })
  .openapi('WebhookDelivery');
const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const errors = {
  400: errorResponse('Invalid or refused endpoint'),
  401: errorResponse('Missing or wrong secret key'),
  404: errorResponse('No such endpoint in this workspace'),
};
const security = [{ secretKey: [] }];
const tags = ['Webhooks'];
const signingNote =
  'Every request is signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`, `webhook-signature`; verify with the `standardwebhooks` library and the endpoint secret). The body is `{ type, timestamp, data }`. Non-2xx answers are retried with exponential backoff (6 attempts); the `webhook-id` stays the same so receivers can dedupe.';

/** Outgoing webhook endpoints, their delivery log and a test send. */
export function webhookRoutes() {
  const app = createRouter();
  app.use('/v1/webhooks', secretKeyAuth);
  app.use('/v1/webhooks/*', secretKeyAuth);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/webhooks',
      tags,
      security,
      summary: 'List webhook endpoints',
      request: { query: noQuery },
      responses: {
        200: json('Endpoints, oldest first', z.object({ webhooks: z.array(endpoint) })),
        401: errors[401],
      },
    }),
    async (c) => c.json({ webhooks: await listEndpoints(c.get('deps'), c.get('ws')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/webhooks',
      tags,
      security,
      summary: 'Create a webhook endpoint',
      description: `Events: ${webhookEventTypes.map((t) => `\`${t}\``).join(', ')}. The URL must be https and its host must resolve only to public addresses (private, loopback, link-local, CGNAT, multicast and unspecified addresses are refused, now and again at every delivery) unless the operator set CANDOR_WEBHOOKS_ALLOW_PRIVATE=true. ${signingNote}`,
      request: body(endpointInput),
      responses: {
        201: json('Created; the secret is shown only in this answer', endpointWithSecret),
        400: errors[400],
        401: errors[401],
      },
    }),
    async (c) => c.json(await createEndpoint(c.get('deps'), c.get('ws'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/webhooks/{id}',
      tags,
      security,
      summary: 'Get a webhook endpoint',
      request: { params: idParam },
      responses: { 200: json('The endpoint', endpoint), ...errors },
    }),
    async (c) => c.json(await getEndpoint(c.get('deps'), c.get('ws'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/webhooks/{id}',
      tags,
      security,
      summary: 'Change a webhook endpoint or rotate its secret',
      request: { params: idParam, ...body(endpointPatch) },
      responses: {
        200: json(
          'The changed endpoint (with `secret` only when rotated)',
          endpoint.extend({ secret: z.string().optional() }),
        ),
        ...errors,
      },
    }),
    async (c) =>
      c.json(await updateEndpoint(c.get('deps'), c.get('ws'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/webhooks/{id}',
      tags,
      security,
      summary: 'Delete a webhook endpoint and its delivery log',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...errors },
    }),
    async (c) => {
      await deleteEndpoint(c.get('deps'), c.get('ws'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/webhooks/{id}/deliveries',
      tags,
      security,
      summary: "An endpoint's delivery log",
      description:
        'Newest first. `status`: pending → delivering → delivered, or retrying (with `next_attempt_at`) until `failed` after the last attempt.',
      request: {
        params: idParam,
        query: listQuery({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
      responses: {
        200: json('Deliveries', z.object({ deliveries: z.array(delivery) })),
        ...errors,
      },
    }),
    async (c) => {
      const deliveries = await listDeliveries(
        c.get('deps'),
        c.get('ws'),
        c.req.valid('param').id,
        c.req.valid('query').limit,
      );
      return c.json({ deliveries }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/webhooks/{id}/test',
      tags,
      security,
      summary: 'Send a webhook.test event to the endpoint',
      description: 'Queued like any event; follow it in the delivery log.',
      request: { params: idParam },
      responses: {
        202: json('Queued', z.object({ delivery_id: z.uuid() })),
        ...errors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await getEndpoint(c.get('deps'), c.get('ws'), id);
      return c.json({ delivery_id: await sendTestEvent(c.get('deps'), c.get('ws'), id) }, 202);
    },
  );
  return app;
}
