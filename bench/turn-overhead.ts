import { Worker } from 'node:worker_threads';
import { insertGuide } from '@candor/api/guides/guide-store';
import { inviteContact } from '@candor/api/interviews/invite-contact';
import { startInterview } from '@candor/api/interviews/start-interview';
import { signLinkToken } from '@candor/api/widget-auth/tokens';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { sql } from 'kysely';
import postgres from 'postgres';
import { createTestWorkspace, startTestApp, type TestApp } from '../tests/support/harness';
import { guideFixture } from '../tests/support/interview-fixtures';

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
const TURNS = 8;
// Four required topics: short answer (probe) then a full one per topic = eight customer turns.
const answerFor = (turn: number, tag: string) =>
  turn % 2 === 0 ? `Not much ${tag}` : `We use it every day across three teams for reporting and alerts ${tag}`;

/** The stub model server, started in a worker thread; resolves with its base URL. */
function startStubModel(): Promise<{ close: () => Promise<number>; url: string }> {
  const worker = new Worker(new URL('./stub-model-server.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', ({ url }: { url: string }) => resolve({ url, close: () => worker.terminate() }));
  });
}

/** Times every streamed model call, keyed by the turn tag in the latest customer message. */
function timeModelCalls(stubUrl: string) {
  const modelMs = new Map<string, number>();
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === 'string' ? init.body : '';
    const tags = url.startsWith(stubUrl) && body.includes('"stream":true') ? body.match(/\[t:\d+\]/g) : null;
    if (!tags) return original(input, init);
    const tag = tags.at(-1)!;
    const started = performance.now();
    const res = await original(input, init);
    const timed = res.body?.pipeThrough(
      new TransformStream({
        flush() {
          modelMs.set(tag, (modelMs.get(tag) ?? 0) + performance.now() - started);
        },
      }),
    );
    return new Response(timed, { status: res.status, headers: res.headers });
  };
  return { modelMs, restore: () => (globalThis.fetch = original) };
}

async function readAll(res: Response) {
  const text = await res.text();
  if (res.status !== 200 || !text.includes('event: done'))
    throw new Error(`turn failed: ${res.status} ${text.slice(0, 200)}`);
}

/** Runs `interviews` clients through TURNS turns each against `post`; per-turn times and wall time. */
async function drive(interviews: string[], post: (id: string, clientId: string, text: string) => Promise<Response>) {
  const turnMs = new Map<string, number>();
  let seq = 0;
  const started = performance.now();
  await Promise.all(
    interviews.map(async (id) => {
      for (let turn = 0; turn < TURNS; turn++) {
        const tag = `[t:${seq++}]`;
        const s = performance.now();
        await readAll(await post(id, tag, answerFor(turn, tag)));
        turnMs.set(tag, performance.now() - s);
      }
    }),
  );
  return { turnMs, seconds: (performance.now() - started) / 1000 };
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
  const ids: string[] = [];
  const tokens = new Map<string, string>();
  for (const c of contacts) {
    const { id, expires_at } = await inviteContact(t.deps, ws, { contactId: c.id, guideId, channel: 'email' });
    await startInterview(t.deps, ws, id);
    tokens.set(id, await signLinkToken(t.deps, ws.id, id, new Date(expires_at)));
    ids.push(id);
  }
  return { ws, ids, tokens };
}

/** A bare Hono route doing the engine's inserts and selects for one turn with postgres.js, no model. */
function baselineApp(url: string) {
  const pg = postgres(url, { max: 5, onnotice: () => {} });
  const app = new Hono();
  app.post('/b/:id', async (c) => {
    const id = c.req.param('id');
    const { client_id, text } = await c.req.json<{ client_id: string; text: string }>();
    const customer = await pg.begin(async (tx) => {
      const [iv] = await tx`select state from interviews where id = ${id} for update`;
      const [dup] = await tx`select id from messages where interview_id = ${id} and client_id = ${client_id}`;
      if (dup) return dup.id as string;
      const next = Number(iv?.state?.next_seq ?? 2);
      const [m] = await tx`insert into messages (workspace_id, interview_id, seq, role, text, client_id)
        select workspace_id, id, ${next}, 'customer', ${text}, ${client_id} from interviews where id = ${id} returning id`;
      await tx`update interviews set state = ${tx.json({ ...iv?.state, next_seq: next + 2 })}, last_activity_at = now() where id = ${id}`;
      return m!.id as string;
    });
    const reply = 'Thanks, that helps. What would you change first?';
    await pg.begin(async (tx) => {
      const [iv] = await tx`select state from interviews where id = ${id} for update`;
      const seq = Number(iv?.state?.next_seq ?? 4) - 1;
      await tx`insert into messages (workspace_id, interview_id, seq, role, text, reply_to, mode)
        select workspace_id, id, ${seq}, 'interviewer', ${reply}, ${customer}, 'ai' from interviews where id = ${id}`;
      await tx`select distinct mode from messages where interview_id = ${id} and reply_to is not null`;
      await tx`update interviews set prompt_tokens = prompt_tokens + 1, last_activity_at = now() where id = ${id}`;
    });
    await pg`select status from interviews where id = ${id}`;
    const events = [
      ['delta', { text: reply }],
      ['message', { id: customer, role: 'interviewer', text: reply }],
      ['done', { status: 'started' }],
    ];
    return c.body(events.map(([e, d]) => `event: ${e}\ndata: ${JSON.stringify(d)}\n\n`).join(''), 200, {
      'content-type': 'text/event-stream',
    });
  });
  return { app, close: () => pg.end() };
}

async function waitForExtractions(t: TestApp, n: number) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from pgboss.job
      where name = 'extract-interview' and state in ('completed', 'failed')`.execute(t.deps.db);
    if (Number(rows[0]?.n ?? 0) >= n) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function runOnce(n: number) {
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
  const stub = await startStubModel();
  const t = await startTestApp({
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: stub.url,
    CANDOR_INTERVIEW_MODEL: 'gpt-4.1-mini',
    CANDOR_SYNTHESIS_MODEL: 'gpt-4.1-mini',
  });
  let server: ServerType | undefined;
  let baseServer: ServerType | undefined;
  const timer = timeModelCalls(stub.url);
  try {
    const { ids, tokens } = await setUp(t, n);
    console.log(`  (${n} interviews invited and started)`);
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server?.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const engine = await drive(ids, (id, clientId, text) =>
      fetch(`http://127.0.0.1:${port}/v1/widget/interviews/${id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.get(id)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: clientId, text }),
      }),
    );
    console.log(`  (engine load done in ${engine.seconds.toFixed(1)} s)`);
    const overhead = [...engine.turnMs].map(([tag, total]) => total - (timer.modelMs.get(tag) ?? 0));
    const model = [...timer.modelMs.values()];
    const completed = await t.deps.db
      .selectFrom('interviews')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('id', 'in', ids)
      .where('status', '=', 'completed')
      .executeTakeFirstOrThrow();
    const extracted = await waitForExtractions(t, n);
    const tokensRow = await t.deps.db
      .selectFrom('interviews')
      .select((eb) => [eb.fn.sum<string>('prompt_tokens').as('p'), eb.fn.sum<string>('completion_tokens').as('c')])
      .where('id', 'in', ids)
      .executeTakeFirstOrThrow();

    const base = baselineApp(t.deps.config.databaseUrl!);
    const more = await setUp(t, n);
    baseServer = serve({ fetch: base.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => baseServer?.once('listening', r));
    const basePort = (baseServer.address() as { port: number }).port;
    const baseline = await drive(more.ids, (id, clientId, text) =>
      fetch(`http://127.0.0.1:${basePort}/b/${id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: clientId, text }),
      }),
    );
    await base.close();

    const turns = n * TURNS;
    const engineRate = turns / engine.seconds;
    const baseRate = turns / baseline.seconds;
    const baseMs = [...baseline.turnMs.values()];
    console.log(`\nTurn overhead, ${n} concurrent interviews × ${TURNS} turns, Postgres, stub model answering at once`);
    console.log(
      `  engine: server time per turn excluding the model p50 ${ms(percentile(overhead, 50))}, p99 ${ms(percentile(overhead, 99))} (goal at 500: p50 ≤ 5 ms, p99 ≤ 25 ms)`,
    );
    console.log(`  model call (stub) p50 ${ms(percentile(model, 50))}, p99 ${ms(percentile(model, 99))}`);
    console.log(`  engine throughput: ${engineRate.toFixed(0)} turns/s; ${completed.n}/${n} interviews completed`);
    console.log(
      `  baseline (bare Hono + postgres.js, same queries, no model): per turn p50 ${ms(percentile(baseMs, 50))}, p99 ${ms(percentile(baseMs, 99))}, ${baseRate.toFixed(0)} turns/s`,
    );
    console.log(`  throughput ratio engine/baseline: ${(engineRate / baseRate).toFixed(2)} (goal ≥ 0.5)`);
    console.log(
      `  tokens per completed interview, extraction included${extracted ? '' : ' (extraction still running)'}: prompt ${(Number(tokensRow.p) / n).toFixed(0)}, completion ${(Number(tokensRow.c) / n).toFixed(0)}`,
    );
  } finally {
    timer.restore();
    server?.close();
    baseServer?.close();
    await stub.close();
    await t.close();
  }
}

/** `bench/turn-overhead`: the engine's own cost per turn at 100 and 500 concurrent interviews. */
export async function benchTurnOverhead() {
  // `tsx ../bench/run.ts turn-overhead --interviews=20` for a quick run.
  const arg = process.argv.find((a) => a.startsWith('--interviews='))?.split('=')[1];
  const sizes = (arg ?? '100,500').split(',').map(Number);
  for (const n of sizes) await runOnce(n);
}
