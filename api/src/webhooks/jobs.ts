import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineJob } from '../jobs/define-job';
import { deliverWebhook } from './deliver-webhook';

const deliverWebhookPayload = z.object({ deliveryId: z.uuid() });

declare module '../jobs/define-job' {
  interface JobPayloads {
    'deliver-webhook': z.infer<typeof deliverWebhookPayload>;
  }
}

/**
 * One attempt of one outgoing webhook delivery (webhook_deliveries row); failures re-queue
 * with backoff. Fetched ten at a time: there is one interview.completed per interview, and a
 * one-job fetch every 0.5 s would cap deliveries at two a second.
 */
export const deliverWebhookJob = defineJob({
  name: 'deliver-webhook',
  payload: deliverWebhookPayload,
  queue: { batchSize: 10 },
  run: (deps: AppDeps, { deliveryId }) => deliverWebhook(deps, deliveryId),
});
