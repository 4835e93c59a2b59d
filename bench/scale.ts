import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { tenant } from '@candor/api/db/tenant';
import { recomputeAllHealth } from '@candor/api/synthesis/account-health';
import { buildRenewalBrief } from '@candor/api/synthesis/renewal-brief';
import { deliverWeeklyBriefing } from '@candor/api/synthesis/weekly-briefing-delivery';
import { evaluatePeriodicTriggers } from '@candor/api/triggers/evaluate-periodic';
import { displayPrefix, generateKey, hashKey } from '@candor/api/workspaces/keys';
import type { EventInput } from '@candor/shared';
import { sql } from 'kysely';
import { attachTestApp, createTestWorkspace, databaseKind, startTestApp, type TestApp } from '../tests/support/harness';
import { benchRateLimits } from './support/bench-rate-limits';
import { accountEvents, type Book, bookCounts, generateBook } from './support/scale-book';
import { runLoad } from './support/scale-load';
import { consoleCookie, type ReadFigures, timeRead } from './support/scale-reads';

export type ScaleOptions = {
  /** Fraction of the full book (5,000 accounts, 50,000 contacts, 1,000,000 events, 20,000 interviews). */
  size: number;
  /** Timed requests per read. */
  rounds: number;
  /** Completed interviews per second during the background-work load, and for how long. */
  rate: number;
  loadSeconds: number;
  drainTimeoutSeconds: number;
  sampleSeconds: number;
  log: (line: string) => void;
  /** Settings for the app under test on top of the bench's (e.g. a shorter brief debounce in CI). */
  appEnv?: Record<string, string>;
  /**
   * Leave the database behind instead of dropping it, so the full book (minutes to generate)
   * can be queried again: EXPLAIN in psql, or the read functions called from a script.
   */
  keep?: boolean;
};

export type Figure = { value: number; unit: string; goal?: string; met?: boolean };
export type ScaleResult = {
  size: number;
  at: string;
  machine: { cpus: number; loadAverage: Record<string, number[]> };
  counts: Book['counts'];
  generation: Record<string, number>;
  reads: ReadFigures[];
  load: Awaited<ReturnType<typeof runLoad>>;
  figures: Record<string, Figure>;
};

const DATABASE_HELP =
  'The scale scenario runs on a Postgres server only (the embedded database is not meant for a book this size): ' +
  'set TEST_DATABASE_URL=postgres://user@host:5432/db — it creates a database of its own there and drops it after.';

const timed = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
  const started = performance.now();
  const out = await work();
  return [performance.now() - started, out];
};
const load = () => loadavg().map((x) => Number(x.toFixed(2)));
const rssMb = () => process.memoryUsage().rss / 2 ** 20;

/**
 * One scale run at `size`: generates the book on a fresh Postgres database, times the periodic
 * passes, the reads, ingestion against a raw INSERT, then background work under a stream of
 * finished interviews. Returns every figure; prints progress through `log`.
 */
export async function runScaleScenario(options: ScaleOptions): Promise<ScaleResult> {
  if (databaseKind !== 'postgres') throw new Error(DATABASE_HELP);
  const { log } = options;
  const counts = bookCounts(options.size);
  const loadAverage: Record<string, number[]> = { start: load() };
  const figures: Record<string, Figure> = {};
  const t = await startTestApp({
    CANDOR_RUN_JOBS: 'false',
    CANDOR_RATE_LIMITS: benchRateLimits,
    ...options.appEnv,
  });
  let workspaceId = '—';
  try {
    const ws = await createTestWorkspace(t, 'Scale Co');
    workspaceId = ws.id;
    log(
      `\nScale ×${options.size}: generating ${counts.accounts.toLocaleString()} accounts, ${counts.contacts.toLocaleString()} contacts, ${counts.events.toLocaleString()} events, ${counts.interviews.toLocaleString()} completed interviews…`,
    );
    const [generationMs, book] = await timed(() => generateBook(t, ws, counts, log));
    loadAverage.generated = load();
    figures['generation, total'] = { value: generationMs / 1000, unit: 's' };
    figures['ingestion while generating (POST /v1/events, 4 batches in flight)'] = {
      value: book.generationEventsPerSecond,
      unit: 'events/s',
    };

    // The periodic passes, with no worker running (as the scheduler would run them, one at a time).
    const [firstTrigger] = await timed(() => evaluatePeriodicTriggers(t.deps));
    const [steadyTrigger] = await timed(() => evaluatePeriodicTriggers(t.deps));
    figures['trigger pass, first'] = { value: firstTrigger, unit: 'ms', goal: '≤ 60 s', met: firstTrigger <= 60_000 };
    figures['trigger pass, steady'] = { value: steadyTrigger, unit: 'ms', goal: '≤ 5 s', met: steadyTrigger <= 5_000 };
    const [firstHealth, first] = await timed(() => recomputeAllHealth(t.deps));
    const [steadyHealth, steady] = await timed(() => recomputeAllHealth(t.deps));
    figures['daily health pass, first'] = { value: firstHealth, unit: 'ms' };
    figures['daily health pass, steady'] = { value: steadyHealth, unit: 'ms' };
    // New usage at 1% of the accounts, then the pass again: it should cost in proportion to them.
    const touched = book.accounts.filter((_, i) => i % 100 === 0);
    await postEvents(t, ws.secret_key, freshEvents(touched.length, 20, 'newday'));
    const [newDataHealth, newData] = await timed(() => recomputeAllHealth(t.deps));
    figures['daily health pass, new data at 1% of accounts'] = { value: newDataHealth, unit: 'ms' };
    log(
      `  health passes evaluated ${first.evaluated.toLocaleString()} accounts (first; ${first.changed.toLocaleString()} changed state), ${steady.evaluated} (steady), ${newData.evaluated} (new data at ${touched.length} accounts)`,
    );
    log(
      `  health passes read the inputs of ${first.read.toLocaleString()} accounts (first), ${steady.read} (steady), ${newData.read} (new data)`,
    );

    // What a reader needs: a brief for a renewing account, a weekly briefing for a CSM.
    const renewing = book.accounts.find((a) => a.renewsSoon) ?? book.accounts[0]!;
    const [briefMs] = await timed(() => buildRenewalBrief(t.deps, ws, renewing.id));
    figures['renewal brief generation (rules)'] = { value: briefMs, unit: 'ms' };
    const owner = book.owners[0]!;
    const [weeklyMs] = await timed(() => deliverWeeklyBriefing(t.deps, ws, owner, { regenerate: true }));
    figures['weekly briefing generation (rules)'] = { value: weeklyMs, unit: 'ms' };

    await analyzeBook(t);
    const reads = await timeReads(t, ws, { renewingExternalId: renewing.external, owner }, options.rounds);
    for (const r of reads) {
      figures[`${r.name}: p50`] = { value: r.p50, unit: 'ms' };
      figures[`${r.name}: p99`] = { value: r.p99, unit: 'ms', goal: '≤ 300 ms', met: r.p99 <= 300 };
      figures[`${r.name}: response`] = { value: r.kb, unit: 'KB', goal: '≤ 200 KB', met: r.kb <= 200 };
      figures[`${r.name}: event-loop block`] = {
        value: r.loopBlockMs,
        unit: 'ms',
        goal: '≤ 50 ms',
        met: r.loopBlockMs <= 50,
      };
    }
    loadAverage.reads = load();
    figures['API process RSS after the reads'] = { value: rssMb(), unit: 'MB' };

    const ingestion = await compareIngestion(t, ws, book, counts);
    figures['ingestion, POST /v1/events (batches of 1,000)'] = { value: ingestion.api, unit: 'events/s' };
    figures['ingestion, raw multi-row INSERT (same rows)'] = { value: ingestion.raw, unit: 'events/s' };
    figures['ingestion, API / raw INSERT'] = {
      value: ingestion.api / ingestion.raw,
      unit: 'ratio',
      goal: '≥ 0.5',
      met: ingestion.api / ingestion.raw >= 0.5,
    };
    loadAverage.ingestion = load();

    log(
      `\n  background work: one process working the queues, ${options.rate} completed interview(s)/s for ${options.loadSeconds} s; queue depth (queued, deferred or running):`,
    );
    const loadFigures = await runLoad(
      t,
      ws,
      book,
      {
        rate: options.rate,
        seconds: options.loadSeconds,
        drainTimeoutSeconds: options.drainTimeoutSeconds,
        sampleSeconds: options.sampleSeconds,
      },
      log,
    );
    loadAverage.load = load();
    figures['background: time to drain after the load'] = {
      value: loadFigures.drainSeconds,
      unit: 's',
      goal: '≤ 60 s',
      met: loadFigures.drainSeconds <= 60,
    };
    figures['background: brief fresh after completion, p50'] = { value: loadFigures.briefFresh.p50, unit: 's' };
    figures['background: brief fresh after completion, p99'] = {
      value: loadFigures.briefFresh.p99,
      unit: 's',
      goal: '≤ 60 s',
      met: loadFigures.briefFresh.p99 <= 60 && loadFigures.briefFresh.missing === 0,
    };
    for (const [q, l] of Object.entries(loadFigures.latency))
      figures[`background: ${q} queued → done, p99`] = { value: l.p99, unit: 's' };
    figures['API process RSS, peak under load'] = { value: loadFigures.peakRssMb, unit: 'MB' };

    return {
      size: options.size,
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, loadAverage },
      counts: book.counts,
      generation: book.timings,
      reads,
      load: loadFigures,
      figures,
    };
  } finally {
    await t.close({ keepDatabase: options.keep });
    if (options.keep) {
      const name = t.databaseUrl ? new URL(t.databaseUrl).pathname.slice(1) : '—';
      log(`  kept the database ${t.databaseUrl} (workspace ${workspaceId}); drop it when done`);
      log(`  re-measure its reads: npm run bench -- scale --reuse=${name}`);
    }
  }
}

/** What the reads are about: an account with a renewal brief and a CSM with a weekly briefing. */
type ReadSubject = { renewingExternalId: string; owner: string };

/**
 * The reads a CS team and an integration make, each timed on its own; `only` keeps those
 * whose name holds one of its words.
 */
async function timeReads(
  t: TestApp,
  ws: { id: string; secret_key: string },
  subject: ReadSubject,
  rounds: number,
  only: string[] = [],
) {
  const cookie = await consoleCookie(t, ws.id);
  const console_ = { headers: { cookie } };
  const key = { token: ws.secret_key };
  const owner = encodeURIComponent(subject.owner);
  const renewing = encodeURIComponent(subject.renewingExternalId);
  const accountId = (
    await tenant(t.deps.db, ws)
      .selectFrom('accounts')
      .select('id')
      .where('external_id', '=', subject.renewingExternalId)
      .executeTakeFirstOrThrow()
  ).id;
  const reads: [string, string, RequestInit & { token?: string }][] = [
    ['console accounts list (owner, by ARR)', `/console/api/accounts?owner=${owner}&sort=arr&order=desc`, console_],
    ['console accounts list (at risk, by renewal)', '/console/api/accounts?health=at_risk&sort=renewal', console_],
    ['console account page', `/console/api/accounts/${accountId}`, console_],
    ['console Home', '/console/api/home', console_],
    ['console Insights', '/console/api/insights', console_],
    ['console interviews list', '/console/api/interviews', console_],
    ['console interviews list (completed, page 3)', '/console/api/interviews?status=completed&page=3', console_],
    ['console triggers with funnels', '/console/api/triggers', console_],
    ['portfolio report (/v1)', '/v1/reports/portfolio', key],
    ['brief read (/v1)', `/v1/accounts/${renewing}/brief`, key],
    ['weekly briefing read (/v1)', `/v1/briefings/weekly?member=${owner}`, key],
    ['trigger funnel (/v1)', '/v1/funnel?by=trigger', key],
  ];
  const out: ReadFigures[] = [];
  for (const [name, path, init] of reads) {
    if (only.length && !only.some((w) => name.toLowerCase().includes(w.toLowerCase()))) continue;
    out.push(await timeRead(t, name, path, init, rounds));
  }
  return out;
}

/** `count` fresh usage events at each of `accounts` first accounts, timestamped now. */
function freshEvents(accounts: number, count: number, tag: string): EventInput[] {
  const now = Date.now();
  return Array.from({ length: accounts }, (_, i) => accountEvents(i * 100, count, now, 10))
    .flat()
    .map((e, k) => ({ ...e, timestamp: new Date(now - (k % 600) * 1000).toISOString(), message_id: `${tag}_${k}` }));
}

async function postEvents(t: TestApp, key: string, events: EventInput[]) {
  for (let k = 0; k < events.length; k += 1000) {
    const res = await t.request('/v1/events', {
      method: 'POST',
      token: key,
      json: { events: events.slice(k, k + 1000) },
    });
    if (res.status !== 200) throw new Error(`/v1/events: ${res.status} ${await res.text()}`);
  }
}

/**
 * `/v1/events` in batches of 1,000 against a raw multi-row INSERT of the same rows (ids already
 * resolved), four batches in flight each: the price of validation, id resolution, dedupe,
 * trigger matching and the rollup, per event.
 */
async function compareIngestion(
  t: TestApp,
  ws: { id: string; secret_key: string },
  book: Book,
  counts: ReturnType<typeof bookCounts>,
) {
  const batches = Math.max(2, Math.min(50, Math.floor(counts.events / 1000)));
  const now = Date.now();
  const events = Array.from({ length: batches * 1000 }, (_, k) => {
    const a = k % counts.accounts;
    return {
      event: 'report_run',
      account_id: `acct_${a}`,
      contact_id: `ct_${a}_${k % 10}`,
      timestamp: new Date(now - (k % 86_400) * 1000).toISOString(),
    };
  });
  const db = tenant(t.deps.db, ws);
  const contactIds = new Map(
    (await db.selectFrom('contacts').select(['id', 'external_id']).execute()).map((c) => [c.external_id, c.id]),
  );
  const accountIds = new Map(book.accounts.map((a) => [a.external, a.id]));
  const inFlight = async (work: (b: number) => Promise<void>) => {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < batches) await work(next++);
      }),
    );
    return (batches * 1000) / ((performance.now() - started) / 1000);
  };
  const api = await inFlight((b) =>
    postEvents(
      t,
      ws.secret_key,
      events.slice(b * 1000, (b + 1) * 1000).map((e, k) => ({ ...e, message_id: `api_${b}_${k}` })),
    ),
  );
  const raw = await inFlight(async (b) => {
    await t.deps.db
      .insertInto('events')
      .values(
        events.slice(b * 1000, (b + 1) * 1000).map((e, k) => ({
          workspace_id: ws.id,
          account_id: accountIds.get(e.account_id) as string,
          contact_id: contactIds.get(e.contact_id) as string,
          name: e.event,
          properties: {},
          occurred_at: new Date(e.timestamp),
          message_id: `raw_${b}_${k}`,
        })),
      )
      .execute();
  });
  return { api, raw };
}

// ── The command ─────────────────────────────────────────────────────────────────────────────

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const resultFile = (size: number) => `${resultsDir}scale-${size}.json`;

const fmt = (f: Figure | undefined) => {
  if (!f || Number.isNaN(f.value)) return '—';
  if (f.unit === 'ms')
    return f.value >= 10_000 ? `${(f.value / 1000).toFixed(1)} s` : `${f.value.toFixed(f.value < 10 ? 1 : 0)} ms`;
  if (f.unit === 'events/s' || f.unit === 'MB') return `${Math.round(f.value).toLocaleString()} ${f.unit}`;
  if (f.unit === 'ratio') return `${f.value.toFixed(2)}×`;
  return `${f.value.toFixed(f.value < 10 ? 1 : 0)} ${f.unit}`;
};

/** Prints one run's figures, goals beside the ones that have one. */
export function printResult(r: ScaleResult, log = console.log) {
  const c = r.counts;
  log(
    `\nScale scenario ×${r.size} on Postgres — ${c.accounts.toLocaleString()} accounts, ${c.contacts.toLocaleString()} contacts, ${c.events.toLocaleString()} events, ${c.interviews.toLocaleString()} completed interviews, ${c.signals.toLocaleString()} signals`,
  );
  log(
    `  machine: ${r.machine.cpus} cores; load average (1/5/15 min) ${Object.entries(r.machine.loadAverage)
      .map(([k, v]) => `${k} ${v.join('/')}`)
      .join('; ')}`,
  );
  log('  generation (API: accounts, contacts, events; direct multi-row INSERT: interviews, messages, signals):');
  for (const [k, ms] of Object.entries(r.generation)) log(`    ${k.padEnd(52)} ${(ms / 1000).toFixed(1)} s`);
  // The loop block is the event loop's worst lateness during the read: on a saturated machine it
  // also counts time the process waited for a core, so its floor there is the scheduler's slice.
  log(`  reads (${r.reads[0]?.rounds ?? 0} requests each, one at a time; loop block = worst event-loop lateness):`);
  log(
    `    ${''.padEnd(44)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'size'.padStart(10)} ${'loop block'.padStart(11)}`,
  );
  for (const x of r.reads) {
    const miss =
      x.p99 > 300 || x.kb > 200 || x.loopBlockMs > 50 ? '  ✗ goal (p99 ≤ 300 ms, ≤ 200 KB, block ≤ 50 ms)' : '';
    log(
      `    ${x.name.padEnd(44)} ${`${x.p50.toFixed(1)} ms`.padStart(9)} ${`${x.p99.toFixed(1)} ms`.padStart(9)} ${`${x.kb.toFixed(1)} KB`.padStart(10)} ${`${x.loopBlockMs.toFixed(0)} ms`.padStart(11)}${miss}`,
    );
  }
  log('  figures:');
  for (const [k, f] of Object.entries(r.figures)) {
    if (r.reads.some((x) => k.startsWith(`${x.name}:`))) continue;
    const goal = f.goal ? `  (goal ${f.goal}: ${f.met ? 'met' : 'MISSED'})` : '';
    log(`    ${k.padEnd(64)} ${fmt(f).padStart(14)}${goal}`);
  }
  const l = r.load;
  log(
    `  background work: ${l.interviews} interviews at ${l.rate}/s over ${l.seconds} s; backlog from generation worked off in ${l.backlogSeconds.toFixed(1)} s first`,
  );
  for (const s of l.samples)
    log(
      `    ${s.at.toFixed(0).padStart(5)} s  ${Object.entries(s.depth)
        .map(([q, n]) => `${q} ${n}`)
        .join(', ')}`,
    );
  log(
    `    drained ${Number.isNaN(l.drainSeconds) ? 'NOT within the timeout' : `${l.drainSeconds.toFixed(1)} s`} after the load ended (goal ≤ 60 s)`,
  );
  for (const [q, x] of Object.entries(l.latency))
    log(
      `    ${q}: ${x.jobs} jobs, queued → done p50 ${x.p50.toFixed(1)} s, p99 ${x.p99.toFixed(1)} s, max ${x.max.toFixed(1)} s`,
    );
  const b = l.briefFresh;
  log(
    `    brief fresh (accounts renewing within 60 days): ${b.fresh}/${b.interviews} interviews in a brief within 60 s; p50 ${b.p50.toFixed(1)} s, p99 ${b.p99.toFixed(1)} s, max ${b.max.toFixed(1)} s; ${b.missing} not in any brief`,
  );
}

/** Growth of every figure from the smaller run to the larger, with what grows faster than its data named. */
export function printGrowth(small: ScaleResult, big: ScaleResult, log = console.log) {
  const data = big.size / small.size;
  log(`\nGrowth ×${small.size} → ×${big.size} (the data grows ${data.toFixed(0)}×):`);
  const findings: string[] = [];
  for (const [k, f] of Object.entries(big.figures)) {
    const s = small.figures[k];
    if (!s?.value || Number.isNaN(f.value)) continue;
    const growth = f.value / s.value;
    const worse = f.unit === 'events/s' || f.unit === 'ratio' ? 1 / growth : growth;
    const note = worse > data ? '  ◀ grows faster than its data' : worse > Math.sqrt(data) ? '  ◁ grows' : '';
    if (worse > data) findings.push(k);
    log(`  ${k.padEnd(64)} ${fmt(s).padStart(12)} → ${fmt(f).padStart(12)}  ×${growth.toFixed(2)}${note}`);
  }
  log(
    findings.length
      ? `  findings (grow faster than their data): ${findings.join('; ')}`
      : '  nothing grows faster than its data',
  );
}

/**
 * Refreshes the planner's statistics before the reads, as a live server's autovacuum does
 * after bulk changes. The book is written faster than autovacuum looks (once a minute), so
 * without this the reads are planned on statistics from before the trigger pass created its
 * invitations, and a generic plan for the funnel compares every manual send with every
 * invitation (seconds instead of milliseconds).
 */
async function analyzeBook(t: TestApp) {
  await sql`analyze`.execute(t.deps.db);
}

/**
 * The reads alone, on a book an earlier `--keep` run left behind (`database`: its URL, or its
 * name on the TEST_DATABASE_URL server): the app attaches to it (applying any newer
 * migration), signs in, adds a secret key for the `/v1` reads and removes it afterwards,
 * and times the same reads as a full run, on the account with the book's first renewal
 * brief and the first CSM's weekly briefing. Beyond a console session, nothing in the book
 * changes, so two builds can be measured in turns on the same data.
 */
async function measureKeptBook(options: { database: string; rounds: number; only: string[] }) {
  const base = process.env.TEST_DATABASE_URL;
  let url = options.database;
  if (!url.includes('://')) {
    if (!base) throw new Error(`--reuse=${url}: a database name needs TEST_DATABASE_URL for its server`);
    const u = new URL(base);
    u.pathname = `/${url}`;
    url = u.toString();
  }
  const t = await attachTestApp(url, { CANDOR_RUN_JOBS: 'false', CANDOR_RATE_LIMITS: benchRateLimits });
  const secretKey = generateKey('secret');
  let keyId: string | undefined;
  try {
    const db = t.deps.db;
    await analyzeBook(t);
    const workspace = await db
      .selectFrom('workspaces')
      .select('id')
      .where('name', '=', 'Scale Co')
      .orderBy('created_at')
      .executeTakeFirst();
    if (!workspace) throw new Error(`--reuse: no "Scale Co" workspace in ${new URL(url).pathname.slice(1)}`);
    const ws = { id: workspace.id, secret_key: secretKey };
    const brief = await db
      .selectFrom('briefs')
      .select('subject_id')
      .where('workspace_id', '=', ws.id)
      .where('kind', '=', 'renewal')
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    const renewing = await db
      .selectFrom('accounts')
      .select('external_id')
      .where('workspace_id', '=', ws.id)
      .where('id', '=', brief.subject_id)
      .executeTakeFirstOrThrow();
    const owner = await db
      .selectFrom('members')
      .select('email')
      .where('workspace_id', '=', ws.id)
      .where('role', '=', 'csm')
      .where('email', '=', 'csm0@bench.example')
      .executeTakeFirstOrThrow();
    keyId = (
      await db
        .insertInto('api_keys')
        .values({
          workspace_id: ws.id,
          kind: 'secret',
          key_hash: hashKey(secretKey),
          display_prefix: displayPrefix(secretKey),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const before = load();
    const reads = await timeReads(
      t,
      ws,
      { renewingExternalId: renewing.external_id, owner: owner.email },
      options.rounds,
      options.only,
    );
    const after = load();
    const name = new URL(url).pathname.slice(1);
    console.log(
      `\nReads on the kept book ${name} (workspace ${ws.id}), ${options.rounds} requests each, one at a time; ` +
        `${cpus().length} cores, load average (1/5/15 min) before ${before.join('/')}, after ${after.join('/')}`,
    );
    console.log(`  ${''.padEnd(44)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'size'.padStart(10)}`);
    for (const x of reads)
      console.log(
        `  ${x.name.padEnd(44)} ${`${x.p50.toFixed(1)} ms`.padStart(9)} ${`${x.p99.toFixed(1)} ms`.padStart(9)} ${`${x.kb.toFixed(1)} KB`.padStart(10)}`,
      );
    return reads;
  } finally {
    if (keyId) await t.deps.db.deleteFrom('api_keys').where('id', '=', keyId).execute();
    await t.close();
  }
}

/**
 * `npm run bench -- scale [--size=0.1|1] [--sizes=0.1,1]`: the performance issue's scale scenario
 * on Postgres (TEST_DATABASE_URL). Each size's figures are stored in bench/results/scale-<size>.json;
 * a run of one size prints its growth against the stored result of the other. Flags: --rounds=30,
 * --rate=1 --load-seconds=60 (finished interviews per second and for how long),
 * --drain-timeout=600, --sample-seconds=5; --keep leaves each size's database behind (its URL is
 * printed) for EXPLAIN and profiling instead of dropping it. `--reuse=<database URL or name>`
 * times only the reads on such a kept book (`--rounds`, and `--reads=insights,home` to pick).
 */
export async function benchScale() {
  const reuse = flag('reuse');
  if (reuse) {
    await measureKeptBook({
      database: reuse,
      rounds: Number(flag('rounds') ?? 30),
      only: (flag('reads') ?? '').split(',').filter(Boolean),
    });
    return;
  }
  if (!process.env.TEST_DATABASE_URL) {
    console.error(`\nbench scale: ${DATABASE_HELP}`);
    process.exitCode = 1;
    return;
  }
  const sizes = (flag('sizes') ?? flag('size') ?? '0.1').split(',').map(Number);
  if (sizes.some((s) => !(s > 0 && s <= 2))) throw new Error('--size/--sizes: fractions of the full book, e.g. 0.1,1');
  const options = {
    rounds: Number(flag('rounds') ?? 30),
    rate: Number(flag('rate') ?? 1),
    loadSeconds: Number(flag('load-seconds') ?? 60),
    drainTimeoutSeconds: Number(flag('drain-timeout') ?? 600),
    sampleSeconds: Number(flag('sample-seconds') ?? 5),
    keep: process.argv.includes('--keep'),
    log: (line: string) => console.log(line),
  };
  const results: ScaleResult[] = [];
  for (const size of sizes) {
    const result = await runScaleScenario({ ...options, size });
    printResult(result);
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(resultFile(size), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`  (stored in bench/results/scale-${size}.json)`);
    results.push(result);
  }
  if (results.length === 1) {
    const other = sizes[0] === 1 ? 0.1 : 1;
    if (existsSync(resultFile(other))) {
      const stored = JSON.parse(readFileSync(resultFile(other), 'utf8')) as ScaleResult;
      console.log(`  (comparing with the stored ×${other} run of ${stored.at})`);
      results.push(stored);
    }
  }
  results.sort((a, b) => a.size - b.size);
  if (results.length >= 2) printGrowth(results[0]!, results[results.length - 1]!);
}
