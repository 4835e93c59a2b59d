import type { RequestIdVariables } from 'hono/request-id';
import type { AppDeps } from '../app-deps';
import type { Ws } from '../db/tenant';
import type { Logger } from '../log';

/** What middleware puts on the Hono context. */
export type AppEnv = {
  Variables: RequestIdVariables & {
    deps: AppDeps;
    log: Logger;
    /** The authenticated workspace; set only by the auth middlewares. */
    ws: Ws;
  };
};
