import { z } from 'zod';
import type { Db } from '../db/database';
import { defineJob } from './define-job';

const pingPayload = z.object({ token: z.string() });

declare module './define-job' {
  interface JobPayloads {
    ping: z.infer<typeof pingPayload>;
  }
}

/** Smoke job: proves a queue round trip works (a worker in this or another process leaves a mark). */
export const pingJob = defineJob({
  name: 'ping',
  payload: pingPayload,
  run: async (deps: { db: Db }, { token }) => {
    await deps.db
      .insertInto('instance_settings')
      .values({ key: `ping:${token}`, value: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  },
});
