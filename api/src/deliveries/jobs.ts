import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineJob } from '../jobs/define-job';
import { sweepStrandedDeliveries } from './sweep-stranded';

const sweepPayload = z.object({});

declare module '../jobs/define-job' {
  interface JobPayloads {
    'sweep-deliveries': z.infer<typeof sweepPayload>;
  }
}

/**
 * Every minute: re-queues webhook and connector deliveries whose job was lost (never
 * enqueued, or its process died); their own backoff is unaffected.
 */
export const sweepDeliveriesJob = defineJob({
  name: 'sweep-deliveries',
  payload: sweepPayload,
  schedule: '* * * * *',
  run: async (deps: AppDeps) => {
    await sweepStrandedDeliveries(deps);
  },
});
