import { triggerInputSchema, triggerPatchSchema } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorSchemaRef } from '../http/openapi';
import { secretKeyAuth } from '../http/secret-key-auth';
import { createTrigger, deleteTrigger, getTrigger, listTriggers, updateTrigger } from '../triggers/trigger-store';

const trigger = triggerInputSchema
  .extend({ id: z.uuid(), created_at: z.string(), updated_at: z.string() })
  .openapi('Trigger');
const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const errors = {
  400: { description: 'Invalid rule', content: { 'application/json': { schema: errorSchemaRef } } },
  401: { description: 'Missing or wrong secret key', content: { 'application/json': { schema: errorSchemaRef } } },
  404: {
    description: 'No such trigger in this workspace',
    content: { 'application/json': { schema: errorSchemaRef } },
  },
};
const security = [{ secretKey: [] }];
const tags = ['Triggers'];

/** Trigger rules (playbooks): when, who, how and which guide. The console uses the same endpoints. */
export function triggerRoutes() {
  const app = createRouter();
  app.use('/v1/triggers', secretKeyAuth);
  app.use('/v1/triggers/*', secretKeyAuth);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/triggers',
      tags,
      security,
      summary: 'List trigger rules',
      request: { query: z.object({ enabled: z.enum(['true', 'false']).optional() }) },
      responses: {
        200: {
          description: 'Rules, newest first',
          content: { 'application/json': { schema: z.object({ triggers: z.array(trigger) }) } },
        },
        401: errors[401],
      },
    }),
    async (c) => {
      const { enabled } = c.req.valid('query');
      const triggers = await listTriggers(c.get('deps').db, c.get('ws'), {
        enabled: enabled === undefined ? undefined : enabled === 'true',
      });
      return c.json({ triggers }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/triggers',
      tags,
      security,
      summary: 'Create a trigger rule',
      description:
        "*when*: an event (name + property filter), an account or contact attribute condition, a usage drop (last N days vs the N before), a health-state change, a schedule relative to a date (renewal − 60 days, signup + 14 days) or manual. *who*: the contact, or the account's contacts by role. *how*: in-app, email, or in-app then email after N days unseen. Fatigue rules always apply; `throttle` overrides the workspace recontact window and once-per-guide rule for this trigger.",
      request: { body: { content: { 'application/json': { schema: triggerInputSchema } }, required: true } },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: trigger } } },
        ...errors,
      },
    }),
    async (c) => c.json(await createTrigger(c.get('deps').db, c.get('ws'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/triggers/{id}',
      tags,
      security,
      summary: 'Get a trigger rule',
      request: { params: idParam },
      responses: { 200: { description: 'The rule', content: { 'application/json': { schema: trigger } } }, ...errors },
    }),
    async (c) => c.json(await getTrigger(c.get('deps').db, c.get('ws'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/triggers/{id}',
      tags,
      security,
      summary: 'Change a trigger rule',
      description: 'Send only the fields to change; the merged rule is validated as a whole.',
      request: {
        params: idParam,
        body: { content: { 'application/json': { schema: triggerPatchSchema } }, required: true },
      },
      responses: {
        200: { description: 'The changed rule', content: { 'application/json': { schema: trigger } } },
        ...errors,
      },
    }),
    async (c) =>
      c.json(await updateTrigger(c.get('deps').db, c.get('ws'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/triggers/{id}',
      tags,
      security,
      summary: 'Delete a trigger rule',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...errors },
    }),
    async (c) => {
      await deleteTrigger(c.get('deps').db, c.get('ws'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  return app;
}
