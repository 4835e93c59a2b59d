import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allJobs } from '@candor/api/all-jobs';
import { loadConfig } from '@candor/api/config';
import { connectPostgres, type DatabaseHandle, openPglite } from '@candor/api/db/database';
import { migrateToLatest } from '@candor/api/db/migrate';
import { startJobs } from '@candor/api/jobs/jobs';
import { createLogger } from '@candor/api/log';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

/**
 * A migrated database every test file starts from, built once per run: migrating and
 * installing the job queue's schema took several seconds per file. On Postgres it is a
 * template database (`create database … template …` copies it in a fraction of a second);
 * on PGlite a data directory on disk that each file copies and opens instead of running
 * initdb. Copying the directory takes tens of milliseconds; loading a `dumpDataDir` tarball
 * (40 MB, most of it one WAL segment) into PGlite's in-memory file system took seconds.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** `pgliteDir`: the template data directory; each file's copy goes beside it, in a folder removed after the run. */
    databaseTemplate: { postgres?: string; pgliteDir?: string };
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Changes whenever the schema a fresh database gets could change: migrations or the queue's setup. */
function schemaFingerprint(): string {
  const hash = createHash('sha256');
  const migrations = path.join(root, 'migrations/src/migrations');
  for (const file of readdirSync(migrations).sort())
    hash.update(file).update(readFileSync(path.join(migrations, file)));
  hash.update(readFileSync(path.join(root, 'api/src/jobs/jobs.ts')));
  // Each queue's name and policy, from the jobs' own definitions.
  for (const job of allJobs) hash.update(`${job.name}:${job.queue?.coalesceBy ? 'stately' : ''}`);
  hash.update(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('pg-boss/package.json'), 'utf8')).version);
  return hash.digest('hex').slice(0, 12);
}

/** Migrations and the job queue's schema, exactly as `boot` would leave a new database. */
async function prepare(database: DatabaseHandle, databaseUrl?: string) {
  await migrateToLatest(database.db);
  const config = loadConfig({
    CANDOR_SECRET: 'template-secret-template-secret-0123',
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const jobs = await startJobs(database, config, createLogger('silent'), allJobs);
  await jobs.stop();
}

function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Builds the Postgres template unless this schema's one exists; concurrent runs wait for each other. */
async function postgresTemplate(base: string): Promise<string> {
  const name = `candor_template_${schemaFingerprint()}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  // A session lock (create database cannot run inside a transaction), held on one connection.
  const conn = await admin.reserve();
  try {
    await conn`select pg_advisory_lock(hashtext('candor.test-template'))`;
    const [exists] = await conn`select 1 from pg_database where datname = ${name}`;
    if (!exists) {
      const building = `${name}_building`;
      await conn.unsafe(`drop database if exists ${building} with (force)`);
      await conn.unsafe(`create database ${building}`);
      const database = connectPostgres(withDatabase(base, building), { max: 2 });
      try {
        await prepare(database, withDatabase(base, building));
      } finally {
        await database.close();
      }
      // Renamed only once complete, so a half-built template is never copied; a queue
      // connection still closing would block the rename (and later copies).
      await conn`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${building}`;
      await conn.unsafe(`alter database ${building} rename to ${name}`);
      // Templates of earlier schemas are never copied again. One another checkout is copying
      // right now refuses to be dropped, and goes the next time a schema changes.
      const stale = await conn<{ datname: string }[]>`
        select datname from pg_database
        where datname like 'candor\_template\_%' and datname <> ${name} and datname not like '%\_building'`;
      for (const { datname } of stale) await conn.unsafe(`drop database if exists ${datname}`).catch(() => {});
    }
  } finally {
    await conn`select pg_advisory_unlock(hashtext('candor.test-template'))`.catch(() => {});
    conn.release();
    await admin.end();
  }
  return name;
}

/** Shared memory when the system has it (copies there never touch a disk), else the temp folder. */
const scratchRoot = () => (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

/** A migrated data directory in a folder of its own, shut down cleanly so that copies of it open as they are. */
async function pgliteTemplate(): Promise<string> {
  const dir = path.join(mkdtempSync(path.join(scratchRoot(), 'candor-test-')), 'template');
  const database = await openPglite(dir);
  try {
    await prepare(database);
  } finally {
    await database.close();
  }
  return dir;
}

/** vitest globalSetup: builds the template and tells the test files where it is. */
export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  const template = base ? { postgres: await postgresTemplate(base) } : { pgliteDir: await pgliteTemplate() };
  project.provide('databaseTemplate', template);
  return () => {
    // The template and any copy a file left behind (one that failed before closing its app).
    if (template.pgliteDir) rmSync(path.dirname(template.pgliteDir), { recursive: true, force: true });
  };
}
