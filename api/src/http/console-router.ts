import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { MiddlewareHandler } from 'hono/types';
import type { ZodType } from 'zod';
import { requireRole, sessionAuth } from '../auth/session-auth';
import type { AppEnv } from './app-env';
import { createRouter, errorResponse } from './openapi';
import { readJsonBody } from './read-json-body';

/**
 * One group of console routes: declared with `createRoute` (paths relative to /console/api,
 * where routes/console-routes.ts mounts it) and documented in the console's own OpenAPI
 * document, never in the public /openapi.json.
 */
export const createConsoleRouter = createRouter;
export type ConsoleRouter = ReturnType<typeof createConsoleRouter>;

/** Workspace data is private to the member: never cached by a browser or proxy. */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
});

/** Any signed-in member. */
export const signedIn: MiddlewareHandler[] = [sessionAuth, noStore];
/** Admins only (a CSM gets 403). */
export const adminOnly: MiddlewareHandler[] = [sessionAuth, requireRole('admin'), noStore];

/**
 * Registers one console route. Its JSON body is read the way the console's body has always
 * been read (an empty body is `{}`, bad JSON is `invalid_json` "body: not valid JSON") rather
 * than by the validator `openapi()` would add, so every answer stays what it was; the handler
 * still gets it typed from `c.req.valid('json')`. Query and path go through the router's validators.
 */
export function consoleRoute<R extends RouteConfig>(app: ConsoleRouter, route: R, handler: RouteHandler<R, AppEnv>) {
  app.openAPIRegistry.registerPath(route);
  const { body, ...request } = route.request ?? {};
  const media = body?.content['application/json'];
  const schema = media && 'schema' in media ? media.schema : undefined;
  const middleware = [route.middleware ?? []].flat();
  if (isZod(schema)) {
    middleware.push(
      createMiddleware<AppEnv>(async (c, next) => {
        c.req.addValidatedData('json', (await readJsonBody(c, schema)) as object);
        await next();
      }),
    );
  }
  app.openapi({ ...route, request, middleware, hide: true }, handler as never);
}

const isZod = (schema: unknown): schema is ZodType => typeof (schema as ZodType | undefined)?.safeParse === 'function';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429;
const errorDescriptions: Record<ErrorStatus, string> = {
  400: 'Invalid request: the message names the field',
  401: 'Not signed in',
  403: 'Signed in without the role this needs',
  404: 'Not found in this workspace',
  409: 'In conflict with the current state',
  422: 'Understood but not possible',
  429: 'Too many requests',
};

/**
 * The error answers a console route declares, by status: the app's one Error schema
 * (`errorResponse()`, as the /v1 routes declare theirs); the console document registers it as `Error`.
 */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorResponse(errorDescriptions[s])])) as Record<
    S,
    ReturnType<typeof errorResponse>
  >;
}
