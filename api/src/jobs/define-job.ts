import { z } from 'zod';

/**
 * Every background job's payload, by queue name. It is empty here: each feature adds its
 * own jobs with `declare module '../jobs/define-job'` beside their definitions, so a job's
 * name, payload, schedule and handler are written once, in the feature they belong to.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each feature's declaration merging
export interface JobPayloads {}

export type JobName = keyof JobPayloads;
export type JobPayload<N extends JobName> = JobPayloads[N];

/**
 * How one queue is worked. A worker that fetches one job waits the 0.5 s poll before the
 * next, whatever the job costs, so a batch of one caps a queue at two jobs a second per
 * worker unless its jobs are sent from the same process (which wakes a worker). Queues that
 * say nothing take one job at a time.
 */
export type QueueSettings<P> = {
  /** Workers polling this queue in each process. */
  workers?: number;
  /** Jobs each worker takes per fetch; a batch runs at once (or through `runBatch`). */
  batchSize?: number;
  /**
   * At most one job per key waits in the queue (pg-boss's `stately` policy): a job sent while
   * one with the same key is still queued is dropped, because the queued one will see the
   * same data when it runs. One can still be running beside it, so nothing sent during a run
   * is lost.
   */
  coalesceBy?: (payload: P) => string;
};

/** One background job, defined once beside its feature; `D` is what its handler needs of the process. */
export type JobDefinition<N extends JobName, D> = {
  name: N;
  /** Checked when the job is sent and again when it is fetched. */
  payload: z.ZodType<JobPayload<N>>;
  /** For jobs that run on a clock: a cron expression (UTC). pg-boss runs each tick once across processes. */
  schedule?: string;
  queue?: QueueSettings<JobPayload<N>>;
} & (
  | { run: (deps: D, payload: JobPayload<N>) => Promise<void> }
  /** Handles a whole fetched batch at once (e.g. one pass over many accounts); a throw retries the batch. */
  | { runBatch: (deps: D, payloads: JobPayload<N>[]) => Promise<void> }
);

/** Any one job's definition, over what a process hands its handlers. */
export type AnyJobDefinition<D> = { [N in JobName]: JobDefinition<N, D> }[JobName];

/** Names the types of a job's definition; `D` is inferred from its handler's first parameter. */
export const defineJob = <N extends JobName, D>(definition: JobDefinition<N, D>): JobDefinition<N, D> => definition;

/** The payload of a job that takes none: every scheduled job, which looks at every workspace itself. */
export const noPayload = z.object({});
