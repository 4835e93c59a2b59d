import { connectPostgres, type DatabaseHandle } from '@candor/api/db/database';
import { isAbortedTransactionError, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness';

// The Postgres dialect itself: statements outside a transaction share pipelined connections,
// a transaction owns one. The embedded database has its own dialect and no pool.
if (!process.env.TEST_DATABASE_URL)
  console.log('postgres-dialect.test.ts: skipped on the embedded database — it tests the Postgres driver');
describe.skipIf(!process.env.TEST_DATABASE_URL)('the Postgres dialect', () => {
  let t: TestApp;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    t = await startTestApp({ CANDOR_RUN_JOBS: 'false' });
    // Two connections, so that hundreds of statements must share them.
    handle = connectPostgres(t.databaseUrl!, { max: 2 });
    await sql`create table dialect_probe (n int primary key, note text)`.execute(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    await t?.close();
  });

  const pid = async (db: DatabaseHandle['db']) =>
    (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;

  it('answers each of many concurrent statements with its own rows, a failing one included', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, (_, i) =>
        i === 150
          ? sql`select 1 / ${0}::int as n`.execute(handle.db)
          : sql<{ n: number }>`select ${i}::int as n, pg_sleep(0) as s`.execute(handle.db),
      ),
    );
    results.forEach((r, i) => {
      if (i === 150) expect(r).toMatchObject({ status: 'rejected', reason: { message: /division by zero/ } });
      else expect(r).toMatchObject({ status: 'fulfilled', value: { rows: [{ n: i }] } });
    });
  });

  it('keeps a transaction on one backend while other statements run beside it', async () => {
    const outside: Promise<unknown>[] = [];
    const pids = await handle.db.transaction().execute(async (trx) => {
      const seen: number[] = [];
      for (let i = 0; i < 20; i++) {
        outside.push(sql`select ${i}::int`.execute(handle.db));
        seen.push(await pid(trx));
      }
      return seen;
    });
    await Promise.all(outside);
    expect(new Set(pids).size).toBe(1);
  });

  it('keeps what a transaction commits, discards what it rolls back, and hides it until commit', async () => {
    await handle.db.transaction().execute(async (trx) => {
      await sql`insert into dialect_probe values (1, 'kept')`.execute(trx);
      const fromOutside = await sql`select * from dialect_probe where n = 1`.execute(handle.db);
      expect(fromOutside.rows).toEqual([]);
    });
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into dialect_probe values (2, 'dropped')`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const rows = await sql<{ n: number }>`select n from dialect_probe order by n`.execute(handle.db);
    expect(rows.rows.map((r) => r.n)).toEqual([1]);
  });

  it('refuses to report a commit that Postgres rolled back', async () => {
    const attempt = handle.db.transaction().execute(async (trx) => {
      await sql`insert into dialect_probe values (3, 'lost')`.execute(trx);
      // An error swallowed inside leaves the transaction aborted; COMMIT then rolls back.
      await sql`select 1 / ${0}::int`.execute(trx).catch(() => {});
    });
    const error = await attempt.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(isAbortedTransactionError(error)).toBe(true);
    const rows = await sql`select n from dialect_probe where n = 3`.execute(handle.db);
    expect(rows.rows).toEqual([]);
  });

  it('gives transactions with an isolation level and access mode what they ask for', async () => {
    const level = await handle.db
      .transaction()
      .setIsolationLevel('serializable')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const { rows } = await sql<{ iso: string; ro: string }>`select current_setting('transaction_isolation') as iso,
          current_setting('transaction_read_only') as ro`.execute(trx);
        return rows[0];
      });
    expect(level).toEqual({ iso: 'serializable', ro: 'on' });
  });

  it('reports how many rows a change touched', async () => {
    const result = await handle.db
      .updateTable('dialect_probe' as never)
      .set({ note: 'seen' } as never)
      .executeTakeFirst();
    expect(result.numUpdatedRows).toBe(1n);
  });
});
