import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { AppError, describeZodError } from '../app-error';
import { loginLinkRateLimits } from '../auth/login-link-limits';
import { changeMemberRole, inviteToWorkspace, listMembers, removeMember } from '../auth/member-admin';
import { requireRole, sessionAuth } from '../auth/session-auth';
import { getModelSettings } from '../console/model-settings';
import { readQuery } from '../console/read-query';
import {
  configureConnector,
  connectorDeliveries,
  connectorKind,
  connectorSettings,
  removeConnector,
  syncConnectorNow,
  testConnector,
} from '../console/settings-connectors';
import { getSettingsOverview } from '../console/settings-overview';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  revealWebhookSecret,
  sendWebhookTest,
  updateWebhook,
  webhookDeliveries,
} from '../console/settings-webhooks';
import type { AppEnv } from '../http/app-env';
import { noQuery } from '../http/list-query';
import { applyRateLimits } from '../http/rate-limits';
import {
  issuePublishableKey,
  revealIdentitySecret,
  rotateIdentitySecret,
  rotateSecretKey,
} from '../workspaces/api-keys';
import { memberActor } from '../workspaces/audit';
import { updateWorkspaceSettings } from '../workspaces/workspace-settings';

/** Destructive actions say so in the body, so a stray request changes nothing. */
const confirmBody = z.strictObject({ confirm: z.literal(true) });

async function readBody(c: Context<AppEnv>): Promise<unknown> {
  return c.req.json().catch(() => {
    throw new AppError('invalid_json', 'body: not valid JSON');
  });
}

async function requireConfirm(c: Context<AppEnv>) {
  const parsed = confirmBody.safeParse(await readBody(c));
  if (!parsed.success)
    throw new AppError('invalid_request', `${describeZodError(parsed.error)} (send {"confirm": true})`);
}

/**
 * The Settings page's API under /console/api/settings: admins only (a csm gets 403), never
 * cached. Internal to the console, so it stays out of the public OpenAPI document.
 */
export function consoleSettingsRoutes() {
  const app = new Hono<AppEnv>().basePath('/console/api/settings');
  app.use('*', sessionAuth, requireRole('admin'));
  app.use(
    '*',
    createMiddleware<AppEnv>(async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    }),
  );
  const deps = (c: Context<AppEnv>) => c.get('deps');
  const actor = (c: Context<AppEnv>) => memberActor(c.get('member').id);

  app.get('/', async (c) => c.json(await getSettingsOverview(deps(c), c.get('ws'))));
  app.patch('/workspace', async (c) =>
    c.json(await updateWorkspaceSettings(deps(c), c.get('ws'), actor(c), await readBody(c))),
  );

  app.post('/keys/secret/rotate', async (c) => {
    await requireConfirm(c);
    return c.json(await rotateSecretKey(deps(c), c.get('ws'), actor(c)), 201);
  });
  app.post('/keys/publishable', async (c) => {
    await requireConfirm(c);
    return c.json(await issuePublishableKey(deps(c), c.get('ws'), actor(c)), 201);
  });
  app.post('/identity-secret/reveal', async (c) => c.json(await revealIdentitySecret(deps(c), c.get('ws'), actor(c))));
  app.post('/identity-secret/rotate', async (c) => {
    await requireConfirm(c);
    return c.json(await rotateIdentitySecret(deps(c), c.get('ws'), actor(c)), 201);
  });

  app.get('/model', async (c) => c.json(await getModelSettings(deps(c), c.get('ws'))));

  app.get('/members', async (c) => {
    readQuery(c, noQuery);
    return c.json({ members: await listMembers(deps(c).db, c.get('ws'), c.get('member').id) });
  });
  app.post('/members', async (c) => {
    const body = await readBody(c);
    await applyRateLimits(c, loginLinkRateLimits(c, body));
    return c.json(await inviteToWorkspace(deps(c), c.get('ws'), c.get('member').id, body), 201);
  });
  app.patch('/members/:id', async (c) =>
    c.json(await changeMemberRole(deps(c), c.get('ws'), c.get('member').id, c.req.param('id'), await readBody(c))),
  );
  app.delete('/members/:id', async (c) => {
    await removeMember(deps(c), c.get('ws'), c.get('member').id, c.req.param('id'));
    return c.body(null, 204);
  });

  app.get('/webhooks', async (c) => {
    readQuery(c, noQuery);
    return c.json(await listWebhooks(deps(c), c.get('ws')));
  });
  app.post('/webhooks', async (c) =>
    c.json(await createWebhook(deps(c), c.get('ws'), c.get('member').id, await readBody(c)), 201),
  );
  app.patch('/webhooks/:id', async (c) =>
    c.json(await updateWebhook(deps(c), c.get('ws'), c.get('member').id, c.req.param('id'), await readBody(c))),
  );
  app.delete('/webhooks/:id', async (c) => {
    await deleteWebhook(deps(c), c.get('ws'), c.get('member').id, c.req.param('id'));
    return c.body(null, 204);
  });
  app.post('/webhooks/:id/secret', async (c) =>
    c.json(await revealWebhookSecret(deps(c), c.get('ws'), c.get('member').id, c.req.param('id'))),
  );
  app.get('/webhooks/:id/deliveries', async (c) => {
    readQuery(c, noQuery);
    return c.json(await webhookDeliveries(deps(c), c.get('ws'), c.req.param('id')));
  });
  app.post('/webhooks/:id/test', async (c) =>
    c.json(await sendWebhookTest(deps(c), c.get('ws'), c.get('member').id, c.req.param('id')), 202),
  );

  app.get('/connectors', async (c) => {
    readQuery(c, noQuery);
    return c.json(await connectorSettings(deps(c), c.get('ws')));
  });
  app.put('/connectors/:kind', async (c) =>
    c.json(
      await configureConnector(
        deps(c),
        c.get('ws'),
        c.get('member').id,
        connectorKind(c.req.param('kind')),
        await readBody(c),
      ),
    ),
  );
  app.delete('/connectors/:kind', async (c) => {
    await removeConnector(deps(c), c.get('ws'), c.get('member').id, connectorKind(c.req.param('kind')));
    return c.body(null, 204);
  });
  app.post('/connectors/:kind/test', async (c) =>
    c.json(await testConnector(deps(c), c.get('ws'), connectorKind(c.req.param('kind')))),
  );
  app.post('/connectors/:kind/sync', async (c) =>
    c.json(await syncConnectorNow(deps(c), c.get('ws'), c.get('member').id, connectorKind(c.req.param('kind')))),
  );
  app.get('/connectors/:kind/deliveries', async (c) => {
    readQuery(c, noQuery);
    return c.json(await connectorDeliveries(deps(c), c.get('ws'), connectorKind(c.req.param('kind'))));
  });
  return app;
}
