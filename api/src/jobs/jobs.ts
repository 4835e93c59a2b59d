import { type JobResult, PgBoss } from 'pg-boss';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import type { Logger } from '../log';
import { type JobName, type JobPayload, jobCatalog, jobQueues, type QueueSettings } from './catalog';

export type JobHandler<N extends JobName> = (payload: JobPayload<N>) => Promise<void>;
/** Handles a whole fetched batch at once (e.g. one pass over many accounts); a throw retries the batch. */
export type JobBatchHandler<N extends JobName> = { batch: (payloads: JobPayload<N>[]) => Promise<void> };
export type JobHandlers = { [N in JobName]?: JobHandler<N> | JobBatchHandler<N> };

export type Jobs = {
  /**
   * Enqueues a job; the payload is checked against the catalog before it is stored. Answers
   * null when the job was coalesced into one already waiting (see `coalesceBy`).
   */
  send<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options?: { singletonKey?: string; startAfter?: Date; singletonSeconds?: number },
  ): Promise<string | null>;
  /** Runs a job on a cron schedule (at most once per tick across all processes). */
  schedule<N extends JobName>(name: N, cron: string, payload: JobPayload<N>): Promise<void>;
  /** Drops a schedule by name (one a release renamed or retired); nothing when there is none. */
  unschedule(name: string): Promise<void>;
  /** Starts workers for the given handlers in this process. */
  work(handlers: JobHandlers): Promise<void>;
  stop(): Promise<void>;
};

/** How often an idle worker looks for work that was sent by another process (or woke no one). */
const POLLING_INTERVAL_SECONDS = 0.5;

const settingsOf = <N extends JobName>(name: N) => (jobQueues[name] ?? {}) as QueueSettings<N>;

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
  for (const name of Object.keys(jobCatalog) as JobName[]) await ensureQueue(boss, name, log);
  let stopped = false;
  const wakeTimers = new Set<NodeJS.Timeout>();
  /**
   * Wakes one of this process's workers of the queue so a job sent here starts at once rather
   * than at its worker's next poll (up to half a second later, per hop of a chain such as
   * extraction → health → webhooks). An idle worker is preferred; a busy one fetches again as
   * soon as its batch is done. Workers in other processes still find the job by polling.
   */
  const wake = (name: JobName) => {
    const workers = boss.getWipData().filter((w) => w.name === name && w.state === 'active');
    const worker = workers.find((w) => w.count === 0) ?? workers[0];
    if (worker) boss.notifyWorker(worker.id);
  };
  /** A job due before the next poll (a retry a moment later, say) wakes its worker when it is due. */
  const wakeWhenDue = (name: JobName, startAfter: Date | undefined) => {
    const delay = startAfter ? startAfter.getTime() - Date.now() : 0;
    if (delay <= 0) return wake(name);
    if (delay >= POLLING_INTERVAL_SECONDS * 1000) return;
    const timer = setTimeout(() => {
      wakeTimers.delete(timer);
      if (!stopped) wake(name);
    }, delay);
    timer.unref();
    wakeTimers.add(timer);
  };

  return {
    async send(name, payload, options) {
      const data = jobCatalog[name].parse(payload);
      const singletonKey = options?.singletonKey ?? settingsOf(name).coalesceBy?.(data as JobPayload<typeof name>);
      const id = await boss.send(name, data, {
        ...(singletonKey ? { singletonKey } : {}),
        ...(options?.startAfter ? { startAfter: options.startAfter } : {}),
        // With a key: one job per key per slot of this many seconds (a later send in the slot is dropped).
        ...(options?.singletonSeconds ? { singletonSeconds: options.singletonSeconds } : {}),
      });
      if (id && !stopped) wakeWhenDue(name, options?.startAfter);
      return id;
    },
    async schedule(name, cron, payload) {
      await boss.schedule(name, cron, jobCatalog[name].parse(payload));
    },
    async unschedule(name) {
      const known = await boss.getSchedules(name).catch(() => []);
      if (known.length > 0) await boss.unschedule(name);
    },
    async work(handlers) {
      for (const [name, handler] of Object.entries(handlers) as [JobName, JobHandlers[JobName]][]) {
        if (!handler) continue;
        const settings = settingsOf(name);
        const options = {
          pollingIntervalSeconds: POLLING_INTERVAL_SECONDS,
          batchSize: settings.batchSize ?? 1,
          localConcurrency: settings.workers ?? 1,
          // A full batch means more is waiting: fetch again at once instead of after the poll.
          burstWhenBatchFull: true,
          perJobResults: true,
        } as const;
        await boss.work(name, options, (jobs) => runBatch(name, handler, jobs, log));
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const timer of wakeTimers) clearTimeout(timer);
      await boss.stop({ graceful: true, timeout: 10_000, close: true });
    },
  };
}

/** Runs one fetched batch and says how each job ended, so one failure retries only that job. */
async function runBatch<N extends JobName>(
  name: N,
  handler: JobHandler<N> | JobBatchHandler<N>,
  jobs: { id: string; data: unknown }[],
  log: Logger,
): Promise<JobResult[]> {
  const results: JobResult[] = [];
  const valid: { id: string; data: JobPayload<N> }[] = [];
  for (const job of jobs) {
    const parsed = jobCatalog[name].safeParse(job.data);
    if (parsed.success) valid.push({ id: job.id, data: parsed.data as JobPayload<N> });
    else {
      // Retrying cannot make a payload valid.
      log.error({ job: job.id, name }, 'job payload rejected by its schema');
      results.push({ id: job.id, status: 'deadletter', output: { message: 'payload rejected by its schema' } });
    }
  }
  if (typeof handler === 'function') {
    const settled = await Promise.allSettled(valid.map((job) => handler(job.data)));
    settled.forEach((outcome, i) => {
      const id = valid[i]?.id as string;
      results.push(
        outcome.status === 'fulfilled'
          ? { id, status: 'completed' }
          : { id, status: 'failed', output: failure(outcome.reason) },
      );
    });
  } else if (valid.length > 0) {
    try {
      await handler.batch(valid.map((job) => job.data));
      for (const job of valid) results.push({ id: job.id, status: 'completed' });
    } catch (err) {
      for (const job of valid) results.push({ id: job.id, status: 'failed', output: failure(err) });
    }
  }
  return results;
}

const failure = (err: unknown) => ({ message: err instanceof Error ? err.message : String(err) });

/**
 * Creates a queue with its policy. A queue made before it was coalesced keeps pg-boss's
 * standard policy, which cannot be changed in place: it is made again, and the jobs it
 * still held are sent anew (the new policy folds their repeats).
 */
async function ensureQueue(boss: PgBoss, name: JobName, log: Logger) {
  const policy = settingsOf(name).coalesceBy ? 'stately' : 'standard';
  const existing = await boss.getQueue(name);
  if (existing && existing.policy === policy) return;
  const options = { retryLimit: 5, retryBackoff: true, policy } as const;
  if (!existing) {
    await boss.createQueue(name, options);
    return;
  }
  const { rows } = await boss
    .getDb()
    .executeSql(
      `select data, singleton_key from pgboss.job where name = $1 and state in ('created', 'retry', 'active')`,
      [name],
    );
  await boss.deleteQueue(name);
  await boss.createQueue(name, options);
  for (const row of rows as { data: object }[]) {
    const parsed = jobCatalog[name].safeParse(row.data);
    if (!parsed.success) continue;
    const singletonKey = settingsOf(name).coalesceBy?.(parsed.data as JobPayload<typeof name>);
    await boss.send(name, parsed.data, singletonKey ? { singletonKey } : {});
  }
  log.info({ queue: name, policy, requeued: rows.length }, 'job queue recreated with its new policy');
}
