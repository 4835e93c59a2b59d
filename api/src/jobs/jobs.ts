import { type JobResult, PgBoss } from 'pg-boss';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import type { Logger } from '../log';
import type { AnyJobDefinition, JobName, JobPayload, QueueSettings } from './define-job';

/** The job queue of one process; `D` is what it hands the handlers it works (the app's deps). */
export type Jobs<D = unknown> = {
  /**
   * Enqueues a job; the payload is checked against its definition before it is stored.
   * Answers null when the job was coalesced into one already waiting (see `coalesceBy`).
   */
  send<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options?: { singletonKey?: string; startAfter?: Date; singletonSeconds?: number },
  ): Promise<string | null>;
  /** Starts this process's workers: for every job, or only the ones named. */
  work(deps: D, only?: JobName[]): Promise<void>;
  /** Puts every job that has a `schedule` on its clock (pg-boss keeps one schedule per name, so any number of processes can). */
  scheduleRecurring(): Promise<void>;
  stop(): Promise<void>;
};

/** Schedules of jobs a release renamed or retired: databases from before still hold them. */
const RETIRED_SCHEDULES = ['sweep-webhook-deliveries'];

/** How often an idle worker looks for work that was sent by another process (or woke no one). */
const POLLING_INTERVAL_SECONDS = 0.5;

/**
 * pg-boss over the product's database. On Postgres it keeps its own small pool; on the
 * embedded database it runs through PGlite itself (one process owns the data directory).
 */
export async function startJobs<D>(
  handle: DatabaseHandle,
  config: Config,
  log: Logger,
  definitions: readonly AnyJobDefinition<D>[],
): Promise<Jobs<D>> {
  const byName = new Map<JobName, Definition<D>>();
  for (const definition of definitions) {
    if (byName.has(definition.name)) throw new Error(`job ${definition.name} is defined twice`);
    byName.set(definition.name, definition as Definition<D>);
  }
  const definitionOf = (name: JobName) => {
    const definition = byName.get(name);
    if (!definition) throw new Error(`no job is defined as ${name}`);
    return definition;
  };
  const boss = handle.executeSql
    ? new PgBoss({ db: { executeSql: handle.executeSql }, backend: 'pglite', supervise: true, schedule: true })
    : new PgBoss({ connectionString: config.databaseUrl ?? '', max: 4, application_name: 'candor-jobs' });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const definition of byName.values()) await ensureQueue(boss, definition, log);
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
      const definition = definitionOf(name);
      const data = definition.payload.parse(payload);
      const singletonKey = options?.singletonKey ?? definition.queue?.coalesceBy?.(data);
      const id = await boss.send(name, data, {
        ...(singletonKey ? { singletonKey } : {}),
        ...(options?.startAfter ? { startAfter: options.startAfter } : {}),
        // With a key: one job per key per slot of this many seconds (a later send in the slot is dropped).
        ...(options?.singletonSeconds ? { singletonSeconds: options.singletonSeconds } : {}),
      });
      if (id && !stopped) wakeWhenDue(name, options?.startAfter);
      return id;
    },
    async scheduleRecurring() {
      for (const { name, schedule, payload } of byName.values())
        if (schedule) await boss.schedule(name, schedule, payload.parse({}));
      for (const name of RETIRED_SCHEDULES) {
        const known = await boss.getSchedules(name).catch(() => []);
        if (known.length > 0) await boss.unschedule(name);
      }
    },
    async work(deps, only) {
      for (const definition of byName.values()) {
        if (only && !only.includes(definition.name)) continue;
        const settings = definition.queue ?? {};
        const options = {
          pollingIntervalSeconds: POLLING_INTERVAL_SECONDS,
          batchSize: settings.batchSize ?? 1,
          localConcurrency: settings.workers ?? 1,
          // A full batch means more is waiting: fetch again at once instead of after the poll.
          burstWhenBatchFull: true,
          perJobResults: true,
        } as const;
        await boss.work(definition.name, options, (jobs) => runBatch(definition, deps, jobs, log));
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

/**
 * A definition as the queue handles it, whatever its job: its payload is whatever its own
 * schema parsed, which is what its handler takes.
 */
type Definition<D> = {
  name: JobName;
  payload: { parse(data: unknown): object; safeParse(data: unknown): { success: boolean; data?: object } };
  schedule?: string;
  queue?: QueueSettings<object>;
} & (
  | { run: (deps: D, payload: object) => Promise<void> }
  | { runBatch: (deps: D, payloads: object[]) => Promise<void> }
);

/** Runs one fetched batch and says how each job ended, so one failure retries only that job. */
async function runBatch<D>(
  definition: Definition<D>,
  deps: D,
  jobs: { id: string; data: unknown }[],
  log: Logger,
): Promise<JobResult[]> {
  const { name } = definition;
  const results: JobResult[] = [];
  const valid: { id: string; data: object }[] = [];
  for (const job of jobs) {
    const parsed = definition.payload.safeParse(job.data);
    if (parsed.success && parsed.data) valid.push({ id: job.id, data: parsed.data });
    else {
      // Retrying cannot make a payload valid.
      log.error({ job: job.id, name }, 'job payload rejected by its schema');
      results.push({ id: job.id, status: 'deadletter', output: { message: 'payload rejected by its schema' } });
    }
  }
  if ('run' in definition) {
    const settled = await Promise.allSettled(valid.map((job) => definition.run(deps, job.data)));
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
      await definition.runBatch(
        deps,
        valid.map((job) => job.data),
      );
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
async function ensureQueue<D>(boss: PgBoss, definition: Definition<D>, log: Logger) {
  const { name } = definition;
  const coalesceBy = definition.queue?.coalesceBy;
  const policy = coalesceBy ? 'stately' : 'standard';
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
    const parsed = definition.payload.safeParse(row.data);
    if (!parsed.success || !parsed.data) continue;
    const singletonKey = coalesceBy?.(parsed.data);
    await boss.send(name, parsed.data, singletonKey ? { singletonKey } : {});
  }
  log.info({ queue: name, policy, requeued: rows.length }, 'job queue recreated with its new policy');
}
