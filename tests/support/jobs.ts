import { allJobs } from '@candor/api/all-jobs';
import type { JobName, JobPayload } from '@candor/api/jobs/define-job';
import { sql } from 'kysely';
import { PgBoss } from 'pg-boss';
import { eventually } from './eventually';
import type { TestApp } from './harness';

/**
 * A bare pg-boss client on the test's database, as an older release of Candor would have
 * left the queue: for staging queues and schedules from before. It runs no workers and no clock.
 */
export async function startBareQueue(t: TestApp) {
  const boss = new PgBoss(
    t.deps.database.executeSql
      ? { db: { executeSql: t.deps.database.executeSql }, backend: 'pglite', supervise: false, schedule: false }
      : { connectionString: t.databaseUrl ?? '', max: 1, supervise: false, schedule: false },
  );
  await boss.start();
  return boss;
}

/** Sends a job through the real queue and waits until pg-boss has finished it. */
export async function runJob<N extends JobName>(t: TestApp, name: N, payload: JobPayload<N>, timeoutMs = 20_000) {
  const id = await t.deps.jobs.send(name, payload);
  if (!id) throw new Error(`job ${name} was not queued`);
  await waitForJob(t, id, timeoutMs);
}

/** Waits until pg-boss has completed the job with this id; a failed job fails the test. */
export async function waitForJob(t: TestApp, id: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await sql<{ state: string }>`select state from pgboss.job where id = ${id}`.execute(t.deps.db);
    const state = rows[0]?.state;
    if (state === 'completed') return;
    if (state === 'failed') throw new Error(`job ${id} failed`);
    // The queue starts a job the moment it is sent, so most finish within a few milliseconds.
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${id} did not finish within ${timeoutMs} ms`);
}

/**
 * Waits until none of Candor's jobs is running or due within `horizonMs` (retries a moment
 * away included): what a test waits for before it says something did not happen, so the
 * check comes after every job the step set off, and the jobs those set off, have finished,
 * however slow the machine, rather than after a fixed pause.
 */
export async function jobsSettled(t: TestApp, { horizonMs = 2_000, timeoutMs = 20_000 } = {}) {
  const names = allJobs.map((job) => job.name);
  await eventually(async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job
      where name = any(${names}) and state in ('created', 'retry', 'active')
        and start_after < now() + make_interval(secs => ${horizonMs / 1000})`.execute(t.deps.db);
    return rows[0]?.n === 0;
  }, timeoutMs);
}
