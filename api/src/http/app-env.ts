import type { RequestIdVariables } from 'hono/request-id';
import type { AppDeps } from '../app-deps';
import type { Ws } from '../db/tenant';
import type { Logger } from '../log';

/** Who is using the console. */
export type SignedInMember = { id: string; email: string; name: string | null; role: 'admin' | 'csm' };

/** What middleware puts on the Hono context. */
export type AppEnv = {
  Variables: RequestIdVariables & {
    deps: AppDeps;
    log: Logger;
    /** The authenticated workspace; set only by the auth middlewares. */
    ws: Ws;
    /** The signed-in console member; set only by `sessionAuth`. */
    member: SignedInMember;
  };
};
