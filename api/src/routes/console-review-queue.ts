import {
  assigneesSchema,
  reviewActionBodySchema,
  reviewListQuerySchema,
  reviewQueueItemSchema,
} from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import { consoleRoute, createConsoleRouter, errorResponses, signedIn } from '../http/console-router';
import { body, json } from '../http/openapi';
import { actOnReviewItem, assignableMembers, listConsoleReviewItems } from '../review-queue/review-actions';

const tags = ['Review queue'];

/**
 * The review queue in the console: list open items (Home: mine and unassigned; the account
 * page: that account's), act on one (done, snooze, reassign, reopen), and the members an
 * item can go to. Session cookie.
 */
export function consoleReviewQueueRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/review-items',
      tags,
      summary: 'Open review items',
      middleware: signedIn,
      request: { query: reviewListQuerySchema },
      responses: {
        200: json('Up to 50, mine first, newest first', z.object({ items: z.array(reviewQueueItemSchema) })),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const { deps, ws, member } = { deps: c.get('deps'), ws: c.get('ws'), member: c.get('member') };
      return c.json({ items: await listConsoleReviewItems(deps, ws, member.id, c.req.valid('query')) }, 200);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/review-items/{id}/actions',
      tags,
      summary: 'Act on one item: done, snooze, reassign or reopen',
      middleware: signedIn,
      request: {
        params: z.object({ id: z.string() }),
        ...body(reviewActionBodySchema),
      },
      responses: { 204: { description: 'Done' }, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      await actOnReviewItem(c.get('deps'), c.get('ws'), c.get('member'), c.req.valid('param').id, c.req.valid('json'));
      return c.body(null, 204);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/review-items/assignees',
      tags,
      summary: 'The members an item can go to',
      middleware: signedIn,
      responses: {
        200: json('Every member', assigneesSchema),
        ...errorResponses(401),
      },
    }),
    async (c) => c.json({ members: await assignableMembers(c.get('deps'), c.get('ws')) }, 200),
  );
  return app;
}
