import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { defineJob, noPayload } from '../jobs/define-job';
import { recomputeAllHealth, recomputeQueuedHealth } from './account-health';
import { refreshRenewalBrief } from './brief-refresh';
import { runBriefRun } from './brief-runs';
import { buildDueRenewalBriefs } from './renewal-brief';
import { sendDueWeeklyBriefings } from './weekly-briefing-delivery';

const recomputeHealthPayload = z.object({ workspaceId: z.uuid(), accountId: z.uuid().optional() });
const accountPayload = z.object({ workspaceId: z.uuid(), accountId: z.uuid() });
const runBriefPayload = z.object({ workspaceId: z.uuid(), runId: z.uuid() });

declare module '../jobs/define-job' {
  interface JobPayloads {
    'recompute-health': z.infer<typeof recomputeHealthPayload>;
    'recompute-all-health': z.infer<typeof noPayload>;
    'renewal-briefs': z.infer<typeof noPayload>;
    'weekly-briefings': z.infer<typeof noPayload>;
    'refresh-renewal-brief': z.infer<typeof accountPayload>;
    'run-brief': z.infer<typeof runBriefPayload>;
  }
}

/**
 * Recomputes account health (one account, or the whole workspace) after new signals. A batch
 * is a few queries whatever its size, and one waiting recompute per account is enough: it
 * reads every signal stored before it runs.
 */
export const recomputeHealthJob = defineJob({
  name: 'recompute-health',
  payload: recomputeHealthPayload,
  queue: { batchSize: 50, coalesceBy: (p) => `${p.workspaceId}:${p.accountId ?? '*'}` },
  runBatch: (deps: AppDeps, jobs) => recomputeQueuedHealth(deps, jobs),
});

/** Daily: health where there is new data or a recheck time has come, so usage trends move states without new interviews. */
export const recomputeAllHealthJob = defineJob({
  name: 'recompute-all-health',
  payload: noPayload,
  schedule: '0 5 * * *',
  run: async (deps: AppDeps) => {
    // Once a day, even when nothing was due: the counts show the pass kept to changed accounts.
    deps.log.info(await recomputeAllHealth(deps), 'account health recomputed');
  },
});

/** Daily, after health so each brief carries the day's health reasons: renewal briefs for accounts 60 days from renewal. */
export const renewalBriefsJob = defineJob({
  name: 'renewal-briefs',
  payload: noPayload,
  schedule: '30 5 * * *',
  run: async (deps: AppDeps) => {
    const built = await buildDueRenewalBriefs(deps);
    if (built) deps.log.info({ built }, 'renewal briefs generated');
  },
});

/** Hourly, because "Monday 07:00" is a different hour in every workspace's time zone: the weekly CSM briefings due now. */
export const weeklyBriefingsJob = defineJob({
  name: 'weekly-briefings',
  payload: noPayload,
  schedule: '5 * * * *',
  run: async (deps: AppDeps) => {
    const sent = await sendDueWeeklyBriefings(deps);
    if (sent) deps.log.info({ sent }, 'weekly briefings sent');
  },
});

/** New answers at an account: its renewal brief again, debounced per account (see brief-refresh.ts). */
export const refreshRenewalBriefJob = defineJob({
  name: 'refresh-renewal-brief',
  payload: accountPayload,
  run: (deps: AppDeps, { workspaceId, accountId }) => refreshRenewalBrief(deps, { id: workspaceId }, accountId),
});

/** Regenerates one brief or briefing on demand, recording its progress (synthesis_runs row). */
export const runBriefJob = defineJob({
  name: 'run-brief',
  payload: runBriefPayload,
  queue: { workers: 2 },
  run: (deps: AppDeps, { workspaceId, runId }) => runBriefRun(deps, { id: workspaceId }, runId),
});
