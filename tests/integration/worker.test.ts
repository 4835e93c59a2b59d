import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/harness';
import { repoRoot } from '../support/processes';

// A separate worker needs a database other processes can reach: the embedded one belongs to
// the server process (that refusal is tested in process.test.ts), so this runs on Postgres only.
if (!process.env.TEST_DATABASE_URL)
  console.log('worker.test.ts: skipped on the embedded database — a separate worker process needs Postgres');
describe.skipIf(!process.env.TEST_DATABASE_URL)('npm run candor -- worker on Postgres', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The web side keeps jobs out of its process, as with CANDOR_RUN_JOBS=false in production.
    t = await startTestApp({ CANDOR_RUN_JOBS: 'false' });
  });
  afterAll(() => t?.close());

  it('runs the jobs the web process queues, and stops cleanly on Ctrl-C', async () => {
    const worker = spawn(process.execPath, ['--import', 'tsx', 'api/src/cli.ts', 'worker'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: t.databaseUrl, CANDOR_SECRET: t.deps.secret, LOG_LEVEL: 'warn' },
    });
    let out = '';
    worker.stdout.on('data', (d) => (out += d));
    worker.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => worker.on('exit', resolve));
    try {
      await eventually(async () => out.includes('Worker running'), 60_000);
      await t.deps.jobs.send('ping', { token: 'from-web' });
      const row = await eventually(
        () =>
          t.deps.db.selectFrom('instance_settings').select('key').where('key', '=', 'ping:from-web').executeTakeFirst(),
        30_000,
      );
      expect(row.key).toBe('ping:from-web');
    } finally {
      worker.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 120_000);
});
