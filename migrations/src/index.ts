import type { Migration } from 'kysely/migration';
import * as core from './migrations/0001-core';
import * as auth from './migrations/0002-auth';
import * as consoleIndexes from './migrations/0006-console-indexes';
import * as webhookDeliveries from './migrations/0007-webhook-deliveries';
import * as releases from './migrations/0008-releases';
import * as synthesisAi from './migrations/0009-synthesis-ai';
import * as workspaceSettings from './migrations/0010-workspace-settings';
import * as identityVerificationDefault from './migrations/0013-identity-verification-default';
import * as limitsAndSecrets from './migrations/0014-limits-and-secrets';
import * as accountDailyUsage from './migrations/0016-account-daily-usage';
import * as signalsTrust from './migrations/0017-signals-trust';
import * as operatingModel from './migrations/0018-operating-model';
import * as connectors from './migrations/0019-connectors';
import * as turnDecisions from './migrations/0020-turn-decisions';
import * as interviewLanguage from './migrations/0023-interview-language';
import * as ratingSignals from './migrations/0025-rating-signals';
import * as internalEvents from './migrations/0028-internal-events';
import * as playMessages from './migrations/0032-play-messages';
import * as healthInputs from './migrations/0036-health-inputs';
import * as boundedReads from './migrations/0037-bounded-reads';
import * as erasedContacts from './migrations/0038-erased-contacts';
import * as connectorReauth from './migrations/0039-connector-reauth';
import * as signalSummaries from './migrations/0040-signal-summaries';
import * as expansionSummaries from './migrations/0041-expansion-summaries';
import * as healthRecheck from './migrations/0042-health-recheck';
import * as interviewPageOrder from './migrations/0043-interview-page-order';
import * as funnelSummaries from './migrations/0044-funnel-summaries';

export { databaseColumns } from './columns';
export { INTERNAL_EVENTS } from './migrations/0028-internal-events';
export type * from './schema';

/** Every migration, in order. Never edit one after it has landed; add the next. */
export const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-auth': auth,
  '0006-console-indexes': consoleIndexes,
  '0007-webhook-deliveries': webhookDeliveries,
  '0008-releases': releases,
  '0009-synthesis-ai': synthesisAi,
  '0010-workspace-settings': workspaceSettings,
  '0013-identity-verification-default': identityVerificationDefault,
  '0014-limits-and-secrets': limitsAndSecrets,
  '0016-account-daily-usage': accountDailyUsage,
  '0017-signals-trust': signalsTrust,
  '0018-operating-model': operatingModel,
  '0019-connectors': connectors,
  '0020-turn-decisions': turnDecisions,
  '0023-interview-language': interviewLanguage,
  '0025-rating-signals': ratingSignals,
  '0028-internal-events': internalEvents,
  '0032-play-messages': playMessages,
  '0036-health-inputs': healthInputs,
  '0037-bounded-reads': boundedReads,
  '0038-erased-contacts': erasedContacts,
  '0039-connector-reauth': connectorReauth,
  '0040-signal-summaries': signalSummaries,
  '0041-expansion-summaries': expansionSummaries,
  '0042-health-recheck': healthRecheck,
  '0043-interview-page-order': interviewPageOrder,
  '0044-funnel-summaries': funnelSummaries,
};
