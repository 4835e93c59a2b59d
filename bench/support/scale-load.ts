import { tenant } from '@candor/api/db/tenant';
import { enqueueExtraction } from '@candor/api/interviews/enqueue-extraction';
import { sql } from 'kysely';
import type { TestApp } from '../../tests/support/harness';
import { ANSWERS, type Book } from './scale-book';

/** The queues a finished interview feeds: its extraction, its account's health, brief and webhooks. */
export const LOAD_QUEUES = [
  'extract-interview',
  'recompute-health',
  'refresh-renewal-brief',
  'deliver-webhook',
] as const;

export type LoadFigures = {
  rate: number;
  seconds: number;
  interviews: number;
  /** Seconds after the load started, with each queue's depth (queued, deferred or running). */
  samples: { at: number; depth: Record<string, number> }[];
  /** Seconds from the load's end until every queue above was empty (NaN: not within the timeout). */
  drainSeconds: number;
  /** Seconds from queued to done, per queue. */
  latency: Record<string, { jobs: number; p50: number; p99: number; max: number }>;
  /** Interviews at accounts renewing within 60 days: seconds from completion to a brief version stored after their extraction. */
  briefFresh: { interviews: number; fresh: number; p50: number; p99: number; max: number; missing: number };
  peakRssMb: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

async function queueDepth(t: TestApp): Promise<Record<string, number>> {
  const { rows } = await sql<{ name: string; n: string }>`
    select name, count(*) as n from pgboss.job
    where state in ('created', 'retry', 'active') and name in (${sql.join([...LOAD_QUEUES])})
    group by name`.execute(t.deps.db);
  return Object.fromEntries(LOAD_QUEUES.map((q) => [q, Number(rows.find((r) => r.name === q)?.n ?? 0)]));
}

async function waitUntilEmpty(t: TestApp, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const depth = await queueDepth(t);
    if (Object.values(depth).every((n) => n === 0)) return true;
    await sleep(250);
  }
  return false;
}

/**
 * Background work under a stream of finished interviews: this process starts working the
 * queues (every handler and the recurring schedules, as a worker process does), works off what
 * the book's generation queued, then stores `rate` completed interviews a second for `seconds`
 * — as the engine stores one, then queues its extraction — half of them at accounts inside
 * the renewal window, and watches the queues until they drain.
 */
export async function runLoad(
  t: TestApp,
  ws: { id: string },
  book: Book,
  options: { rate: number; seconds: number; drainTimeoutSeconds: number; sampleSeconds: number },
  log: (line: string) => void,
): Promise<LoadFigures & { backlogSeconds: number }> {
  await t.deps.jobs.work(t.deps);
  await t.deps.jobs.scheduleRecurring();
  const backlogStarted = performance.now();
  await waitUntilEmpty(t, options.drainTimeoutSeconds * 1000);
  const backlogSeconds = (performance.now() - backlogStarted) / 1000;
  // Only the jobs of the load count in the latency figures below.
  const loadStartedAt = new Date();

  const soon = book.accounts.filter((a) => a.renewsSoon);
  const others = book.accounts.filter((a) => !a.renewsSoon);
  const finished: { id: string; accountId: string; renewsSoon: boolean; at: number }[] = [];
  const db = tenant(t.deps.db, ws);
  let n = 0;
  const finishInterview = async () => {
    const i = n++;
    const pool = i % 2 === 0 && soon.length ? soon : others.length ? others : soon;
    const account = pool[Math.floor(i / 2) % pool.length]!;
    const ended = new Date();
    const interview = await db
      .insertInto('interviews')
      .values({
        guide_id: book.guide.id,
        guide_version_id: book.guide.versionId,
        account_id: account.id,
        contact_id: account.contact,
        channel: 'in_app',
        status: 'completed',
        state: {},
        cost_micros: 0,
        started_at: new Date(ended.getTime() - 8 * 60_000),
        ended_at: ended,
        last_activity_at: ended,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('messages')
      .values(
        [0, 1, 2].map((k) => ({
          interview_id: interview.id,
          seq: k * 2 + 2,
          role: 'customer' as const,
          text: ANSWERS[(i + k) % ANSWERS.length] as string,
        })),
      )
      .execute();
    await enqueueExtraction(t.deps, ws, interview.id);
    finished.push({ id: interview.id, accountId: account.id, renewsSoon: account.renewsSoon, at: ended.getTime() });
  };

  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const samples: LoadFigures['samples'] = [];
  let peakRss = process.memoryUsage().rss;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const depth = await queueDepth(t);
      samples.push({ at: elapsed(), depth });
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      log(`  ${elapsed().toFixed(0).padStart(5)} s  ${LOAD_QUEUES.map((q) => `${q} ${depth[q]}`).join(', ')}`);
      await sleep(options.sampleSeconds * 1000);
    }
  })();
  const total = Math.round(options.rate * options.seconds);
  for (let i = 0; i < total; i++) {
    const wait = started + (i / options.rate) * 1000 - performance.now();
    if (wait > 0) await sleep(wait);
    await finishInterview();
  }
  const loadEnded = elapsed();
  const drained = await waitUntilEmpty(t, options.drainTimeoutSeconds * 1000);
  const drainSeconds = drained ? elapsed() - loadEnded : Number.NaN;
  sampling = false;
  await sampler;
  samples.push({ at: elapsed(), depth: await queueDepth(t) });

  const { rows: jobs } = await sql<{ name: string; s: number; interview: string | null; done: Date }>`
    select name, extract(epoch from completed_on - created_on)::float8 as s, data->>'interviewId' as interview,
           completed_on as done
    from pgboss.job
    where state = 'completed' and created_on >= ${loadStartedAt} and name in (${sql.join([...LOAD_QUEUES])})`.execute(
    t.deps.db,
  );
  const latency: LoadFigures['latency'] = {};
  for (const q of LOAD_QUEUES) {
    const xs = jobs.filter((j) => j.name === q).map((j) => Number(j.s));
    if (xs.length)
      latency[q] = { jobs: xs.length, p50: percentile(xs, 50), p99: percentile(xs, 99), max: Math.max(...xs) };
  }

  // The promise: an answer at a renewing account is in its brief within 60 s.
  const extracted = new Map(
    jobs.filter((j) => j.name === 'extract-interview' && j.interview).map((j) => [j.interview, new Date(j.done)]),
  );
  const renewing = finished.filter((f) => f.renewsSoon);
  const briefs = renewing.length
    ? await db
        .selectFrom('briefs')
        .select(['subject_id', 'created_at'])
        .where('kind', '=', 'renewal')
        .where('subject_id', 'in', [...new Set(renewing.map((f) => f.accountId))])
        .where('created_at', '>=', loadStartedAt)
        .orderBy('created_at')
        .execute()
    : [];
  const delays: number[] = [];
  let missing = 0;
  for (const f of renewing) {
    const done = extracted.get(f.id);
    const brief = done && briefs.find((b) => b.subject_id === f.accountId && new Date(b.created_at) >= done);
    if (brief) delays.push((new Date(brief.created_at).getTime() - f.at) / 1000);
    else missing++;
  }
  return {
    rate: options.rate,
    seconds: options.seconds,
    interviews: total,
    samples,
    drainSeconds,
    latency,
    briefFresh: {
      interviews: renewing.length,
      fresh: delays.filter((d) => d <= 60).length,
      p50: percentile(delays, 50),
      p99: percentile(delays, 99),
      max: delays.length ? Math.max(...delays) : Number.NaN,
      missing,
    },
    peakRssMb: peakRss / 2 ** 20,
    backlogSeconds,
  };
}
