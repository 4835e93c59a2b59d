import { noQuery } from '@candor/shared';
import {
  accountDetailSchema,
  accountFacetsSchema,
  accountListQuerySchema,
  accountPageSchema,
  invitationBlockedSchema,
  invitationCheckSchema,
  invitedSchema,
  manualInvitationBodySchema,
  manualInvitationQuerySchema,
} from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import { accountFacets, listAccounts } from '../accounts/account-list';
import { consoleRoute, createConsoleRouter, errorResponses, signedIn } from '../http/console-router';
import { body, json } from '../http/openapi';
import { getAccountDetail } from '../synthesis/account-detail';
import { checkManualInvitation, sendManualInvitation } from '../triggers/manual-invitation';

const idParam = z.object({ id: z.string() });

/** The accounts table and the account page under /console/api, and inviting one of an account's contacts. */
export function consoleAccountRoutes() {
  const app = createConsoleRouter();
  const tags = ['Accounts'];
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/accounts',
      tags,
      summary: 'One page of accounts, filtered and sorted',
      middleware: signedIn,
      request: { query: accountListQuerySchema },
      responses: { 200: json('Up to 50 accounts', accountPageSchema), ...errorResponses(400, 401) },
    }),
    async (c) => c.json(await listAccounts(c.get('deps').db, c.get('ws'), c.req.valid('query')), 200),
  );
  // Declared before /accounts/{id}, so "facets" is never read as an id.
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/accounts/facets',
      tags,
      summary: "The owners, AEs, health states and plans present, for the table's filters",
      middleware: signedIn,
      request: { query: noQuery },
      responses: { 200: json('The values present', accountFacetsSchema), ...errorResponses(400, 401) },
    }),
    async (c) => c.json(await accountFacets(c.get('deps').db, c.get('ws')), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/accounts/{id}',
      tags,
      summary: 'One account with its people, timeline, usage, scores and latest renewal brief',
      middleware: signedIn,
      request: { params: idParam },
      responses: { 200: json('The account page', accountDetailSchema), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const deps = c.get('deps');
      return c.json(await getAccountDetail(deps.db, c.get('ws'), c.req.valid('param').id, deps.now()), 200);
    },
  );
  // A CSM invites one contact from the account page; fatigue rules are shown before sending.
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/contacts/{id}/invitation-check',
      tags,
      summary: 'Whether a fatigue rule would hold back inviting this contact now',
      middleware: signedIn,
      request: { params: idParam, query: manualInvitationQuerySchema },
      responses: { 200: json('What the rules say', invitationCheckSchema), ...errorResponses(400, 401, 404) },
    }),
    async (c) =>
      c.json(
        await checkManualInvitation(c.get('deps'), c.get('ws'), c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/contacts/{id}/invitations',
      tags,
      summary: 'Invite this contact by hand',
      description:
        'The same fatigue rules as triggers apply; a soft rule can be overridden with `send_anyway` (audited), an opt-out or a missing email address cannot.',
      middleware: signedIn,
      request: {
        params: idParam,
        ...body(manualInvitationBodySchema),
      },
      responses: {
        201: json('Invited', invitedSchema),
        200: json('Held back by a rule; nothing sent', invitationBlockedSchema),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { deps, ws } = { deps: c.get('deps'), ws: c.get('ws') };
      const result = await sendManualInvitation(
        deps,
        ws,
        c.get('member').id,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return result.outcome === 'invited' ? c.json(result, 201) : c.json(result, 200);
    },
  );
  return app;
}
