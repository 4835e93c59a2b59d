import type { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineJob, noPayload } from '../jobs/define-job';
import { sweepStrandedDeliveries } from './sweep-stranded';

declare module '../jobs/define-job' {
  interface JobPayloads {
    'sweep-deliveries': z.infer<typeof noPayload>;
  }
}

/**
 * Every minute: re-queues webhook and connector deliveries whose job was lost (never
 * enqueued, or its process died); their own backoff is unaffected.
 */
export const sweepDeliveriesJob = defineJob({
  name: 'sweep-deliveries',
  payload: noPayload,
  schedule: '* * * * *',
  run: async (deps: AppDeps) => {
    await sweepStrandedDeliveries(deps);
  },
});
