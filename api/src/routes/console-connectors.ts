import { noQuery } from '@candor/shared';
import {
  connectorDeliveriesSchema,
  connectorListSchema,
  connectorSaveBodySchema,
  connectorSyncSchema,
  connectorTestSchema,
  connectorViewSchema,
} from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import {
  configureConnector,
  connectorDeliveries,
  connectorKind,
  connectorSettings,
  removeConnector,
  syncConnectorNow,
  testConnector,
} from '../connectors/connector-settings';
import { adminOnly, consoleRoute, createConsoleRouter, errorResponses } from '../http/console-router';
import { body, json } from '../http/openapi';

const tags = ['Settings'];
// Any string, so that an unknown kind is a 404 (no such connector) rather than a 400.
const kindParam = z.object({ kind: z.string().openapi({ example: 'hubspot' }) });

/** The Settings page's connectors (Slack, HubSpot, Salesforce) under /console/api/settings/connectors: admins only. */
export function consoleConnectorRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/settings/connectors',
      tags,
      summary: 'Connectors with their settings (never credentials), and the kinds one can add',
      middleware: adminOnly,
      request: { query: noQuery },
      responses: { 200: json('Every connector', connectorListSchema), ...errorResponses(400, 401, 403) },
    }),
    async (c) => c.json(await connectorSettings(c.get('deps'), c.get('ws')), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'put',
      path: '/settings/connectors/{kind}',
      tags,
      summary: 'Connect or reconfigure one kind (credentials are sealed; audited without them)',
      middleware: adminOnly,
      request: {
        params: kindParam,
        ...body(connectorSaveBodySchema),
      },
      responses: { 200: json('The connector', connectorViewSchema), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await configureConnector(
          c.get('deps'),
          c.get('ws'),
          c.get('member').id,
          connectorKind(c.req.valid('param').kind),
          c.req.valid('json'),
        ),
        200,
      ),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'delete',
      path: '/settings/connectors/{kind}',
      tags,
      summary: 'Disconnect one kind',
      middleware: adminOnly,
      request: { params: kindParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      await removeConnector(c.get('deps'), c.get('ws'), c.get('member').id, connectorKind(c.req.valid('param').kind));
      return c.body(null, 204);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/settings/connectors/{kind}/test',
      tags,
      summary: 'Call the vendor with the stored credentials',
      middleware: adminOnly,
      request: { params: kindParam },
      responses: { 200: json('What the vendor answered', connectorTestSchema), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await testConnector(c.get('deps'), c.get('ws'), connectorKind(c.req.valid('param').kind)), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/settings/connectors/{kind}/sync',
      tags,
      summary: "Run a CRM's account sync now",
      middleware: adminOnly,
      request: { params: kindParam },
      responses: { 200: json('What the sync did', connectorSyncSchema), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(
        await syncConnectorNow(
          c.get('deps'),
          c.get('ws'),
          c.get('member').id,
          connectorKind(c.req.valid('param').kind),
        ),
        200,
      ),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/settings/connectors/{kind}/deliveries',
      tags,
      summary: "A connector's last 50 deliveries, named by recipient only",
      middleware: adminOnly,
      request: { params: kindParam, query: noQuery },
      responses: { 200: json('Newest first', connectorDeliveriesSchema), ...errorResponses(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json(await connectorDeliveries(c.get('deps'), c.get('ws'), connectorKind(c.req.valid('param').kind)), 200),
  );
  return app;
}
