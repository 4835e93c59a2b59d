import { noQuery, triggerInputSchema, triggerPatchSchema } from '@candor/shared';
import {
  dryRunBodySchema,
  dryRunSchema,
  playStepCountsSchema,
  triggerListSchema,
  triggerSchema,
} from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../app-error';
import { adminOnly, consoleRoute, createConsoleRouter, errorResponses, signedIn } from '../http/console-router';
import { body, json } from '../http/openapi';
import { dryRunTrigger } from '../triggers/dry-run';
import { funnelWindow, listTriggersWithFunnels } from '../triggers/funnel';
import { playStepCounts } from '../triggers/signal-plays';
import { createTrigger, deleteTrigger, getTrigger, updateTrigger } from '../triggers/trigger-store';

const idParam = z.object({ id: z.string() });
const tags = ['Triggers'];

/**
 * The console's trigger list and editing under /console/api/triggers (session cookie;
 * changes are admins'): the same rules and store as /v1/triggers, so a rule made here is
 * the one the API lists.
 */
export function consoleTriggerRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/triggers',
      tags,
      summary: 'Rules with their funnels, and the manual sends row',
      middleware: signedIn,
      request: { query: noQuery },
      responses: { 200: json('Rules by name', triggerListSchema), ...errorResponses(400, 401) },
    }),
    async (c) => {
      const deps = c.get('deps');
      // Interviews sent by hand have no trigger; the funnel shows them as their own row.
      return c.json(await listTriggersWithFunnels(deps.db, c.get('ws'), funnelWindow(deps.now())), 200);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/triggers',
      tags,
      summary: 'Create a rule',
      middleware: adminOnly,
      request: body(triggerInputSchema),
      responses: { 201: json('Created', triggerSchema), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await createTrigger(c.get('deps').db, c.get('ws'), c.req.valid('json')), 201),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/triggers/dry-run',
      tags,
      summary: 'How many contacts a rule would reach now',
      middleware: adminOnly,
      request: body(dryRunBodySchema),
      responses: {
        200: json('The count, or why it cannot be counted', dryRunSchema),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await dryRunTrigger(c.get('deps'), c.get('ws'), c.req.valid('json')), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'patch',
      path: '/triggers/{id}',
      tags,
      summary: 'Change a rule',
      middleware: adminOnly,
      request: {
        params: idParam,
        ...body(triggerPatchSchema),
      },
      responses: { 200: json('Changed', triggerSchema), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await updateTrigger(c.get('deps').db, c.get('ws'), readId(c.req.valid('param').id), c.req.valid('json')),
        200,
      ),
  );
  // Any signed-in member may read how a play's steps turned out.
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/triggers/{id}/steps',
      tags,
      summary: "How each step of a rule's play turned out",
      middleware: signedIn,
      request: { params: idParam },
      responses: { 200: json('Per step', playStepCountsSchema), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const trigger = await getTrigger(c.get('deps').db, c.get('ws'), readId(c.req.valid('param').id));
      const window = funnelWindow(c.get('deps').now());
      return c.json({ steps: await playStepCounts(c.get('deps'), c.get('ws'), trigger.id, window), window }, 200);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'delete',
      path: '/triggers/{id}',
      tags,
      summary: 'Delete a rule',
      middleware: adminOnly,
      request: { params: idParam },
      responses: {
        200: json('Deleted', z.object({ deleted: z.literal(true) })),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => {
      await deleteTrigger(c.get('deps').db, c.get('ws'), readId(c.req.valid('param').id));
      return c.json({ deleted: true as const }, 200);
    },
  );
  return app;
}

const uuid = z.uuid();
function readId(raw: string): string {
  const parsed = uuid.safeParse(raw);
  // An id that cannot exist is simply not found, as it is on /v1/triggers/{id}.
  if (!parsed.success) throw notFound('Trigger');
  return parsed.data;
}
