import { retryTransaction } from '@candor/api/db/retry-transaction';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

// Integrators send batches in parallel, and two batches often name the same accounts in a
// different order. Each pair below runs at once through the real app; on Postgres a write
// path that locks rows in batch order deadlocks here and answers 500.
const ACCOUNTS = Array.from({ length: 24 }, (_, i) => `acct_${String(i).padStart(2, '0')}`);
const ROUNDS = 12;

describe(`concurrent overlapping batches (${databaseKind})`, () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await startTestApp();
    key = (await createTestWorkspace(t, 'Acme')).secret_key;
    const res = await t.request('/v1/accounts', {
      method: 'POST',
      token: key,
      json: { accounts: ACCOUNTS.map((id) => ({ id, name: id })) },
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => t?.close());

  const post = (path: string, json: unknown) => t.request(path, { method: 'POST', token: key, json });
  const statuses = async (responses: (Promise<Response> | Response)[]) => {
    const all = await Promise.all(responses);
    // Statuses and error codes only: a run that fails says how many and why, not 48 bodies.
    const bad = await Promise.all(
      all.filter((r) => r.status !== 200).map(async (r) => `${r.status} ${(await readJson(r)).error?.code}`),
    );
    return { all, bad };
  };

  it('stores csm_touch batches sent in opposite orders with no error, each event once', async () => {
    const sent: (Promise<Response> | Response)[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Each round: two distinct batches touching every account (forward and backward), plus a
      // resend of each with the same message ids in the other order, all in flight together.
      const forward = ACCOUNTS.map((account, i) => ({
        event: 'csm_touch',
        account_id: account,
        // A contact new to Candor, named by both batches: its creation races too.
        contact_id: `u_${round}_${i}`,
        message_id: `r${round}-f-${account}`,
        timestamp: new Date(Date.UTC(2026, 2, 1, 0, round, i)).toISOString(),
      }));
      const backward = [...ACCOUNTS].reverse().map((account, i) => ({
        event: 'csm_touch',
        account_id: account,
        contact_id: `u_${round}_${ACCOUNTS.length - 1 - i}`,
        message_id: `r${round}-b-${account}`,
        timestamp: new Date(Date.UTC(2026, 2, 1, 0, round, 30 + i)).toISOString(),
      }));
      sent.push(
        post('/v1/events', { events: forward }),
        post('/v1/events', { events: backward }),
        post('/v1/events', { events: [...forward].reverse() }),
        post('/v1/events', { events: [...backward].reverse() }),
      );
    }
    const { all, bad } = await statuses(sent);
    expect(bad).toEqual([]);
    const results = await Promise.all(all.map((r) => readJson(r)));
    const recorded = results.reduce((n, r) => n + r.recorded, 0);
    const duplicates = results.reduce((n, r) => n + r.duplicates, 0);
    const expected = ROUNDS * 2 * ACCOUNTS.length;
    expect(recorded).toBe(expected);
    expect(duplicates).toBe(expected);

    const perMessage = await t.deps.db
      .selectFrom('events')
      .select(['message_id', t.deps.db.fn.countAll<string>().as('n')])
      .where('name', '=', 'csm_touch')
      .groupBy('message_id')
      .execute();
    expect(perMessage).toHaveLength(expected);
    expect(perMessage.filter((r) => Number(r.n) !== 1)).toEqual([]);

    const contacts = await t.deps.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(contacts.n)).toBe(ROUNDS * ACCOUNTS.length);

    // Every account's last touch is the latest of the touches sent to it, whichever batch won.
    const touches = await t.deps.db.selectFrom('accounts').select(['external_id', 'last_touch_at']).execute();
    for (const a of touches) {
      const i = ACCOUNTS.length - 1 - ACCOUNTS.indexOf(a.external_id);
      expect(a.last_touch_at?.toISOString()).toBe(new Date(Date.UTC(2026, 2, 1, 0, ROUNDS - 1, 30 + i)).toISOString());
    }
  });

  it('upserts accounts and contacts sent in opposite orders with no error', async () => {
    const sent: (Promise<Response> | Response)[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const accounts = ACCOUNTS.map((id) => ({
        id,
        name: id,
        plan: `plan-${round}`,
        attributes: { [`r${round}`]: true },
      }));
      const contacts = ACCOUNTS.map((account, i) => ({ id: `c_${i}`, account_id: account, name: `Round ${round}` }));
      sent.push(
        post('/v1/accounts', { accounts }),
        post('/v1/accounts', { accounts: [...accounts].reverse() }),
        post('/v1/contacts', { contacts }),
        post('/v1/contacts', { contacts: [...contacts].reverse() }),
      );
    }
    const { bad } = await statuses(sent);
    expect(bad).toEqual([]);
    const rows = await t.deps.db.selectFrom('accounts').select(['external_id', 'attributes']).execute();
    expect(rows).toHaveLength(ACCOUNTS.length);
    // Attributes merge key by key: every round's key is there, none lost to a retried write.
    for (const r of rows) expect(Object.keys(r.attributes as object)).toHaveLength(ROUNDS);
    const contacts = await t.deps.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('external_id', 'like', 'c\\_%')
      .executeTakeFirstOrThrow();
    expect(Number(contacts.n)).toBe(ACCOUNTS.length);
  });

  // The embedded database runs one transaction at a time, so two cannot wait on each other.
  it.skipIf(databaseKind === 'pglite')(
    'runs a transaction again when Postgres picks it as a deadlock victim',
    async () => {
      const [a, b] = ['acct_00', 'acct_01'];
      let arrived = 0;
      let release: () => void = () => {};
      const bothHoldOneRow = new Promise<void>((resolve) => {
        release = resolve;
      });
      const attempts = { first: 0, second: 0 };
      // Each transaction locks one row, waits until the other holds its own, then reaches for
      // the other's: a guaranteed deadlock on the first attempt, a clean run on the retry.
      const crosswise = (mine: string, theirs: string, counter: 'first' | 'second') =>
        retryTransaction(t.deps.db, async (trx) => {
          attempts[counter]++;
          const touch = (id: string) =>
            sql`update accounts set plan = ${counter} where external_id = ${id}`.execute(trx);
          await touch(mine);
          if (attempts[counter] === 1) {
            if (++arrived === 2) release();
            await bothHoldOneRow;
          }
          await touch(theirs);
          return counter;
        });
      await expect(Promise.all([crosswise(a, b, 'first'), crosswise(b, a, 'second')])).resolves.toEqual([
        'first',
        'second',
      ]);
      // Exactly one of them was chosen as the victim and ran again.
      expect(attempts.first + attempts.second).toBe(3);
    },
  );
});
