import type { AppDeps } from '../app-deps';
import { queueInterviewAlerts } from '../connectors/alerts';
import { queueCrmFieldWrites } from '../connectors/crm-fields';
import { syncAllCrmAccounts } from '../connectors/crm-sync';
import { deliverConnectorAction } from '../connectors/deliver-action';
import { queueIntakeFieldWrites } from '../connectors/intake-fields';
import { markAbandonedInterviews } from '../extraction/abandoned-interviews';
import { extractSignals } from '../extraction/extract-signals';
import { isPreviewInterview } from '../guides/preview-contact';
import type { JobHandlers } from '../jobs/jobs';
import { deliverEmail } from '../mail/send-email';
import { eraseExpiredTranscripts } from '../privacy/erase-expired-transcripts';
import { recomputeAllHealth, recomputeQueuedHealth } from '../synthesis/account-health';
import { refreshRenewalBrief, scheduleBriefRefresh } from '../synthesis/brief-refresh';
import { runBriefRun } from '../synthesis/brief-runs';
import { buildDueRenewalBriefs } from '../synthesis/renewal-brief';
import { sendDueWeeklyBriefings } from '../synthesis/weekly-briefing-delivery';
import { offerForMatches } from '../triggers/evaluate-events';
import { evaluatePeriodicTriggers } from '../triggers/evaluate-periodic';
import { runInvitationEmailJob } from '../triggers/invitation-email';
import { runSignalPlays } from '../triggers/signal-plays';
import { deliverWebhook } from '../webhooks/deliver-webhook';
import { emitInterviewWebhooks } from '../webhooks/interview-events';
import { sweepStrandedDeliveries } from './sweep-deliveries';

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
    'evaluate-events': ({ workspaceId, matches }) => offerForMatches(deps, { id: workspaceId }, matches),
    'evaluate-triggers': async () => {
      const result = await evaluatePeriodicTriggers(deps);
      if (result.invited || result.skipped) deps.log.info(result, 'periodic trigger evaluation');
    },
    'invitation-email': (job) => runInvitationEmailJob(deps, job),
    'extract-interview': async ({ workspaceId, interviewId }) => {
      // A guide preview is an admin trying the guide: no signals, webhooks or health from it.
      if (await isPreviewInterview(deps.db, { id: workspaceId }, interviewId)) return;
      await extractSignals(deps, { id: workspaceId }, interviewId);
      await emitInterviewWebhooks(deps, { id: workspaceId }, interviewId);
      await queueInterviewAlerts(deps, { id: workspaceId }, interviewId);
      await runSignalPlays(deps, { id: workspaceId }, interviewId);
      const interview = await deps.db
        .selectFrom('interviews')
        .select('account_id')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', interviewId)
        .executeTakeFirst();
      if (interview?.account_id) {
        await queueCrmFieldWrites(deps, { id: workspaceId }, interview.account_id);
        await queueIntakeFieldWrites(deps, { id: workspaceId }, interviewId);
        await deps.jobs.send('recompute-health', { workspaceId, accountId: interview.account_id });
        await scheduleBriefRefresh(deps, { id: workspaceId }, interview.account_id);
      }
    },
    'refresh-renewal-brief': ({ workspaceId, accountId }) => refreshRenewalBrief(deps, { id: workspaceId }, accountId),
    'recompute-health': { batch: (jobs) => recomputeQueuedHealth(deps, jobs) },
    'recompute-all-health': async () => {
      // Once a day, even when nothing was due: the counts show the pass kept to changed accounts.
      deps.log.info(await recomputeAllHealth(deps), 'account health recomputed');
    },
    'renewal-briefs': async () => {
      const built = await buildDueRenewalBriefs(deps);
      if (built) deps.log.info({ built }, 'renewal briefs generated');
    },
    'weekly-briefings': async () => {
      const sent = await sendDueWeeklyBriefings(deps);
      if (sent) deps.log.info({ sent }, 'weekly briefings sent');
    },
    'run-brief': ({ workspaceId, runId }) => runBriefRun(deps, { id: workspaceId }, runId),
    'sweep-abandoned-interviews': async () => {
      await markAbandonedInterviews(deps);
    },
    'deliver-webhook': ({ deliveryId }) => deliverWebhook(deps, deliveryId),
    'sweep-deliveries': async () => {
      await sweepStrandedDeliveries(deps);
    },
    'sync-crm-accounts': async () => {
      const synced = await syncAllCrmAccounts(deps);
      if (synced) deps.log.info({ synced }, 'CRM accounts synced');
    },
    'deliver-connector-action': ({ deliveryId }) => deliverConnectorAction(deps, deliveryId),
    'erase-expired-transcripts': async () => {
      const erased = await eraseExpiredTranscripts(deps);
      if (erased.interviews) deps.log.info(erased, 'transcripts erased by retention');
    },
  };
}
