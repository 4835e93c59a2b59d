import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineJob } from '../jobs/define-job';
import { deliverEmail } from './send-email';

const sendEmailPayload = z.object({ emailId: z.uuid() });

declare module '../jobs/define-job' {
  interface JobPayloads {
    'send-email': z.infer<typeof sendEmailPayload>;
  }
}

/** Delivers one queued email through Resend (outbox_emails row). One at a time, so a burst stays under Resend's rate limit. */
export const sendEmailJob = defineJob({
  name: 'send-email',
  payload: sendEmailPayload,
  run: (deps: AppDeps, { emailId }) => deliverEmail(deps, emailId),
});
