import { PgBoss } from 'pg-boss';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import type { Logger } from '../log';
import { type JobName, type JobPayload, jobCatalog, jobConcurrency } from './catalog';

export type JobHandler<N extends JobName> = (payload: JobPayload<N>) => Promise<void>;
export type JobHandlers = { [N in JobName]?: JobHandler<N> };

export type Jobs = {
  /** Enqueues a job; the payload is checked against the catalog before it is stored. */
  send<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options?: { singletonKey?: string; startAfter?: Date; singletonSeconds?: number },
  ): Promise<string | null>;
  /** Runs a job on a cron schedule (at most once per tick across all processes). */
  schedule<N extends JobName>(name: N, cron: string, payload: JobPayload<N>): Promise<void>;
  /** Starts workers for the given handlers in this process. */
  work(handlers: JobHandlers): Promise<void>;
  stop(): Promise<void>;
};

/**
 * pg-boss over the product's database. On Postgres it keeps its own small pool; on the
 * embedded database it runs through PGlite itself (one process owns the data directory).
 */
export async function startJobs(handle: DatabaseHandle, config: Config, log: Logger): Promise<Jobs> {
  const boss = handle.executeSql
    ? new PgBoss({ db: { executeSql: handle.executeSql }, backend: 'pglite', supervise: true, schedule: true })
    : new PgBoss({ connectionString: config.databaseUrl ?? '', max: 4, application_name: 'candor-jobs' });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const name of Object.keys(jobCatalog)) await boss.createQueue(name, { retryLimit: 5, retryBackoff: true });
  let stopped = false;

  return {
    async send(name, payload, options) {
      const data = jobCatalog[name].parse(payload);
      return boss.send(name, data, {
        ...(options?.singletonKey ? { singletonKey: options.singletonKey } : {}),
        ...(options?.startAfter ? { startAfter: options.startAfter } : {}),
        // With a key: one job per key per slot of this many seconds (a later send in the slot is dropped).
        ...(options?.singletonSeconds ? { singletonSeconds: options.singletonSeconds } : {}),
      });
    },
    async schedule(name, cron, payload) {
      await boss.schedule(name, cron, jobCatalog[name].parse(payload));
    },
    async work(handlers) {
      for (const [name, handler] of Object.entries(handlers) as [JobName, JobHandler<JobName>][]) {
        const options = { pollingIntervalSeconds: 0.5, batchSize: 1, localConcurrency: jobConcurrency[name] ?? 1 };
        await boss.work(name, options, async (jobs) => {
          for (const job of jobs) {
            const parsed = jobCatalog[name].safeParse(job.data);
            if (!parsed.success) {
              log.error({ job: job.id, name }, 'job payload rejected by its schema');
              continue;
            }
            await handler(parsed.data);
          }
        });
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, timeout: 10_000, close: true });
    },
  };
}
