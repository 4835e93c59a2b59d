import { noQuery } from '@candor/shared';
import { outboxEmailSchema, outboxRowSchema, resentInviteSchema } from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import { resendOutboxInvite } from '../auth/outbox-invite';
import { adminOnly, consoleRoute, createConsoleRouter, errorResponses } from '../http/console-router';
import { json } from '../http/openapi';
import { getOutboxEmail, listOutbox } from '../mail/outbox';

const tags = ['Outbox'];
const idParam = z.object({ id: z.string() });

/**
 * The outbox is admins' only: its mail is addressed to other people (sign-in and interview
 * links are redacted even here; an admin gets a fresh invite link, never a stored one).
 */
export function consoleOutboxRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/outbox',
      tags,
      summary: 'Mail sent from this workspace, newest first',
      middleware: adminOnly,
      request: { query: noQuery },
      responses: {
        200: json('Up to 200 emails', z.object({ items: z.array(outboxRowSchema) })),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const emails = await listOutbox(c.get('deps').db, { limit: 200, workspace: c.get('ws') });
      const items = emails.map((e) => ({
        id: e.id,
        kind: e.kind,
        to_address: e.to,
        subject: e.subject,
        status: e.status,
        created_at: e.created_at.toISOString(),
      }));
      return c.json({ items }, 200);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/outbox/{id}',
      tags,
      summary: 'One email, secret links redacted',
      middleware: adminOnly,
      request: { params: idParam },
      responses: {
        200: json('The email', outboxEmailSchema),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => c.json(await getOutboxEmail(c.get('deps').db, c.get('ws'), c.req.valid('param').id), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/outbox/{id}/resend-invite',
      tags,
      summary: 'Send the invitee of a member invitation a fresh sign-in link',
      middleware: adminOnly,
      request: { params: idParam },
      responses: {
        201: json('Sent; the link is shown once', resentInviteSchema),
        ...errorResponses(400, 401, 403, 404, 409, 429),
      },
    }),
    async (c) =>
      c.json(await resendOutboxInvite(c.get('deps'), c.get('ws'), c.get('member').id, c.req.valid('param').id), 201),
  );
  return app;
}
