import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { queueInterviewAlerts } from '../connectors/alerts';
import { queueCrmFieldWrites } from '../connectors/crm-fields';
import { queueIntakeFieldWrites } from '../connectors/intake-fields';
import { isPreviewInterview } from '../guides/preview-contact';
import { defineJob, noPayload } from '../jobs/define-job';
import { scheduleBriefRefresh } from '../synthesis/brief-refresh';
import { runSignalPlays } from '../triggers/signal-plays';
import { emitInterviewWebhooks } from '../webhooks/interview-events';
import { markAbandonedInterviews } from './abandoned-interviews';
import { extractSignals } from './extract-signals';

const extractInterviewPayload = z.object({ workspaceId: z.uuid(), interviewId: z.uuid() });

declare module '../jobs/define-job' {
  interface JobPayloads {
    'extract-interview': z.infer<typeof extractInterviewPayload>;
    'sweep-abandoned-interviews': z.infer<typeof noPayload>;
  }
}

/**
 * Extracts an interview's signals (on completion or abandonment; re-running replaces them),
 * then hands them on: webhooks, alerts, plays, CRM fields, the account's health and its brief.
 * Extraction mostly waits on a model call, so many run at once: sized for 2,000 live
 * interviews per worker process, an interview completing about every second.
 */
export const extractInterviewJob = defineJob({
  name: 'extract-interview',
  payload: extractInterviewPayload,
  queue: { workers: 2, batchSize: 8 },
  run: async (deps: AppDeps, { workspaceId, interviewId }) => {
    const ws = { id: workspaceId };
    // A guide preview is an admin trying the guide: no signals, webhooks or health from it.
    if (await isPreviewInterview(deps.db, ws, interviewId)) return;
    await extractSignals(deps, ws, interviewId);
    await emitInterviewWebhooks(deps, ws, interviewId);
    await queueInterviewAlerts(deps, ws, interviewId);
    await runSignalPlays(deps, ws, interviewId);
    const interview = await deps.db
      .selectFrom('interviews')
      .select('account_id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', interviewId)
      .executeTakeFirst();
    if (interview?.account_id) {
      await queueCrmFieldWrites(deps, ws, interview.account_id);
      await queueIntakeFieldWrites(deps, ws, interviewId);
      await deps.jobs.send('recompute-health', { workspaceId, accountId: interview.account_id });
      await scheduleBriefRefresh(deps, ws, interview.account_id);
    }
  },
});

/** Marks started interviews idle 30 minutes with an answer as abandoned and queues their extraction; a minute's lag is fine. */
export const sweepAbandonedInterviewsJob = defineJob({
  name: 'sweep-abandoned-interviews',
  payload: noPayload,
  schedule: '* * * * *',
  run: async (deps: AppDeps) => {
    await markAbandonedInterviews(deps);
  },
});
