import { tenant } from '@candor/api/db/tenant';
import { enqueueExtraction } from '@candor/api/interviews/enqueue-extraction';
import { sql } from 'kysely';
import { createTestWorkspace, startTestApp, type TestApp } from '../tests/support/harness';
import { listenChatCompletions, sendCompletion } from './support/chat-completions';

const flag = (name: string, fallback: number) => {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return raw === undefined ? fallback : Number(raw);
};
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// What customers answer: some of it trips the rules (churn, expansion, wants a human), most not.
const ANSWERS = [
  'We use it every day for the weekly report and it saves us hours.',
  'Honestly we are thinking about switching to Zendesk because of the price.',
  'We will need 20 more seats next quarter when the new team starts.',
  'Could someone call me about the invoice? I would like to talk to a human.',
  'The export is slow and it would be great if it supported CSV.',
  'Nothing to add, it works fine for us.',
];
const QUEUES = ['extract-interview', 'recompute-health', 'deliver-webhook'] as const;

/**
 * `npm run bench -- jobs`: background work under a stream of finished interviews, on Postgres
 * with one process working the queues. Each finished interview is stored as the engine stores
 * it and handed to extraction, which queues its account's health recompute. Prints queue depth
 * over time, each queue's time from queued to done, and how long the backlog takes to drain
 * once the stream stops. Flags: --rate=1 (finished interviews per second; 1/s is what 2,000
 * live interviews of ~30 minutes produce), --seconds=60, --accounts=520, --model-ms=N (extraction
 * calls a local stub model answering after N ms instead of using the rules), --backlog=N (N
 * interviews queued with no worker running, then drained by one: the capacity).
 */
export async function benchJobsDrain() {
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
  const rate = flag('rate', 1);
  const seconds = flag('seconds', 60);
  const accountCount = flag('accounts', 520);
  const modelMs = flag('model-ms', -1);
  const backlog = flag('backlog', 0);

  const stub =
    modelMs >= 0
      ? await listenChatCompletions((body, raw, res) => {
          const usage = { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: 12 };
          setTimeout(() => sendCompletion(res, body.model, '{"signals":[]}', usage), modelMs);
        })
      : undefined;
  // Jobs are queued but not worked until the bench starts the worker (as a web process does).
  const t = await startTestApp({
    CANDOR_RUN_JOBS: 'false',
    ...(stub
      ? { OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: stub.url, CANDOR_SYNTHESIS_MODEL: 'extraction-bench' }
      : {}),
  });
  try {
    const ws = await createTestWorkspace(t, 'Bench Co');
    const accounts = await seedBook(t, ws, accountCount);
    const guide = await t.deps.db
      .selectFrom('guides')
      .innerJoin('guide_versions', 'guide_versions.guide_id', 'guides.id')
      .select(['guides.id', 'guide_versions.id as version_id'])
      .where('guides.workspace_id', '=', ws.id)
      .executeTakeFirstOrThrow();
    let n = 0;
    const finishInterview = async () => {
      const i = n++;
      const account = accounts[i % accounts.length] as { id: string; contact: string };
      const interview = await t.deps.db
        .insertInto('interviews')
        .values({
          workspace_id: ws.id,
          guide_id: guide.id,
          guide_version_id: guide.version_id,
          account_id: account.id,
          contact_id: account.contact,
          channel: 'in_app',
          status: 'completed',
          state: {},
          cost_micros: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.deps.db
        .insertInto('messages')
        .values(
          [0, 1, 2].map((k) => ({
            workspace_id: ws.id,
            interview_id: interview.id,
            seq: k * 2 + 2,
            role: 'customer',
            text: ANSWERS[(i + k) % ANSWERS.length] as string,
          })),
        )
        .execute();
      await enqueueExtraction(t.deps, ws, interview.id);
    };

    // Capacity: a backlog queued while no worker runs, then one worker started on it.
    let capacity = '';
    if (backlog > 0) {
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next++ < backlog) await finishInterview();
        }),
      );
      const from = performance.now();
      await t.deps.jobs.work(t.deps);
      await waitUntilEmpty(t, 600_000);
      const s = (performance.now() - from) / 1000;
      const health = (await queueLatency(t)).get('recompute-health')?.length ?? 0;
      capacity = `  backlog of ${backlog} finished interviews: drained in ${s.toFixed(1)} s by one process (${(backlog / s).toFixed(1)} interviews/s; ${health} health recomputes after coalescing per account)`;
    } else await t.deps.jobs.work(t.deps);
    await sql`delete from pgboss.job where name in ('extract-interview', 'recompute-health', 'deliver-webhook')`.execute(
      t.deps.db,
    );

    // The stream: interviews finishing at a steady rate while the worker keeps up (or not).
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    const samples: string[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const depth = await queueDepth(t);
        samples.push(
          `  ${elapsed().toFixed(0).padStart(4)} s  ${QUEUES.map((q) => `${q} ${depth.get(q) ?? 0}`).join(', ')}`,
        );
        await sleep(5000);
      }
    })();
    const total = Math.round(rate * seconds);
    for (let i = 0; i < total; i++) {
      const wait = started + (i / rate) * 1000 - performance.now();
      if (wait > 0) await sleep(wait);
      await finishInterview();
    }
    const loadEnded = elapsed();
    const drained = (await waitUntilEmpty(t, 600_000)) ? elapsed() - loadEnded : Number.NaN;
    sampling = false;
    await sampler;

    const latency = await queueLatency(t);
    console.log(
      `\nBackground work, Postgres, one process working the queues: ${total} interviews finishing at ${rate}/s over ${seconds} s, ${accountCount} accounts, extraction by ${stub ? `a stub model answering in ${modelMs} ms` : 'the rules (no model)'}`,
    );
    if (capacity) console.log(capacity);
    console.log('  queue depth (queued + running) over time:');
    for (const line of samples) console.log(line);
    console.log(
      `  load ended at ${loadEnded.toFixed(1)} s; backlog drained ${Number.isNaN(drained) ? 'NOT within 600 s' : `${drained.toFixed(1)} s after it`} (goal ≤ 60 s)`,
    );
    for (const q of QUEUES) {
      const l = latency.get(q);
      if (!l?.length) continue;
      console.log(
        `  ${q}: ${l.length} jobs run, queued → done p50 ${percentile(l, 50).toFixed(2)} s, p99 ${percentile(l, 99).toFixed(2)} s, max ${Math.max(...l).toFixed(2)} s`,
      );
    }
  } finally {
    await t.close();
    stub?.server.close();
  }
}

/** Accounts with a contact each and a month of usage, so health has something to read. */
async function seedBook(t: TestApp, ws: { id: string }, count: number) {
  const db = tenant(t.deps.db, ws);
  const rows = await db
    .insertInto('accounts')
    .values(
      Array.from({ length: count }, (_, a) => ({
        external_id: `a${a}`,
        name: `Account ${a}`,
        attributes: {},
        health_reasons: [],
      })),
    )
    .returning('id')
    .execute();
  const contacts = await db
    .insertInto('contacts')
    .values(rows.map((r, a) => ({ account_id: r.id, external_id: `c${a}`, attributes: {} })))
    .returning(['id', 'account_id'])
    .execute();
  await sql`
    insert into events (workspace_id, account_id, name, properties, occurred_at)
    select ${ws.id}::uuid, a.id, 'login', '{}'::jsonb, now() - (d || ' days')::interval
    from accounts a, generate_series(1, 60) d
    where a.workspace_id = ${ws.id}::uuid and (d + abs(hashtext(a.id::text))) % 3 = 0`.execute(t.deps.db);
  return contacts.map((c) => ({ id: c.account_id as string, contact: c.id }));
}

/** Polls until no extraction, health or webhook job is queued or running; false on timeout. */
async function waitUntilEmpty(t: TestApp, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const depth = await queueDepth(t);
    if (QUEUES.every((q) => (depth.get(q) ?? 0) === 0)) return true;
    await sleep(250);
  }
  return false;
}

async function queueDepth(t: TestApp) {
  const { rows } = await sql<{ name: string; n: string }>`
    select name, count(*) as n from pgboss.job
    where state in ('created', 'retry', 'active') group by name`.execute(t.deps.db);
  return new Map(rows.map((r) => [r.name, Number(r.n)]));
}

async function queueLatency(t: TestApp) {
  const { rows } = await sql<{ name: string; s: number }>`
    select name, extract(epoch from completed_on - created_on)::float8 as s from pgboss.job
    where state = 'completed' and name in ('extract-interview', 'recompute-health', 'deliver-webhook')`.execute(
    t.deps.db,
  );
  const by = new Map<string, number[]>();
  for (const r of rows) by.set(r.name, [...(by.get(r.name) ?? []), Number(r.s)]);
  return by;
}
