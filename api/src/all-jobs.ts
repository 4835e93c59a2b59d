import type { AppDeps } from './app-deps';
import { deliverConnectorActionJob, syncCrmAccountsJob } from './connectors/jobs';
import { sweepDeliveriesJob } from './deliveries/jobs';
import { extractInterviewJob, sweepAbandonedInterviewsJob } from './extraction/jobs';
import type { AnyJobDefinition, JobName } from './jobs/define-job';
import { pingJob } from './jobs/ping';
import { sendEmailJob } from './mail/jobs';
import { eraseExpiredTranscriptsJob } from './privacy/jobs';
import {
  recomputeAllHealthJob,
  recomputeHealthJob,
  refreshRenewalBriefJob,
  renewalBriefsJob,
  runBriefJob,
  weeklyBriefingsJob,
} from './synthesis/jobs';
import { evaluateEventsJob, evaluateTriggersJob, invitationEmailJob } from './triggers/jobs';
import { deliverWebhookJob } from './webhooks/jobs';

/** Every background job a process can send and work. Each is defined beside its feature. */
export const allJobs = [
  pingJob,
  sendEmailJob,
  evaluateEventsJob,
  evaluateTriggersJob,
  invitationEmailJob,
  extractInterviewJob,
  sweepAbandonedInterviewsJob,
  recomputeHealthJob,
  recomputeAllHealthJob,
  renewalBriefsJob,
  weeklyBriefingsJob,
  refreshRenewalBriefJob,
  runBriefJob,
  deliverWebhookJob,
  sweepDeliveriesJob,
  deliverConnectorActionJob,
  syncCrmAccountsJob,
  eraseExpiredTranscriptsJob,
] as const satisfies readonly AnyJobDefinition<AppDeps>[];

// Compiles only while every job whose payload a feature declares is listed above.
type Unlisted = Exclude<JobName, (typeof allJobs)[number]['name']>;
const everyJobListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyJobListed;
