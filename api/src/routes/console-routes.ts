import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { sessionAuth } from '../auth/session-auth';
import type { AppEnv } from '../http/app-env';
import { createConsoleRouter, noStore } from '../http/console-router';
import { errorSchema } from '../http/openapi';
import { consoleAccountRoutes } from './console-accounts';
import { consoleBriefRunRoutes } from './console-brief-runs';
import { consoleConnectorRoutes } from './console-connectors';
import { consoleGuideRoutes } from './console-guides';
import { consoleHomeRoutes } from './console-home';
import { consoleInsightRoutes } from './console-insights';
import { consoleInterviewRoutes } from './console-interviews';
import { consoleOperatingModelRoutes } from './console-operating-model';
import { consoleOutboxRoutes } from './console-outbox';
import { consoleRatingRoutes } from './console-ratings';
import { consoleReviewQueueRoutes } from './console-review-queue';
import { consoleSessionContract } from './console-session';
import { consoleSettingsRoutes } from './console-settings';
import { consoleSignalCorrectionRoutes } from './console-signal-corrections';
import { consoleTriggerRoutes } from './console-triggers';
import { consoleWebhookRoutes } from './console-webhooks';

/** The console API's route groups, in the order they are matched. */
function consoleGroups() {
  return [
    consoleHomeRoutes(),
    consoleAccountRoutes(),
    consoleInterviewRoutes(),
    consoleInsightRoutes(),
    consoleBriefRunRoutes(),
    consoleReviewQueueRoutes(),
    consoleSignalCorrectionRoutes(),
    consoleSettingsRoutes(),
    consoleWebhookRoutes(),
    consoleConnectorRoutes(),
    consoleOperatingModelRoutes(),
    consoleTriggerRoutes(),
    consoleOutboxRoutes(),
    consoleRatingRoutes(),
    consoleGuideRoutes(),
  ];
}

/**
 * The console's contract as OpenAPI 3.1, from the same route declarations that serve it.
 * console/src/api-schema.d.ts is generated from this (`npm run generate -w console`).
 */
export function consoleOpenApiDocument() {
  const doc = createConsoleRouter();
  // The one Error of every error answer (errorResponse() refers to it), as in /openapi.json.
  doc.openAPIRegistry.register('Error', errorSchema);
  for (const group of consoleGroups()) if (group instanceof OpenAPIHono) doc.route('/', group);
  for (const route of consoleSessionContract()) doc.openAPIRegistry.registerPath(route);
  return doc.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Candor console API',
      version: '1.0.0',
      description:
        'The console\'s own API (session cookie; changes only from the console\'s origin, as application/json). Internal: it changes with the console, so integrate with /v1 instead. Errors are always `{ "error": { "code", "message" } }`.',
    },
    servers: [{ url: '/console/api' }],
  });
}

/**
 * Everything under /console/api but sign-in and sign-out (console-session.ts). A plain Hono
 * router on purpose: mounting it keeps these routes out of the public /openapi.json.
 */
export function consoleRoutes() {
  const app = new Hono<AppEnv>();
  let document: ReturnType<typeof consoleOpenApiDocument> | undefined;
  // For members only: it is the console's internal contract, not a promise to integrators.
  app.get('/console/api/openapi.json', sessionAuth, noStore, (c) => {
    document ??= consoleOpenApiDocument();
    return c.json(document);
  });
  for (const group of consoleGroups()) {
    if (group instanceof OpenAPIHono) app.route('/console/api', group);
    else app.route('/', group);
  }
  return app;
}

/** Every documented console route with its answers' schemas, for tests that hold answers to them. */
export function consoleRouteContracts() {
  return consoleGroups().flatMap((group) =>
    group instanceof OpenAPIHono
      ? group.openAPIRegistry.definitions.flatMap((d) => (d.type === 'route' ? [d.route] : []))
      : [],
  );
}
