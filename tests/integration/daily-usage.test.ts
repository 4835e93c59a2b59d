import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, startTestApp, type TestApp } from '../support/harness';

// The periodic passes read usage from a per-account daily rollup instead of scanning events.
// Whatever path stores or removes events, the rollup must say what counting the events says.
describe(`the daily usage rollup (${databaseKind})`, () => {
  let t: TestApp;
  let ws: Awaited<ReturnType<typeof createTestWorkspace>>;
  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    const res = await t.request('/v1/accounts', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        accounts: [
          { id: 'a1', name: 'A1' },
          { id: 'a2', name: 'A2' },
        ],
      },
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => t?.close());

  const counted = async () => {
    const { rows } = await sql<{ account: string; day: string; n: number }>`
      select a.external_id as account, to_char((e.occurred_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day,
             count(*)::int as n
      from events e join accounts a on a.id = e.account_id
      where e.workspace_id = ${ws.id} and e.name not in ('csm_touch', 'meeting_scheduled', 'account.state_changed')
      group by 1, 2 order by 1, 2`.execute(t.deps.db);
    return rows;
  };
  const rolledUp = async () => {
    const { rows } = await sql<{ account: string; day: string; n: number }>`
      select a.external_id as account, to_char(u.day, 'YYYY-MM-DD') as day, u.usage_events as n
      from account_daily_usage u join accounts a on a.id = u.account_id
      where u.workspace_id = ${ws.id} and u.usage_events > 0 order by 1, 2`.execute(t.deps.db);
    return rows;
  };

  it('counts usage events per account and UTC day from every write path, leaving out non-usage events', async () => {
    const events = [
      { event: 'login', account_id: 'a1', contact_id: 'u1', timestamp: '2026-03-01T23:30:00-02:00' },
      { event: 'login', account_id: 'a1', contact_id: 'u1', timestamp: '2026-03-02T00:30:00Z' },
      { event: 'report_run', account_id: 'a2', timestamp: '2026-03-02T12:00:00Z' },
      { event: 'csm_touch', account_id: 'a2', timestamp: '2026-03-02T12:00:00Z' },
      { event: 'meeting_scheduled', account_id: 'a1', timestamp: '2026-03-02T12:00:00Z' },
      { event: 'login', contact_id: 'loner', timestamp: '2026-03-02T12:00:00Z' },
    ];
    const res = await t.request('/v1/events', { method: 'POST', token: ws.secret_key, json: { events } });
    expect(res.status).toBe(200);
    // A repeat by message_id is stored once and so counted once.
    for (let i = 0; i < 2; i++)
      await t.request('/v1/events', {
        method: 'POST',
        token: ws.secret_key,
        json: { events: [{ event: 'login', account_id: 'a2', message_id: 'm1', timestamp: '2026-03-03T08:00:00Z' }] },
      });
    // An event written straight to the table (as the engine's own writers do) counts too.
    const a1 = await t.deps.db
      .selectFrom('accounts')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('external_id', '=', 'a1')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('events')
      .values({
        workspace_id: ws.id,
        account_id: a1.id,
        name: 'export_run',
        properties: {},
        occurred_at: new Date('2026-03-03T10:00:00Z'),
      })
      .execute();

    expect(await rolledUp()).toEqual([
      { account: 'a1', day: '2026-03-02', n: 2 },
      { account: 'a1', day: '2026-03-03', n: 1 },
      { account: 'a2', day: '2026-03-02', n: 1 },
      { account: 'a2', day: '2026-03-03', n: 1 },
    ]);
    expect(await rolledUp()).toEqual(await counted());
  });

  it("takes an erased contact's events back out", async () => {
    const res = await t.request('/v1/contacts/u1', { method: 'DELETE', token: ws.secret_key });
    expect(res.status).toBeLessThan(300);
    expect(await rolledUp()).toEqual(await counted());
    expect((await rolledUp()).find((r) => r.account === 'a1' && r.day === '2026-03-02')).toBeUndefined();
  });
});
