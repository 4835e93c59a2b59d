import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { createOpenAI } from '@ai-sdk/openai';
import { boot } from '@candor/api/boot';
import { insertGuide } from '@candor/api/guides/guide-store';
import { inviteContact, invitedOrRefused } from '@candor/api/interviews/invite-contact';
import { startInterview } from '@candor/api/interviews/start-interview';
import { signLinkToken } from '@candor/api/widget-auth/tokens';
import { answerJudgementSchema } from '@candor/shared';
import { encodeSse } from '@candor/shared/sse';
import { getRequestListener } from '@hono/node-server';
import { asSchema, generateText, Output } from 'ai';
import { Hono } from 'hono';
import { sql } from 'kysely';
import postgres from 'postgres';
import { createTestWorkspace, startTestApp, type TestApp } from '../tests/support/harness';
import { guideFixture } from '../tests/support/interview-fixtures';
import { benchRateLimits } from './support/bench-rate-limits';
import { CPU_SHARES, type CpuProfile, type CpuShare, splitCpuProfile } from './support/cpu-split';
import type { LoadJob } from './support/load-client';
import { type MemorySample, sampleMemory, slopePerMinute } from './support/memory-samples';
import { watchServerThread } from './support/server-thread';

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
const TURNS = 8;

/**
 * The stub model server, started in a worker thread; resolves with its base URL, a way to
 * collect its own timing of each streamed answer, keyed by turn tag, and its thread's busy
 * time so far.
 */
function startStubModel() {
  const worker = new Worker(new URL('./support/stub-model-server.ts', import.meta.url));
  const report = () =>
    new Promise<{ timings: [string, number][]; busyMs: number; calls: ModelCalls }>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage('timings');
    });
  const modelMs = async () => new Map((await report()).timings);
  const busyMs = async () => (await report()).busyMs;
  const calls = async () => (await report()).calls;
  // A soak forgets the timings of each round, so the bench's own bookkeeping does not grow.
  const forget = () => worker.postMessage('forget');
  return new Promise<{
    url: string;
    modelMs: typeof modelMs;
    busyMs: typeof busyMs;
    calls: typeof calls;
    forget: typeof forget;
    close: () => Promise<number>;
  }>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', ({ url }: { url: string }) =>
      resolve({ url, modelMs, busyMs, calls, forget, close: () => worker.terminate() }),
    );
  });
}

type StubModel = Awaited<ReturnType<typeof startStubModel>>;
/** The stub model's calls by kind: answer judgements and streamed replies. */
type ModelCalls = { judgements: number; replies: number };

// Turn tags are unique across every run in the process: they key the server and model timings.
let nextTag = 0;

type Pacing = NonNullable<LoadJob['pacing']>;

/**
 * Runs the customers of `interviews` through TURNS turns each against `url` from their own
 * thread (bench/support/load-client.ts); the wall time, what this thread — the server's —
 * and the machine went through meanwhile (see watchServerThread), and the customers' and
 * the stub model's busy time. Without pacing every customer answers the moment a reply ends
 * (saturation); with pacing each waits a customer's think time first.
 */
async function drive(stub: StubModel, url: string, interviews: LoadJob['interviews'], pacing?: Pacing) {
  const server = watchServerThread();
  const stubBefore = await stub.busyMs();
  const callsBefore = await stub.calls();
  const job: LoadJob = { url, interviews, turns: TURNS, firstTag: nextTag, ...(pacing ? { pacing } : {}) };
  const client = new Worker(new URL('./support/load-client.ts', import.meta.url), { workerData: job });
  try {
    const reply = await new Promise<{ result?: { seconds: number; nextTag: number; busyMs: number }; error?: string }>(
      (resolve, reject) => {
        client.once('message', resolve);
        client.once('error', reject);
      },
    );
    if (!reply.result) throw new Error(reply.error ?? 'the load client stopped');
    nextTag = reply.result.nextTag;
    return {
      seconds: reply.result.seconds,
      ...server.stop(),
      clientMs: reply.result.busyMs,
      stubMs: (await stub.busyMs()) - stubBefore,
      modelCalls: await callsSince(stub, callsBefore),
      // The machine is shared: its 1-minute load average says how quiet the load ran.
      loadAvg: loadavg()[0] ?? Number.NaN,
    };
  } finally {
    await client.terminate();
  }
}

async function callsSince(stub: StubModel, before: ModelCalls): Promise<ModelCalls> {
  const now = await stub.calls();
  return { judgements: now.judgements - before.judgements, replies: now.replies - before.replies };
}

/**
 * Serves `app` and times each turn on the server: from the request's arrival to the last
 * byte of its response leaving, keyed by the turn's `x-turn` header. Timed on the socket,
 * so the measuring adds nothing to the streams it measures.
 */
async function serveTimed(fetchApp: (req: Request) => Response | Promise<Response>) {
  const turnMs = new Map<string, number>();
  const listener = getRequestListener(fetchApp);
  const server = createServer((req, res) => {
    const started = performance.now();
    const tag = String(req.headers['x-turn'] ?? '');
    res.once('finish', () => turnMs.set(tag, performance.now() - started));
    void listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port, turnMs };
}

async function setUp(t: TestApp, n: number) {
  const ws = await createTestWorkspace(t, 'Bench Co');
  const topics = ['value', 'friction', 'support', 'wishes'].map((key) => ({
    key,
    question: `What can you tell us about ${key}?`,
    probing: 'Ask for an example.',
    follow_up: `Could you say more about ${key}?`,
    required: true,
  }));
  const guideId = await insertGuide(t.deps.db, ws, guideFixture({ topics, limits: { max_turns: 8, max_minutes: 60 } }));
  const contacts = await t.deps.db
    .insertInto('contacts')
    .values(Array.from({ length: n }, (_, i) => ({ workspace_id: ws.id, external_id: `b${i}`, attributes: {} })))
    .returning('id')
    .execute();
  const interviews: LoadJob['interviews'] = [];
  for (const c of contacts) {
    const { id, expires_at } = invitedOrRefused(
      await inviteContact(t.deps, ws, { contactId: c.id, guideId, channel: 'email' }),
    );
    await startInterview(t.deps, ws, id);
    interviews.push({ id, token: await signLinkToken(t.deps, ws.id, id, new Date(expires_at)) });
  }
  // A production database has planner statistics (autovacuum keeps them); a freshly filled one does not.
  await sql`analyze`.execute(t.deps.db);
  return interviews;
}

/**
 * A bare Hono route issuing the engine's statements for one turn with postgres.js and
 * nothing else: read the interview with its transcript and names, store the answer with
 * the advanced state (guarded), store the reply and settle the counters. No model, no
 * validation, no policy, no streaming.
 *
 * With `modelUrl` (`--baseline-with-model`, the default), the reply is also asked of the
 * stub model through the AI SDK's OpenAI provider, as the engine does, with a prompt of the
 * engine's size, and sent once complete: what the bare route costs when it pays for the
 * model call too. The goals are ratios against this one (issue #20's decision).
 *
 * With `judge` as well, it makes the engine's calls: an answer judgement (the AI SDK's
 * generateText with a structured output, as the engine asks it) beside the reply, on every
 * turn but the last (the engine's forced turn), so 1.875 calls a turn like the engine. The
 * ratio against it is the engine's cost of everything but its extra call.
 */
function baselineApp(url: string, modelUrl?: string, options: { judge?: boolean } = {}) {
  const pg = postgres(url, { max: 5, onnotice: () => {} });
  const app = new Hono();
  const fixedReply = 'Thanks, that helps. What would you change first?';
  const model = modelUrl ? createOpenAI({ apiKey: 'sk-bench', baseURL: modelUrl }).chat('gpt-4.1-mini') : undefined;
  // About what the engine sends per turn (its prompt tokens per interview over its calls).
  const instructions = 'You are a customer interviewer. Ask one short question at a time. '.repeat(36);
  const askModel = async (answer: string) => {
    if (!model) return fixedReply;
    const { stream } = await model.doStream({
      prompt: [
        { role: 'system', content: instructions },
        { role: 'user', content: [{ type: 'text', text: answer }] },
      ],
      temperature: 0.4,
    });
    let text = '';
    for await (const part of stream) if (part.type === 'text-delta') text += part.delta;
    return text;
  };
  // The judgement's instructions and prompt are about the engine's size too; its schema is
  // derived once, as the engine derives it.
  const judgeInstructions = 'You judge one answer a customer gave; you never reply to the customer. '.repeat(24);
  const judgementOutput = Output.object({ schema: asSchema(answerJudgementSchema), name: 'answer_judgement' });
  const judge = async (answer: string, seq: number) => {
    if (!model || !options.judge || seq >= 2 * TURNS) return;
    await generateText({
      model,
      instructions: judgeInstructions,
      prompt: `The interview's latest messages, oldest first:\nCustomer:\n<answer>${answer}</answer>\n\nJudge the customer's latest message.`,
      output: judgementOutput,
      temperature: 0,
      maxRetries: 0,
    });
  };
  app.post('/b/:id', async (c) => {
    const id = c.req.param('id');
    const { client_id, text } = await c.req.json<{ client_id: string; text: string }>();
    const [iv] = await pg`select i.*, w.name as product, w.interviewer_mode, ct.name as contact_name, a.name as company,
        (select coalesce(json_agg(m order by m.seq), '[]') from (select id, seq, role, text, client_id from messages
          where interview_id = i.id order by seq) m) as messages
      from interviews i join workspaces w on w.id = i.workspace_id
        left join contacts ct on ct.id = i.contact_id and ct.workspace_id = i.workspace_id
        left join accounts a on a.id = i.account_id and a.workspace_id = i.workspace_id
      where i.id = ${id}`;
    const next = Number(iv?.state?.next_seq ?? 2);
    const customer = randomUUID();
    const state = { ...iv?.state, next_seq: next + 2 };
    await pg`with advanced as (
        update interviews set state = ${pg.json(state)}::jsonb || jsonb_build_object('pending',
          coalesce(state -> 'pending', '{}'::jsonb) || ${pg.json({ [customer]: { reply_seq: next + 1 } })}::jsonb),
          last_activity_at = now()
        where id = ${id} and status = 'started' and coalesce((state ->> 'next_seq')::int, 1) = ${next}
        returning id, workspace_id)
      insert into messages (id, workspace_id, interview_id, seq, role, text, client_id)
      select ${customer}::uuid, workspace_id, id, ${next}::int, 'customer', ${text}::text, ${client_id}::text from advanced
      returning id`;
    // The engine asks for the judgement and the reply at once.
    const [reply] = await Promise.all([askModel(text), judge(text, next)]);
    await pg`with reply as (
        insert into messages (workspace_id, interview_id, seq, role, text, reply_to, mode, prompt_tokens, completion_tokens)
        values (${iv?.workspace_id}, ${id}, ${next + 1}, 'interviewer', ${reply}, ${customer}, 'ai', 1, 1)
        on conflict do nothing returning id),
      settled as (
        update interviews set state = state #- array['pending', ${customer}::text],
          prompt_tokens = prompt_tokens + 1, completion_tokens = completion_tokens + 1, last_activity_at = now()
        where id = ${id} and exists (select 1 from reply) returning id)
      select id from reply`;
    const events: [string, unknown][] = [
      ['delta', { text: reply }],
      ['message', { id: customer, role: 'interviewer', text: reply }],
      ['done', { status: 'started' }],
    ];
    return c.body(events.map(([e, d]) => encodeSse(e, JSON.stringify(d))).join(''), 200, {
      'content-type': 'text/event-stream',
    });
  });
  return { app, close: () => pg.end() };
}

/**
 * Works off the extraction of the `n` interviews finished so far with a worker of its own,
 * as a separate worker process would in production, and stops it: the web process under
 * measurement serves turns only, and no load pays for an earlier one's background work.
 */
async function extractFinished(t: TestApp, n: number) {
  const worker = await boot({ ...t.deps.config, runJobsInProcess: true }, { runJobs: true, log: t.deps.log });
  try {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const { rows } = await sql<{ n: string }>`select count(*) as n from pgboss.job
        where name = 'extract-interview' and state in ('completed', 'failed')`.execute(t.deps.db);
      if (Number(rows[0]?.n ?? 0) >= n) return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    return false;
  } finally {
    await worker.shutdown();
  }
}

/**
 * With `--profile`, records a CPU profile of this thread — the server's — while `work` runs,
 * and with `--heap-profile` a sampling profile of what it allocates (every 32 KB, objects
 * collected since included: the allocation rate, not what is retained); writes them where
 * Chrome's DevTools or `npx tsx bench/support/profile-summary.ts` read them.
 *
 * With `split` (the saturation loads, unless `--no-split`), a CPU profile is recorded in any
 * case — every 1 ms, every 0.2 ms with `--profile` — and split by what the thread spent its
 * time on (see cpu-split.ts): the shares the report turns into ms of CPU per turn. Every
 * load compared is recorded alike, so the profiler's own small cost is in all of them.
 */
async function profiled<T>(
  name: string,
  work: () => Promise<T>,
  options: { split?: boolean } = {},
): Promise<T & { split?: Record<CpuShare, number> }> {
  const write = process.argv.includes('--profile');
  const cpu = write || (options.split === true && !process.argv.includes('--no-split'));
  const heap = process.argv.includes('--heap-profile');
  if (!cpu && !heap) return (await work()) as T & { split?: Record<CpuShare, number> };
  const session = new Session();
  session.connect();
  if (cpu) {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: write ? 200 : 1000 });
    await session.post('Profiler.start');
  }
  if (heap)
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 32 * 1024,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  let split: Record<CpuShare, number> | undefined;
  let result: T;
  try {
    result = await work();
  } finally {
    if (cpu) {
      const { profile } = await session.post('Profiler.stop');
      if (options.split) split = splitCpuProfile(profile as CpuProfile);
      if (write) {
        const file = path.join(tmpdir(), `${name}.cpuprofile`);
        await writeFile(file, JSON.stringify(profile));
        console.log(`  (CPU profile of the server thread: ${file})`);
      }
    }
    if (heap) {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      const file = path.join(tmpdir(), `${name}.heapprofile`);
      await writeFile(file, JSON.stringify(profile));
      console.log(`  (allocation profile of the server thread: ${file})`);
    }
    session.disconnect();
  }
  return { ...result, ...(split ? { split } : {}) };
}

// Customers read the reply and type an answer: 3–9 s between turns, first answers spread over 6 s.
const CUSTOMER_PACE: Pacing = { firstMs: 6000, thinkMs: [3000, 9000] };

const flagValue = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

async function runOnce(n: number) {
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
  const stub = await startStubModel();
  // `--scripted` runs the same load with no model at all: the engine's own cost alone.
  const scripted = process.argv.includes('--scripted');
  // `--saturation` runs only the saturation load and its baseline, `--paced` only the load
  // at customer pace: the quick loops for profiling.
  const saturationOnly = process.argv.includes('--saturation');
  const pacedOnly = process.argv.includes('--paced');
  // `--soak=SECONDS`: the engine alone at customer pace for that long, its memory sampled.
  const soakSeconds = Number(flagValue('soak') ?? 0);
  // The process under measurement serves the API only, as web processes do at scale; a
  // worker of its own extracts finished interviews between loads.
  const t = await startTestApp(
    scripted
      ? { CANDOR_RUN_JOBS: 'false', CANDOR_RATE_LIMITS: benchRateLimits }
      : {
          CANDOR_RUN_JOBS: 'false',
          CANDOR_RATE_LIMITS: benchRateLimits,
          OPENAI_API_KEY: 'sk-bench',
          OPENAI_BASE_URL: stub.url,
          CANDOR_INTERVIEW_MODEL: 'gpt-4.1-mini',
          CANDOR_SYNTHESIS_MODEL: 'gpt-4.1-mini',
        },
  );
  const servers: Server[] = [];
  // The goals are ratios against a bare route that makes the engine's model call too
  // (`--baseline-with-model`, the default): asking the model is the work a turn exists for.
  // The bare route without the model stays as a secondary line, and is the baseline itself
  // with `--scripted`, where the engine asks no model either.
  const base = baselineApp(t.deps.config.databaseUrl!, scripted ? undefined : stub.url);
  const bare = scripted ? undefined : baselineApp(t.deps.config.databaseUrl!);
  // Secondary, the baseline making the engine's calls: a judgement beside the reply.
  const judging = scripted ? undefined : baselineApp(t.deps.config.databaseUrl!, stub.url, { judge: true });
  try {
    const engine = await serveTimed(t.app.fetch);
    const baseServer = await serveTimed(base.app.fetch);
    const bareServer = bare ? await serveTimed(bare.app.fetch) : undefined;
    const judgingServer = judging ? await serveTimed(judging.app.fetch) : undefined;
    servers.push(
      engine.server,
      baseServer.server,
      ...(bareServer ? [bareServer.server] : []),
      ...(judgingServer ? [judgingServer.server] : []),
    );
    const engineUrl = `http://127.0.0.1:${engine.port}/v1/widget/interviews/{id}/messages`;
    const baseUrl = `http://127.0.0.1:${baseServer.port}/b/{id}`;
    const bareUrl = bareServer && `http://127.0.0.1:${bareServer.port}/b/{id}`;
    const judgingUrl = judgingServer && `http://127.0.0.1:${judgingServer.port}/b/{id}`;
    // Server time per turn minus the model call's own time.
    const overheadOf = async (turnMs: Map<string, number>) => {
      const modelMs = await stub.modelMs();
      return [...turnMs].map(([tag, ms]) => ms - (modelMs.get(tag) ?? 0));
    };

    // Servers that have been up a while: their code is compiled and their caches are warm.
    // The warm-up interviews are not measured and are extracted before anything is.
    const warmUp = Math.min(n, 50);
    await drive(stub, engineUrl, await setUp(t, warmUp));
    await drive(stub, baseUrl, await setUp(t, warmUp));
    if (bareUrl) await drive(stub, bareUrl, await setUp(t, warmUp));
    if (judgingUrl) await drive(stub, judgingUrl, await setUp(t, warmUp));
    let finishedInterviews = warmUp;
    let extracted = await extractFinished(t, finishedInterviews);
    engine.turnMs.clear();
    baseServer.turnMs.clear();
    bareServer?.turnMs.clear();
    judgingServer?.turnMs.clear();
    stub.forget();

    if (soakSeconds > 0) return await soak({ t, stub, engine, engineUrl, n, seconds: soakSeconds, overheadOf });

    // Customer pace first, then saturation; the engine, then the baseline under the same
    // load. Each engine load starts only once the extraction of the interviews finished
    // before it is done, so no load pays for an earlier one's work.
    let paced: Figures['paced'];
    if (!saturationOnly) {
      const pacedInterviews = await setUp(t, n);
      // Every interview is live for most of the paced minute: the memory read then is the
      // memory of n live interviews.
      const memory = sampleMemory(1000);
      const run = await profiled(`turn-overhead-engine-paced-${n}`, () =>
        drive(stub, engineUrl, pacedInterviews, CUSTOMER_PACE),
      );
      const engineMemory = memory.stop();
      const overhead = await overheadOf(engine.turnMs);
      console.log(`  (engine at customer pace done in ${run.seconds.toFixed(1)} s)`);
      finishedInterviews += n;
      extracted = await extractFinished(t, finishedInterviews);
      const baseMemory = sampleMemory(1000);
      const baseRun = await drive(stub, baseUrl, await setUp(t, n), CUSTOMER_PACE);
      paced = {
        seconds: run.seconds,
        overhead,
        baselineMs: await overheadOf(baseServer.turnMs),
        run,
        baseRun,
        memory: engineMemory,
        baselineMemory: baseMemory.stop(),
      };
      engine.turnMs.clear();
      baseServer.turnMs.clear();
      console.log(`  (baseline at customer pace done in ${baseRun.seconds.toFixed(1)} s)`);
    }
    if (pacedOnly) return report({ n, scripted, paced });

    const saturated = await setUp(t, n);
    const flat = await profiled(`turn-overhead-engine-${n}`, () => drive(stub, engineUrl, saturated), { split: true });
    const flatOverhead = await overheadOf(engine.turnMs);
    console.log(`  (engine at saturation done in ${flat.seconds.toFixed(1)} s)`);
    const ids = saturated.map((i) => i.id);
    const completed = await t.deps.db
      .selectFrom('interviews')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('id', 'in', ids)
      .where('status', '=', 'completed')
      .executeTakeFirstOrThrow();
    finishedInterviews += n;
    extracted = saturationOnly ? false : (await extractFinished(t, finishedInterviews)) && extracted;
    const tokensRow = await t.deps.db
      .selectFrom('interviews')
      .select((eb) => [eb.fn.sum<string>('prompt_tokens').as('p'), eb.fn.sum<string>('completion_tokens').as('c')])
      .where('id', 'in', ids)
      .executeTakeFirstOrThrow();
    const baseInterviews = await setUp(t, n);
    const baseline = await profiled(`turn-overhead-baseline-${n}`, () => drive(stub, baseUrl, baseInterviews), {
      split: true,
    });
    const bareRun = bareUrl && bareServer ? await drive(stub, bareUrl, await setUp(t, n)) : undefined;
    const judgingInterviews = judgingUrl ? await setUp(t, n) : [];
    const judgingRun =
      judgingUrl && judgingServer
        ? await profiled(`turn-overhead-baseline-calls-${n}`, () => drive(stub, judgingUrl, judgingInterviews), {
            split: true,
          })
        : undefined;

    report({
      n,
      scripted,
      paced,
      saturated: { ...flat, overhead: flatOverhead, completed: Number(completed.n) },
      baseline: { ...baseline, ms: await overheadOf(baseServer.turnMs) },
      ...(bareRun && bareServer ? { bare: { ...bareRun, ms: await overheadOf(bareServer.turnMs) } } : {}),
      ...(judgingRun && judgingServer
        ? { engineCalls: { ...judgingRun, ms: await overheadOf(judgingServer.turnMs) } }
        : {}),
      modelMs: [...(await stub.modelMs()).values()],
      tokens: { prompt: Number(tokensRow.p) / n, completion: Number(tokensRow.c) / n, extracted },
    });
  } finally {
    for (const server of servers) server.close();
    await base.close();
    await bare?.close();
    await judging?.close();
    await stub.close();
    await t.close();
  }
}

/**
 * `--soak=SECONDS`: round after round of n fresh interviews at customer pace through the
 * engine, for that long, with the process's RSS and the server thread's heap read every
 * 5 s. A server that keeps something per turn or per interview grows; one that does not
 * stays flat once its heap has found its size, so the slope is fitted after the first round,
 * and again over the second half of the rounds, once the heap's own rise has settled. With
 * `--heap-snapshots`, the server thread's heap is written after the first round and after
 * the last, for `npx tsx bench/support/heap-diff.ts FIRST LAST` to say what grew.
 */
async function soak(run: {
  t: TestApp;
  stub: StubModel;
  engine: Awaited<ReturnType<typeof serveTimed>>;
  engineUrl: string;
  n: number;
  seconds: number;
  overheadOf: (turnMs: Map<string, number>) => Promise<number[]>;
}) {
  const { t, stub, engine, engineUrl, n, seconds } = run;
  const snapshots = process.argv.includes('--heap-snapshots');
  // Written once the round's interviews are done: only what the server keeps is live.
  const heapSnapshot = (when: string) =>
    writeHeapSnapshot(path.join(tmpdir(), `turn-overhead-soak-${when}.heapsnapshot`));
  const p = (xs: number[]) => `p50 ${ms(percentile(xs, 50))}, p99 ${ms(percentile(xs, 99))}`;
  console.log(`\nSoak: ${n} interviews at a time × ${TURNS} turns at customer pace, for ${seconds} s, Postgres`);
  const memory = sampleMemory(5000);
  const started = performance.now();
  let settledAtMs: number | undefined;
  // When each round began: the slope after warm-up is fitted over the second half of them.
  const roundStarts: number[] = [];
  for (let round = 1; performance.now() - started < seconds * 1000; round++) {
    roundStarts.push(performance.now() - started);
    const load = await drive(stub, engineUrl, await setUp(t, n), CUSTOMER_PACE);
    const overhead = await run.overheadOf(engine.turnMs);
    // The bench's own bookkeeping of the round is let go, so only the server's memory remains.
    engine.turnMs.clear();
    stub.forget();
    const { rss, heapUsed } = process.memoryUsage();
    console.log(
      `  round ${round} (${((performance.now() - started) / 60_000).toFixed(1)} min): server time per turn excluding the model ${p(overhead)}; ${load.gcPauses.young.length} young-generation GC pauses; RSS ${(rss / 2 ** 20).toFixed(0)} MB, server heap ${(heapUsed / 2 ** 20).toFixed(0)} MB; load average ${load.loadAvg.toFixed(2)}`,
    );
    settledAtMs ??= performance.now() - started;
    // `--heap-snapshots`: what is live after the first round, to compare with after the last.
    if (round === 1 && snapshots) console.log(`  (heap snapshot after round 1: ${heapSnapshot('round-1')})`);
  }
  if (snapshots) console.log(`  (heap snapshot after the last round: ${heapSnapshot('last-round')})`);
  const samples = memory.stop();
  const after = samples.filter((s) => s.atMs >= (settledAtMs ?? 0));
  const line = samples
    .filter((_, i) => i % 6 === 0)
    .map((s) => `${(s.atMs / 60_000).toFixed(1)} min ${s.rssMb.toFixed(0)}/${s.heapMb.toFixed(0)}`)
    .join(', ');
  console.log(`  RSS/server heap in MB every 30 s: ${line}`);
  console.log(
    `  slope after the first round (${after.length} samples, least squares): RSS ${slopePerMinute(after, (s) => s.rssMb).toFixed(2)} MB/min, server heap ${slopePerMinute(after, (s) => s.heapMb).toFixed(2)} MB/min (goal: no growth)`,
  );
  // A heap finding its size grows for minutes before it levels off, and that rise weighs on
  // a slope fitted over the whole run: the second half of the rounds shows what follows.
  const half = Math.floor(roundStarts.length / 2);
  const secondHalf = samples.filter((s) => s.atMs >= (roundStarts[half] ?? Number.POSITIVE_INFINITY));
  console.log(
    roundStarts.length < 2
      ? '  slope after warm-up: too few rounds for a second half'
      : `  slope after warm-up, over the second half of the rounds (rounds ${half + 1}–${roundStarts.length}, from ${((roundStarts[half] ?? 0) / 60_000).toFixed(1)} min, ${secondHalf.length} samples, least squares): RSS ${slopePerMinute(secondHalf, (s) => s.rssMb).toFixed(2)} MB/min, server heap ${slopePerMinute(secondHalf, (s) => s.heapMb).toFixed(2)} MB/min`,
  );
  console.log(
    `  machine load average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${availableParallelism()} cores`,
  );
}

/** One load's figures; `split` when its CPU profile was split (see profiled). */
type Load = Awaited<ReturnType<typeof drive>> & { split?: Record<CpuShare, number> };

type Figures = {
  n: number;
  scripted: boolean;
  paced?: {
    seconds: number;
    overhead: number[];
    baselineMs: number[];
    run: Load;
    baseRun: Load;
    memory: MemorySample[];
    baselineMemory: MemorySample[];
  };
  saturated?: Load & { overhead: number[]; completed: number };
  baseline?: Load & { ms: number[] };
  /** The bare route without the model: a secondary line beside a baseline that calls it. */
  bare?: Load & { ms: number[] };
  /** The baseline making the engine's calls (a judgement beside the reply): a secondary line. */
  engineCalls?: Load & { ms: number[] };
  modelMs?: number[];
  tokens?: { prompt: number; completion: number; extracted: boolean };
};

/** A ratio against its goal, e.g. `0.81 (goal ≥ 0.75, met)`. */
const against = (ratio: number, goal: number, at: 'least' | 'most') =>
  `${ratio.toFixed(2)} (goal ${at === 'least' ? '≥' : '≤'} ${goal}, ${(at === 'least' ? ratio >= goal : ratio <= goal) ? 'met' : 'missed'})`;

function report({ n, scripted, paced, saturated, baseline, bare, engineCalls, modelMs, tokens }: Figures) {
  const turns = n * TURNS;
  const p = (xs: number[]) => `p50 ${ms(percentile(xs, 50))}, p99 ${ms(percentile(xs, 99))}`;
  const model = scripted ? 'scripted interviewer, no model' : 'stub model answering at once';
  const baseName = scripted
    ? 'bare Hono + postgres.js, the engine’s statements, no model'
    : 'bare Hono + postgres.js, the engine’s statements and one model call through the AI SDK provider';
  console.log(`\nTurn overhead, ${n} concurrent interviews × ${TURNS} turns, Postgres, ${model}`);
  console.log(`  baseline: ${baseName}`);
  const late = (d: Load['loopDelayMs']) => `p99 ${ms(d.p99)}, max ${ms(d.max)}`;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const pauses = ({ young, old }: Load['gcPauses']) =>
    `${young.length} young-generation pauses (${ms(sum(young))} in all, max ${ms(Math.max(0, ...young))}), ${old.length} old-generation (${ms(sum(old))} in all)`;
  const loads = (...runs: Load[]) => runs.map((r) => r.loadAvg.toFixed(2)).join(', ');
  // Extraction runs in a worker of its own between loads: these are the turns' calls alone.
  const calls = ({ modelCalls: c }: Load) =>
    `${((c.judgements + c.replies) / turns).toFixed(3)} (judgements ${(c.judgements / turns).toFixed(3)}, replies ${(c.replies / turns).toFixed(3)})`;
  const ratios: string[] = [];
  if (paced) {
    const { run, baseRun } = paced;
    const peak = (xs: MemorySample[], y: (s: MemorySample) => number) => Math.max(...xs.map(y)).toFixed(0);
    console.log(
      `  at customer pace (${(turns / paced.seconds).toFixed(0)} turns/s offered): server time per turn excluding the model: engine ${p(paced.overhead)}; baseline ${p(paced.baselineMs)}\n` +
        `    server thread CPU per turn: engine ${ms(run.cpuMs / turns)}, baseline ${ms(baseRun.cpuMs / turns)}\n` +
        `    model calls per turn: engine ${calls(run)}, baseline ${calls(baseRun)}\n` +
        `    server event loop late by: engine ${late(run.loopDelayMs)}; baseline ${late(baseRun.loopDelayMs)}\n` +
        `    garbage collection on the server thread: engine ${pauses(run.gcPauses)}; baseline ${pauses(baseRun.gcPauses)}\n` +
        `    memory with ${n} live interviews, peak: engine RSS ${peak(paced.memory, (s) => s.rssMb)} MB, server heap ${peak(paced.memory, (s) => s.heapMb)} MB; baseline RSS ${peak(paced.baselineMemory, (s) => s.rssMb)} MB, server heap ${peak(paced.baselineMemory, (s) => s.heapMb)} MB (one process: the RSS also holds the customers’ and the stub model’s threads)\n` +
        `    machine load average at the end of each load: engine ${loads(run)}, baseline ${loads(baseRun)}`,
    );
    const r = (q: number) => percentile(paced.overhead, q) / percentile(paced.baselineMs, q);
    ratios.push(
      `server time per turn excluding the model at customer pace, p50 ${against(r(50), 1.3, 'most')}, p99 ${against(r(99), 1.5, 'most')}`,
    );
    const young = (l: Load) => l.gcPauses.young;
    ratios.push(
      `young-generation GC pauses on the server thread at customer pace ${against(young(run).length / young(baseRun).length, 1.5, 'most')} (${young(run).length} vs ${young(baseRun).length}; their time ${(sum(young(run)) / sum(young(baseRun))).toFixed(2)}×)`,
    );
  }
  if (saturated && baseline) {
    const rate = (run: Load) => turns / run.seconds;
    // The server thread's busy time per turn: what one turn costs the thread that serves it.
    const loopMs = (run: Load) =>
      `server thread ${(run.busy * 100).toFixed(0)}% busy, ${ms(run.busyMs / turns)} of it per turn, CPU ${ms(run.cpuMs / turns)} per turn`;
    // And the whole machine's, split by who spent it: with every core busy, throughput is
    // bounded by this, whichever thread is the server's. The stub model's share is CPU a
    // model on another machine would not take from the engine.
    const machine = (run: Load) => {
      if (run.machineMs === undefined) return 'not measured here (no /proc/stat)';
      const { stubMs } = run;
      const rest = run.machineMs - run.busyMs - run.clientMs - stubMs;
      const share = (x: number) => ms(x / turns);
      return `${share(run.machineMs)} (${((100 * run.machineMs) / (run.seconds * 1000 * availableParallelism())).toFixed(0)}% of the machine): server ${share(run.busyMs)}, customers ${share(run.clientMs)}${stubMs ? `, stub model ${share(stubMs)}` : ''}, Postgres and the rest ${share(rest)}`;
    };
    console.log(`  at saturation (answers sent the moment a reply ends):`);
    console.log(
      `    engine: ${rate(saturated).toFixed(0)} turns/s; server time per turn excluding the model ${p(saturated.overhead)} (mostly queueing); ${saturated.completed}/${n} completed; ${loopMs(saturated)}`,
    );
    console.log(`    baseline: ${rate(baseline).toFixed(0)} turns/s; per turn ${p(baseline.ms)}; ${loopMs(baseline)}`);
    console.log(`    model calls per turn: engine ${calls(saturated)}, baseline ${calls(baseline)}`);
    if (bare)
      console.log(
        `    secondary, the bare route without the model: ${rate(bare).toFixed(0)} turns/s; per turn ${p(bare.ms)}; ${loopMs(bare)}; engine/bare ${(rate(saturated) / rate(bare)).toFixed(2)}`,
      );
    if (engineCalls)
      console.log(
        `    secondary, the baseline making the engine’s calls (a judgement beside the reply): ${rate(engineCalls).toFixed(0)} turns/s; per turn ${p(engineCalls.ms)}; ${loopMs(engineCalls)}; model calls per turn ${calls(engineCalls)}`,
      );
    // Where the thread's CPU per turn went (cpu-split.ts): its measured CPU per turn shared
    // out as the CPU profile of the same load was.
    const split = (run: Load) => {
      if (!run.split) return 'not recorded (--no-split)';
      const shares = run.split;
      const busy = CPU_SHARES.reduce((a, k) => a + shares[k], 0);
      const perTurn = (k: CpuShare) => (run.cpuMs / turns) * (shares[k] / busy);
      return `${ms(run.cpuMs / turns)} = ${CPU_SHARES.map((k) => `${k} ${perTurn(k).toFixed(2)}`).join(', ')}`;
    };
    console.log(`    server thread CPU per turn by what it went on (ms, from a CPU profile of each load):`);
    console.log(`      engine: ${split(saturated)}`);
    console.log(`      baseline: ${split(baseline)}`);
    if (engineCalls) console.log(`      baseline making the engine’s calls: ${split(engineCalls)}`);
    console.log(`    machine CPU per turn, engine: ${machine(saturated)}`);
    console.log(`    machine CPU per turn, baseline: ${machine(baseline)}`);
    console.log(
      `    machine load average at the end of each load: engine ${loads(saturated)}, baseline ${loads(baseline)}${bare ? `, bare ${loads(bare)}` : ''}${engineCalls ? `, baseline making the engine’s calls ${loads(engineCalls)}` : ''}`,
    );
    ratios.unshift(
      `throughput at saturation ${against(rate(saturated) / rate(baseline), 0.75, 'least')}`,
      `server thread CPU per turn at saturation ${(saturated.cpuMs / baseline.cpuMs).toFixed(2)} (${ms(saturated.cpuMs / turns)} vs ${ms(baseline.cpuMs / turns)}; no goal: what bounds the throughput ratio on a crowded machine)`,
    );
    if (engineCalls)
      ratios.push(
        `secondary, against the baseline making the engine’s calls: throughput ${(rate(saturated) / rate(engineCalls)).toFixed(2)}, server thread CPU per turn ${(saturated.cpuMs / engineCalls.cpuMs).toFixed(2)} (${ms(saturated.cpuMs / turns)} vs ${ms(engineCalls.cpuMs / turns)}): the engine’s cost of everything but its extra call`,
      );
  }
  if (modelMs && !scripted) console.log(`  model call (stub, its own thread) ${p(modelMs)}`);
  if (tokens)
    console.log(
      `  tokens per completed interview, ${tokens.extracted ? 'extraction included' : 'extraction not (all) included'}: prompt ${tokens.prompt.toFixed(0)}, completion ${tokens.completion.toFixed(0)}`,
    );
  if (ratios.length) {
    console.log(
      `  engine/baseline, one run (${availableParallelism()} cores, load average now ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}):`,
    );
    for (const line of ratios) console.log(`    ${line}`);
  }
}

/** `bench/turn-overhead`: the engine's own cost per turn at 100 and 500 concurrent interviews. */
export async function benchTurnOverhead() {
  // `npm run bench -- turn-overhead --interviews=20 [--saturation | --paced] [--scripted] [--soak=600]` for a quick run.
  const sizes = (flagValue('interviews') ?? (flagValue('soak') ? '500' : '100,500')).split(',').map(Number);
  for (const n of sizes) await runOnce(n);
}
