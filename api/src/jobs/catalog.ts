import { z } from 'zod';

/**
 * Every background job: its queue name and the schema of its payload. Features add
 * their jobs here so that producers and handlers agree on one definition.
 */
export const jobCatalog = {
  /** Smoke job used by readiness checks and tests: proves a queue round-trip works. */
  ping: z.object({ token: z.string() }),
  /** Delivers one queued email through Resend (outbox_emails row). */
  'send-email': z.object({ emailId: z.uuid() }),
  /** Trigger matches of a large event batch, offered outside the request. */
  'evaluate-events': z.object({
    workspaceId: z.uuid(),
    matches: z.array(
      z.object({
        triggerId: z.uuid(),
        contactId: z.uuid().nullable(),
        accountId: z.uuid().nullable(),
        day: z.string(),
      }),
    ),
  }),
  /** The periodic evaluation of schedule, usage-drop and attribute rules in every workspace. */
  'evaluate-triggers': z.object({}),
  /** An invitation's delayed email: the reminder, or the email for an unseen in-app invitation. */
  'invitation-email': z.object({ workspaceId: z.uuid(), interviewId: z.uuid(), kind: z.enum(['reminder', 'unseen']) }),
  /** Extracts an interview's signals (on completion or abandonment); re-running replaces them. */
  'extract-interview': z.object({ workspaceId: z.uuid(), interviewId: z.uuid() }),
  /** Periodic: marks started interviews idle 30 minutes with an answer as abandoned and queues their extraction. */
  'sweep-abandoned-interviews': z.object({}),
  /** Recomputes account health (one account, or the whole workspace) after new signals. */
  'recompute-health': z.object({ workspaceId: z.uuid(), accountId: z.uuid().optional() }),
  /**
   * Daily: recomputes health where there is new data or a recheck time has come, so usage
   * trends move states without new interviews.
   */
  'recompute-all-health': z.object({}),
  /** Daily: renewal briefs for accounts 60 days from renewal. */
  'renewal-briefs': z.object({}),
  /** Hourly: the weekly CSM briefings of workspaces where it is Monday at the briefing hour. */
  'weekly-briefings': z.object({}),
  /** New answers at an account: its renewal brief again, debounced per account (synthesis/brief-refresh.ts). */
  'refresh-renewal-brief': z.object({ workspaceId: z.uuid(), accountId: z.uuid() }),
  /** Regenerates one brief or briefing on demand, recording its progress (synthesis_runs row). */
  'run-brief': z.object({ workspaceId: z.uuid(), runId: z.uuid() }),
  /** One attempt of one outgoing webhook delivery (webhook_deliveries row); failures re-queue with backoff. */
  'deliver-webhook': z.object({ deliveryId: z.uuid() }),
  /** Periodic: re-queues webhook and connector deliveries whose job was lost (never enqueued, or its process died). */
  'sweep-deliveries': z.object({}),
  /** One attempt of one connector action (connector_deliveries row): Slack, HubSpot or Salesforce. */
  'deliver-connector-action': z.object({ deliveryId: z.uuid() }),
  /** Hourly: accounts in from each connected CRM whose sync is on. */
  'sync-crm-accounts': z.object({}),
  /** Daily: erases the words of interviews older than their workspace's retention period. */
  'erase-expired-transcripts': z.object({}),
} as const;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalog)[N]>;

/** How one queue is worked: see `jobQueues`. */
export type QueueSettings<N extends JobName> = {
  /** Workers polling this queue in each process. */
  workers?: number;
  /** Jobs each worker takes per fetch; a batch runs at once (or through a batch handler). */
  batchSize?: number;
  /**
   * At most one job per key waits in the queue (pg-boss's `stately` policy): a job sent while
   * one with the same key is still queued is dropped, because the queued one will see the
   * same data when it runs. One can still be running beside it, so nothing sent during a run
   * is lost.
   */
  coalesceBy?: (payload: JobPayload<N>) => string;
};

/**
 * Throughput per queue, sized for 2,000 live interviews per worker process (an interview
 * completing about every second, each queuing one extraction and one health recompute).
 * A worker that fetches one job waits the 0.5 s poll before the next, whatever the job
 * costs, so a batch of one caps a queue at two jobs a second per worker.
 * Extraction mostly waits on a model call, so many run at once; a health batch is a few
 * queries whatever its size. Queues not listed take one job at a time (mail stays at one so
 * a burst does not run into the mail provider's rate limit).
 */
export const jobQueues: { [N in JobName]?: QueueSettings<N> } = {
  'extract-interview': { workers: 2, batchSize: 8 },
  'recompute-health': {
    batchSize: 50,
    coalesceBy: (p) => `${p.workspaceId}:${p.accountId ?? '*'}`,
  },
  'run-brief': { workers: 2 },
  // One interview.completed per interview: a one-job fetch every 0.5 s would cap it at 2/s.
  'deliver-webhook': { batchSize: 10 },
};
