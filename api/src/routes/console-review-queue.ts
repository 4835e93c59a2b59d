import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { sessionAuth } from '../auth/session-auth';
import { readJsonBody, readQuery } from '../console/read-query';
import {
  actOnReviewItem,
  assignableMembers,
  listConsoleReviewItems,
  reviewActionBody,
  reviewListQuery,
} from '../console/review-actions';
import type { AppEnv } from '../http/app-env';

/**
 * The review queue in the console: list open items (Home: mine and unassigned; the account
 * page: that account's), act on one (done, snooze, reassign, reopen), and the members an
 * item can go to. Session cookie; internal to the console.
 */
export function consoleReviewQueueRoutes() {
  const app = new Hono<AppEnv>().basePath('/console/api');
  const noStore = createMiddleware<AppEnv>(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.get('/review-items', sessionAuth, noStore, async (c) =>
    c.json({
      items: await listConsoleReviewItems(
        c.get('deps'),
        c.get('ws'),
        c.get('member').id,
        readQuery(c, reviewListQuery),
      ),
    }),
  );
  app.post('/review-items/:id/actions', sessionAuth, noStore, async (c) => {
    const action = await readJsonBody(c, reviewActionBody);
    await actOnReviewItem(c.get('deps'), c.get('ws'), c.get('member'), c.req.param('id'), action);
    return c.body(null, 204);
  });
  app.get('/review-items/assignees', sessionAuth, noStore, async (c) =>
    c.json({ members: await assignableMembers(c.get('deps'), c.get('ws')) }),
  );
  return app;
}
