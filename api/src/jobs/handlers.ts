import type { AppDeps } from '../app-deps';
import { deliverEmail } from '../mail/send-email';
import type { JobHandlers } from './jobs';

/** Which function handles which job. Features register their handlers here. */
export function jobHandlers(deps: AppDeps): JobHandlers {
  return {
    ping: async ({ token }) => {
      await deps.db
        .insertInto('instance_settings')
        .values({ key: `ping:${token}`, value: new Date().toISOString() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    },
    'send-email': ({ emailId }) => deliverEmail(deps, emailId),
  };
}
