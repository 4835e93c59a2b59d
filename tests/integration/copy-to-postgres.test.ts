import { randomBytes } from 'node:crypto';
import { runCommand } from '@candor/api/cli/commands';
import { connectPostgres, type DatabaseHandle } from '@candor/api/db/database';
import { sql } from 'kysely';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestApp, type TestApp } from '../support/harness';
import { recordAnswer } from '../support/signal-fixtures';

// Moving from the embedded database to a Postgres server: every row comes along. Needs a
// Postgres server to copy into, so this runs in the Postgres pass only.
const base = process.env.TEST_DATABASE_URL;
if (!base) console.log('copy-to-postgres.test.ts: skipped on the embedded database — it needs a Postgres server');
describe.skipIf(!base)('npm run candor -- copy-to-postgres', () => {
  let source: TestApp;
  let target: DatabaseHandle;
  let targetUrl: string;
  let admin: ReturnType<typeof postgres>;
  const name = `candor_copy_${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    // The source is an embedded database, whatever this run's TEST_DATABASE_URL says.
    delete process.env.TEST_DATABASE_URL;
    try {
      source = await startTestApp({ CANDOR_RUN_JOBS: 'false' });
    } finally {
      process.env.TEST_DATABASE_URL = base;
    }
    admin = postgres(base as string, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(base as string);
    url.pathname = `/${name}`;
    targetUrl = url.toString();
    target = connectPostgres(targetUrl, { max: 2 });
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  const tables = async (db: TestApp['deps']['db']) => {
    const { rows } = await sql<{ name: string }>`
      select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(db);
    return rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_migration'));
  };
  const count = async (db: TestApp['deps']['db'], table: string) => {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    return Number(rows[0]?.n);
  };

  it('copies every row of every table into an empty Postgres database, and refuses one that is not', async () => {
    const ws = await createTestWorkspace(source, 'Moving Co');
    const post = (path: string, json: unknown) => source.request(path, { method: 'POST', token: ws.secret_key, json });
    expect(
      (
        await post('/v1/accounts', {
          accounts: [{ id: 'a1', name: 'Acme', arr: 12_000, renewal_date: '2027-01-31', attributes: { tier: 'gold' } }],
        })
      ).status,
    ).toBe(200);
    expect(
      (await post('/v1/contacts', { contacts: [{ id: 'u1', account_id: 'a1', email: 'ada@acme.io' }] })).status,
    ).toBe(200);
    expect(
      (
        await post('/v1/events', {
          events: [
            { event: 'login', contact_id: 'u1', message_id: 'm1', properties: { tags: ['a', 'b'], n: 1 } },
            { event: 'csm_touch', account_id: 'a1' },
          ],
        })
      ).status,
    ).toBe(200);
    const account = await source.deps.db
      .selectFrom('accounts')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .executeTakeFirstOrThrow();
    await recordAnswer(source, ws.id, {
      accountId: account.id,
      text: 'We might cancel at renewal.',
      signals: [{ kind: 'churn_risk', value: { level: 'high', reasons: ['price'] }, quote: 'cancel at renewal' }],
    });

    const result = await runCommand(source.deps, ['copy-to-postgres', targetUrl, '--json'], { viaServer: false });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);

    expect(await tables(target.db)).toEqual(await tables(source.deps.db));
    for (const table of await tables(source.deps.db))
      expect({ table, rows: await count(target.db, table) }).toEqual({
        table,
        rows: await count(source.deps.db, table),
      });

    // Values arrive as they were: money, dates, JSON, timestamps.
    const read = (db: TestApp['deps']['db']) =>
      db
        .selectFrom('accounts')
        .select(['id', 'arr_cents', 'renewal_date', 'attributes', 'last_touch_at', 'created_at'])
        .orderBy('id')
        .execute();
    expect(await read(target.db)).toEqual(await read(source.deps.db));
    const events = (db: TestApp['deps']['db']) =>
      db.selectFrom('events').select(['id', 'name', 'properties', 'occurred_at']).orderBy('id').execute();
    expect(await events(target.db)).toEqual(await events(source.deps.db));

    // The rollup kept by triggers is rebuilt on the target from the copied events.
    const usage = (db: TestApp['deps']['db']) =>
      db
        .selectFrom('account_daily_usage')
        .select(['account_id', 'day', 'usage_events'])
        .orderBy('account_id')
        .execute();
    expect(await usage(target.db)).toEqual(await usage(source.deps.db));

    const again = await runCommand(source.deps, ['copy-to-postgres', targetUrl], { viaServer: false });
    expect(again.exitCode).not.toBe(0);
    expect(again.stderr).toMatch(/already holds workspaces/);
    // Refused before writing anything: the target still holds exactly one copy.
    expect(await count(target.db, 'events')).toBe(await count(source.deps.db, 'events'));
  });
});
