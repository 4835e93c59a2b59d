import { readFile } from 'node:fs/promises';
import { Scalar } from '@scalar/hono-api-reference';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './app-deps';
import { accessLog } from './http/access-log';
import { consoleCsrf } from './http/console-csrf';
import { errorBody, errorStatus, handleError } from './http/errors';
import { createRouter, errorSchema } from './http/openapi';
import { rateLimit } from './http/rate-limits';
import { sendStatic } from './http/static-compression';
import { storableText } from './http/storable-text';
import { accountRoutes } from './routes/accounts';
import { briefingRoutes } from './routes/briefings';
import { briefRoutes } from './routes/briefs';
import { consoleAppRoutes, consoleNotFound, wantsConsolePage } from './routes/console-app';
import { consoleRoutes } from './routes/console-routes';
import { consoleSessionRoutes } from './routes/console-session';
import { contactRoutes } from './routes/contacts';
import { demoPageRoutes } from './routes/demo-page';
import { eventRoutes } from './routes/events';
import { guideRoutes } from './routes/guides';
import { hostedPageRoutes } from './routes/hosted-page';
import { interviewRoutes } from './routes/interviews';
import { loginPageRoutes } from './routes/login-page';
import { operatingModelRoutes } from './routes/operating-model';
import { renewalRoutes } from './routes/renewals';
import { reportRoutes } from './routes/reports';
import { reviewQueueRoutes } from './routes/review-queue';
import { segmentRoutes } from './routes/segment';
import { systemRoutes } from './routes/system';
import { triggerRoutes } from './routes/triggers';
import { unsubscribeRoutes } from './routes/unsubscribe';
import { webhookRoutes } from './routes/webhooks';
import { widgetRoutes } from './routes/widget';
import { widgetAssetRoutes } from './routes/widget-assets';
import { widgetMessageRoutes } from './routes/widget-messages';
import { widgetRateLimits } from './widget-auth/widget-rate-limits';

export const MAX_BODY_BYTES = 256 * 1024;

/** Builds the whole HTTP app from the route modules. No listening here: tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const app = createRouter();
  app.openAPIRegistry.register('Error', errorSchema);
  app.openAPIRegistry.registerComponent('securitySchemes', 'secretKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'Your workspace secret key, `sk_…`. Server-side only; never ship it to a browser.',
  });

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('log', deps.log.child({ requestId: c.get('requestId') }));
    await next();
  });
  app.use('*', accessLog);
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false }));
  // The widget runs on customers' pages, so only its routes answer cross-origin requests.
  app.use(
    '/v1/widget/*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Authorization'],
      // So the widget can see when it is rate-limited and for how long.
      exposeHeaders: ['RateLimit', 'RateLimit-Policy', 'Retry-After'],
      maxAge: 600,
    }),
  );
  const tooLarge = (c: Context) =>
    c.json(
      errorBody('payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KB.`),
      errorStatus.payload_too_large,
    );
  const countedLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  app.use('*', (c, next) => {
    // A declared length is checked from the header alone: asking for the body, as the
    // counting limit does, would turn every request body into a web stream.
    const length = c.req.header('content-length');
    if (length !== undefined && !c.req.header('transfer-encoding'))
      return Number(length) > MAX_BODY_BYTES ? Promise.resolve(tooLarge(c)) : next();
    return countedLimit(c, next);
  });
  // Anyone can call the widget's writes with a public key: limited per address and per workspace,
  // counted before anything else looks at the body.
  app.use('/v1/widget/*', rateLimit(widgetRateLimits));
  app.use('*', storableText);

  // Every console change (session routes and sign-out included) comes from the console itself.
  app.use('/console/api/*', consoleCsrf(deps.config.publicUrl));

  app.route('/', systemRoutes());
  app.route('/', loginPageRoutes());
  app.route('/', consoleSessionRoutes());
  app.route('/', interviewRoutes());
  app.route('/', widgetRoutes());
  app.route('/', widgetAssetRoutes());
  app.route('/', widgetMessageRoutes());
  app.route('/', hostedPageRoutes());
  // With the demo switched off (CANDOR_DEMO=false) /demo and POST /demo/invite do not exist.
  if (deps.config.demo) app.route('/', demoPageRoutes());
  app.route('/', consoleRoutes());
  app.route('/', consoleAppRoutes());
  app.route('/', triggerRoutes());
  app.route('/', reviewQueueRoutes());
  app.route('/', briefRoutes());
  app.route('/', reportRoutes());
  app.route('/', briefingRoutes());
  app.route('/', guideRoutes());
  app.route('/', unsubscribeRoutes());
  app.route('/', accountRoutes());
  app.route('/', contactRoutes());
  app.route('/', eventRoutes());
  app.route('/', segmentRoutes());
  app.route('/', webhookRoutes());
  app.route('/', renewalRoutes());
  app.route('/', operatingModelRoutes());

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Candor API',
      version: '1.0.0',
      description:
        'The server API (Bearer `sk_…`), the widget API (publishable key and short-lived widget tokens) and the probes. Errors are always `{ "error": { "code", "message" } }`.',
    },
    servers: [{ url: deps.config.publicUrl }],
  });
  // Everything the reference shows comes from this server: the bundle below, the system
  // fonts, no hosted client, agent, telemetry or developer toolbar that would call out.
  app.get(
    '/docs',
    Scalar({
      url: '/openapi.json',
      cdn: '/docs/scalar.js',
      pageTitle: 'Candor API reference',
      favicon: '/favicon.svg',
      withDefaultFonts: false,
      hideClientButton: true,
      showDeveloperTools: 'never',
      telemetry: false,
      agent: { disabled: true },
      documentDownloadType: 'json',
    }),
  );
  app.get('/docs/scalar.js', async (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    const body = await scalarBundle();
    return sendStatic(c, {
      key: 'docs/scalar.js',
      version: 'bundled',
      body,
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  app.notFound((c) =>
    wantsConsolePage(c.req.raw)
      ? consoleNotFound(c.req.raw)
      : c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), errorStatus.not_found),
  );
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;

// The API reference UI is served from our own origin: no CDN, works offline and under CSP.
let scalarJs: Promise<string> | undefined;
function scalarBundle() {
  scalarJs ??= readFile(new URL('browser/standalone.js', import.meta.resolve('@scalar/api-reference')), 'utf8');
  return scalarJs;
}
