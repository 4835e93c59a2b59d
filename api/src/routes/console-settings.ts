import { noQuery } from '@candor/shared';
import {
  changedWorkspaceSettingsSchema,
  confirmBodySchema,
  identitySecretSchema,
  inviteBodySchema,
  invitedMemberSchema,
  issuedPublishableKeySchema,
  memberListSchema,
  memberRoleSchema,
  modelSettingsSchema,
  roleBodySchema,
  rotatedSecretKeySchema,
  settingsOverviewSchema,
  workspaceSettingsPatchSchema,
} from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { loginLinkRateLimits } from '../auth/login-link-limits';
import { changeMemberRole, inviteToWorkspace, listMembers, removeMember } from '../auth/member-admin';
import type { AppEnv } from '../http/app-env';
import { adminOnly, consoleRoute, createConsoleRouter, errorResponses } from '../http/console-router';
import { body, json } from '../http/openapi';
import { applyRateLimits } from '../http/rate-limits';
import {
  issuePublishableKey,
  revealIdentitySecret,
  rotateIdentitySecret,
  rotateSecretKey,
} from '../workspaces/api-keys';
import { memberActor } from '../workspaces/audit';
import { getModelSettings } from '../workspaces/model-settings';
import { getSettingsOverview } from '../workspaces/settings-overview';
import { updateWorkspaceSettings } from '../workspaces/workspace-settings';

const tags = ['Settings'];
const idParam = z.object({ id: z.string() });
/** Destructive actions say so in the body (`{"confirm": true}`), so a stray request changes nothing. */
const confirmed = body(confirmBodySchema);
const actor = (c: Context<AppEnv>) => memberActor(c.get('member').id);

/**
 * The Settings page's API under /console/api/settings: admins only (a csm gets 403), never
 * cached. Its webhooks and connectors are in console-webhooks.ts and console-connectors.ts.
 */
export function consoleSettingsRoutes() {
  const app = createConsoleRouter();
  keyRoutes(app);
  memberRoutes(app);
  return app;
}

type App = ReturnType<typeof createConsoleRouter>;

function keyRoutes(app: App) {
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/settings',
      tags,
      summary: 'The workspace, its keys, languages and retention',
      middleware: adminOnly,
      responses: { 200: json('The overview', settingsOverviewSchema), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getSettingsOverview(c.get('deps'), c.get('ws')), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'patch',
      path: '/settings/workspace',
      tags,
      summary: "Change the workspace's settings (audited)",
      middleware: adminOnly,
      request: body(workspaceSettingsPatchSchema),
      responses: { 200: json('The settings after', changedWorkspaceSettingsSchema), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await updateWorkspaceSettings(c.get('deps'), c.get('ws'), actor(c), c.req.valid('json')), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/settings/keys/secret/rotate',
      tags,
      summary: 'Replace the secret key (the old one stops working at once)',
      middleware: adminOnly,
      request: confirmed,
      responses: { 201: json('The new key, shown once', rotatedSecretKeySchema), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await rotateSecretKey(c.get('deps'), c.get('ws'), actor(c)), 201),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/settings/keys/publishable',
      tags,
      summary: 'Issue a publishable key (older ones keep working)',
      middleware: adminOnly,
      request: confirmed,
      responses: { 201: json('The new key', issuedPublishableKeySchema), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await issuePublishableKey(c.get('deps'), c.get('ws'), actor(c)), 201),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/settings/identity-secret/reveal',
      tags,
      summary: 'Show the identity secret (audited)',
      middleware: adminOnly,
      responses: { 200: json('The secret', identitySecretSchema), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await revealIdentitySecret(c.get('deps'), c.get('ws'), actor(c)), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/settings/identity-secret/rotate',
      tags,
      summary: 'Replace the identity secret (userHash values made with the old one stop matching)',
      middleware: adminOnly,
      request: confirmed,
      responses: { 201: json('The new secret', identitySecretSchema), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await rotateIdentitySecret(c.get('deps'), c.get('ws'), actor(c)), 201),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/settings/model',
      tags,
      summary: "The model set-up and this month's usage",
      middleware: adminOnly,
      responses: { 200: json('Models, prices and usage', modelSettingsSchema), ...errorResponses(401, 403) },
    }),
    async (c) => c.json(await getModelSettings(c.get('deps'), c.get('ws')), 200),
  );
}

function memberRoutes(app: App) {
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/settings/members',
      tags,
      summary: 'Members and pending invitations',
      middleware: adminOnly,
      request: { query: noQuery },
      responses: { 200: json('Every member', memberListSchema), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json({ members: await listMembers(c.get('deps').db, c.get('ws'), c.get('member').id) }, 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/settings/members',
      tags,
      summary: 'Invite someone by email with a role (again: a fresh link)',
      middleware: adminOnly,
      request: body(inviteBodySchema),
      responses: {
        201: json('Invited; the sign-in link went by email', invitedMemberSchema),
        ...errorResponses(400, 401, 403, 409, 429),
      },
    }),
    async (c) => {
      const invite = c.req.valid('json');
      await applyRateLimits(c, loginLinkRateLimits(c, invite));
      return c.json(await inviteToWorkspace(c.get('deps'), c.get('ws'), c.get('member').id, invite), 201);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'patch',
      path: '/settings/members/{id}',
      tags,
      summary: "Change a member's role (not your own; never the last admin)",
      middleware: adminOnly,
      request: { params: idParam, ...body(roleBodySchema) },
      responses: { 200: json('The member', memberRoleSchema), ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        await changeMemberRole(
          c.get('deps'),
          c.get('ws'),
          c.get('member').id,
          c.req.valid('param').id,
          c.req.valid('json').role,
        ),
        200,
      ),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'delete',
      path: '/settings/members/{id}',
      tags,
      summary: 'Remove a member and end their sessions (not yourself; never the last admin)',
      middleware: adminOnly,
      request: { params: idParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      await removeMember(c.get('deps'), c.get('ws'), c.get('member').id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
