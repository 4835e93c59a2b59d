import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineJob, noPayload } from '../jobs/define-job';
import { offerForMatches } from './evaluate-events';
import { evaluatePeriodicTriggers } from './evaluate-periodic';
import { runInvitationEmailJob } from './invitation-email';

const evaluateEventsPayload = z.object({
  workspaceId: z.uuid(),
  matches: z.array(
    z.object({
      triggerId: z.uuid(),
      contactId: z.uuid().nullable(),
      accountId: z.uuid().nullable(),
      day: z.string(),
    }),
  ),
});
const invitationEmailPayload = z.object({
  workspaceId: z.uuid(),
  interviewId: z.uuid(),
  kind: z.enum(['reminder', 'unseen']),
});

declare module '../jobs/define-job' {
  interface JobPayloads {
    'evaluate-events': z.infer<typeof evaluateEventsPayload>;
    'evaluate-triggers': z.infer<typeof noPayload>;
    'invitation-email': z.infer<typeof invitationEmailPayload>;
  }
}

/** Trigger matches of a large event batch, offered outside the request. */
export const evaluateEventsJob = defineJob({
  name: 'evaluate-events',
  payload: evaluateEventsPayload,
  run: (deps: AppDeps, { workspaceId, matches }) => offerForMatches(deps, { id: workspaceId }, matches),
});

/** Schedules (renewal − 60 days, signup + 14 days), usage drops and attribute rules, in every workspace. */
export const evaluateTriggersJob = defineJob({
  name: 'evaluate-triggers',
  payload: noPayload,
  schedule: '*/5 * * * *',
  run: async (deps: AppDeps) => {
    const result = await evaluatePeriodicTriggers(deps);
    if (result.invited || result.skipped) deps.log.info(result, 'periodic trigger evaluation');
  },
});

/** An invitation's delayed email: the reminder, or the email for an unseen in-app invitation. */
export const invitationEmailJob = defineJob({
  name: 'invitation-email',
  payload: invitationEmailPayload,
  run: (deps: AppDeps, job) => runInvitationEmailJob(deps, job),
});
