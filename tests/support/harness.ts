import { randomBytes } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createApp } from '@candor/api/app';
import type { AppDeps } from '@candor/api/app-deps';
import { boot } from '@candor/api/boot';
import { type Config, loadConfig } from '@candor/api/config';
import { connectPostgres, type DatabaseHandle, openPglite } from '@candor/api/db/database';
import { createLogger } from '@candor/api/log';
import { createWorkspace } from '@candor/api/workspaces/create-workspace';
import postgres from 'postgres';
import { inject } from 'vitest';
import { consoleContractBreak } from './console-contract';

export type TestApp = Awaited<ReturnType<typeof bootTestApp>>;

/** Which database this run uses: real Postgres when TEST_DATABASE_URL is set, else embedded PGlite. */
export const databaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * The migrated database prepared once per run by support/database-template.ts, when running
 * under vitest (benchmarks use the harness too, and migrate each database themselves).
 */
const template = process.env.VITEST ? inject('databaseTemplate') : undefined;

/** A fresh copy of the template data directory, beside it (so the run's teardown removes any copy left over). */
function copyPgliteTemplate(templateDir: string): string {
  const dir = path.join(path.dirname(templateDir), `file-${randomBytes(6).toString('hex')}`);
  cpSync(templateDir, dir, { recursive: true });
  return dir;
}

/**
 * The real app on its own freshly migrated database: a new database on the Postgres
 * server named by TEST_DATABASE_URL, or a new PGlite: under vitest on its own copy of the
 * run's template data directory, else in memory. One per test file.
 */
export async function startTestApp(env: Record<string, string> = {}) {
  const base = process.env.TEST_DATABASE_URL;
  let database: DatabaseHandle;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  let endAdmin = async () => {};
  if (base) {
    const name = `candor_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}${template?.postgres ? ` template ${template.postgres}` : ''}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    database = connectPostgres(databaseUrl, { max: 5 });
    endAdmin = () => admin.end();
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const dataDir = template?.pgliteDir ? copyPgliteTemplate(template.pgliteDir) : undefined;
    database = await openPglite(dataDir);
    if (dataDir) dropDatabase = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  return bootTestApp(database, databaseUrl, env, (options) => (options.keepDatabase ? endAdmin() : dropDatabase()));
}

/**
 * The real app on an existing Postgres database, migrated to the latest like any process
 * and left in place on close: for re-measuring a book a bench kept (`scale --keep`).
 */
export function attachTestApp(databaseUrl: string, env: Record<string, string> = {}): Promise<TestApp> {
  return bootTestApp(connectPostgres(databaseUrl, { max: 5 }), databaseUrl, env, async () => {});
}

/** Boots the app on `database` with the test configuration; `close` stops it, then runs `release`. */
async function bootTestApp(
  database: DatabaseHandle,
  databaseUrl: string | undefined,
  env: Record<string, string>,
  release: (options: { keepDatabase?: boolean }) => Promise<void>,
) {
  const config: Config = loadConfig(testEnv(databaseUrl, env));
  const log = createLogger(config.logLevel);
  const deps = await boot(config, { runJobs: config.runJobsInProcess, log, database });
  const app = createApp(deps);
  return {
    app,
    /** The test's own Postgres database, for processes started beside the app (unset on PGlite). */
    databaseUrl,
    deps: deps as AppDeps,
    request: requester(app),
    /** Stops the app, then drops its database unless `keepDatabase` (benches keep it for a later look). */
    async close(options: { keepDatabase?: boolean } = {}) {
      await deps.shutdown();
      await release(options);
    },
  };
}

const testEnv = (databaseUrl: string | undefined, env: Record<string, string>) => ({
  CANDOR_SECRET: 'test-secret-test-secret-test-secret-0123',
  CANDOR_PUBLIC_URL: 'http://candor.test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  ...env,
});

/** Sends a request through the real Hono app. JSON bodies are serialized for you. */
const requester =
  (app: ReturnType<typeof createApp>) =>
  async (path: string, init: RequestInit & { json?: unknown; token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
    const res = await app.request(`http://candor.test${path}`, { ...init, headers, body });
    const broken = await consoleContractBreak(init.method ?? 'GET', path, res);
    if (broken) throw new Error(`console API contract: ${broken}`);
    return res;
  };

/**
 * A second app process's worth of deps booted over the same database as `t` (as a second
 * API process on the same Postgres would be), with its own configuration on top of the
 * test defaults. It runs no jobs; `close` stops its queue client and leaves the database open.
 */
export async function startAppBeside(t: TestApp, env: Record<string, string> = {}) {
  const config = loadConfig(testEnv(t.databaseUrl, { ...env, CANDOR_RUN_JOBS: 'false' }));
  const deps = await boot(config, { runJobs: false, log: t.deps.log, database: t.deps.database });
  const app = createApp(deps);
  return { app, deps: deps as AppDeps, request: requester(app), close: () => deps.jobs.stop() };
}

/**
 * The app with an AI interviewer at `baseUrl` (the msw mock or a local server), on budgets
 * short enough for fault tests: 1 s to the first token, two retries 5 ms apart. The faults
 * they stage take 1.5 s or longer; a busy machine can hold a healthy first token for 400 ms.
 */
export function startAiTestApp(baseUrl: string) {
  return startTestApp({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: baseUrl,
    CANDOR_INTERVIEW_MODEL: 'interviewer-test',
    CANDOR_MODEL_FIRST_TOKEN_MS: '1000',
    CANDOR_MODEL_RETRIES: '2',
    CANDOR_MODEL_RETRY_DELAY_MS: '5',
  });
}

/** A workspace with its plaintext keys, created through the same function the CLI uses. */
export function createTestWorkspace(t: { deps: AppDeps }, name = 'Acme Test') {
  return createWorkspace(t.deps, { name });
}

/** Reads a response body as JSON for assertions, where the test states the expected shape. */
// biome-ignore lint/suspicious/noExplicitAny: tests inspect arbitrary JSON with expect()
export async function readJson(res: Response): Promise<any> {
  return res.json();
}
