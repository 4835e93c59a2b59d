import { noQuery } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole, sessionAuth } from '../auth/session-auth';
import { signOut } from '../auth/sessions';
import { tenant } from '../db/tenant';
import { createRouter, errorResponse, json } from '../http/openapi';

const memberSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(['admin', 'csm']),
  })
  .openapi('Member');

const meSchema = z
  .object({ member: memberSchema, workspace: z.object({ id: z.string(), name: z.string() }) })
  .openapi('ConsoleMe');

const membersSchema = z
  .object({ members: z.array(memberSchema.extend({ created_at: z.string() })) })
  .openapi('MemberList');

const security = [{ consoleSession: [] }];
const errors = {
  401: errorResponse('Signed out'),
};

// The public document names the session scheme; the console's own document says it once, in its description.
const meRoute = (base: string, secured = true) =>
  createRoute({
    method: 'get',
    path: `${base}/me`,
    tags: ['Console'],
    summary: 'The signed-in member and their workspace',
    ...(secured ? { security } : {}),
    responses: {
      200: json('Signed in', meSchema),
      ...errors,
    },
  });

const signOutRoute = (base: string, secured = true) =>
  createRoute({
    method: 'post',
    path: `${base}/sign-out`,
    tags: ['Console'],
    summary: 'End this session',
    description: 'Deletes the session and clears its cookie. Signing out when already signed out also succeeds.',
    ...(secured ? { security } : {}),
    responses: {
      200: json('Signed out', z.object({ signed_out: z.literal(true) })),
    },
  });

/**
 * The session routes as the console's own document lists them (relative to /console/api):
 * served here, in the public document, they are also part of the console's contract.
 */
export const consoleSessionContract = () => [meRoute('', false), signOutRoute('', false)];

/** The console's own session endpoints: who am I, sign out, and the member list (admins). */
export function consoleSessionRoutes() {
  const app = createRouter();
  app.openAPIRegistry.registerComponent('securitySchemes', 'consoleSession', {
    type: 'apiKey',
    in: 'cookie',
    name: 'candor.session_token',
    description:
      'The console session, set by following a one-time sign-in link at `/login?token=…` (named `__Secure-candor.session_token` when served over https).',
  });

  app.use('/console/api/me', sessionAuth);
  app.openapi(meRoute('/console/api'), async (c) => {
    const ws = c.get('ws');
    const workspace = await c
      .get('deps')
      .db.selectFrom('workspaces')
      .select(['id', 'name'])
      .where('id', '=', ws.id)
      .executeTakeFirstOrThrow();
    return c.json({ member: c.get('member'), workspace }, 200);
  });

  app.openapi(signOutRoute('/console/api'), async (c) => {
    for (const cookie of await signOut(c.get('deps'), c.req.raw.headers))
      c.header('Set-Cookie', cookie, { append: true });
    c.header('Cache-Control', 'no-store');
    return c.json({ signed_out: true as const }, 200);
  });

  app.use('/console/api/members', sessionAuth, requireRole('admin'));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/console/api/members',
      tags: ['Console'],
      summary: 'Members of the workspace (admins only)',
      security,
      request: { query: noQuery },
      responses: {
        200: json('Members', membersSchema),
        ...errors,
        403: errorResponse('Not an admin'),
      },
    }),
    async (c) => {
      const rows = await tenant(c.get('deps').db, c.get('ws'))
        .selectFrom('members')
        .select(['id', 'email', 'name', 'role', 'created_at'])
        .orderBy('created_at')
        .orderBy('email')
        .execute();
      return c.json({ members: rows.map((r) => ({ ...r, created_at: r.created_at.toISOString() })) }, 200);
    },
  );
  return app;
}
