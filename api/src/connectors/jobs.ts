import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineJob, noPayload } from '../jobs/define-job';
import { syncAllCrmAccounts } from './crm-sync';
import { deliverConnectorAction } from './deliver-action';

const deliverActionPayload = z.object({ deliveryId: z.uuid() });

declare module '../jobs/define-job' {
  interface JobPayloads {
    'deliver-connector-action': z.infer<typeof deliverActionPayload>;
    'sync-crm-accounts': z.infer<typeof noPayload>;
  }
}

/** One attempt of one connector action (connector_deliveries row): Slack, HubSpot or Salesforce. */
export const deliverConnectorActionJob = defineJob({
  name: 'deliver-connector-action',
  payload: deliverActionPayload,
  run: (deps: AppDeps, { deliveryId }) => deliverConnectorAction(deps, deliveryId),
});

/** Hourly: accounts, owners, ARR and renewals in from each connected CRM whose sync is on (idempotent, so cheap). */
export const syncCrmAccountsJob = defineJob({
  name: 'sync-crm-accounts',
  payload: noPayload,
  schedule: '20 * * * *',
  run: async (deps: AppDeps) => {
    const synced = await syncAllCrmAccounts(deps);
    if (synced) deps.log.info({ synced }, 'CRM accounts synced');
  },
});
