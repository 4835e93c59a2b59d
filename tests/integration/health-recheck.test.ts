import { recomputeHealth } from '@candor/api/synthesis/account-health';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { runJob } from '../support/jobs';
import { recordAnswer } from '../support/signal-fixtures';

const DAY = 86_400_000;

/**
 * The nightly pass reads only accounts whose health can change: those with new data and those
 * whose recheck time (a usage window sliding past a threshold, a signal leaving the 90 days)
 * has come. Driven through `/v1/events` and the nightly job on a clock the test moves a day
 * at a time; after every night, a full recomputation of every account changes nothing.
 */
describe(`the nightly health pass reads only accounts that can change (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  // Noon UTC today: each night below is a whole UTC day later.
  const day0 = Date.parse(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);
  let clock = day0;
  const ids: Record<string, string> = {};

  const post = async (path: string, json: unknown) => {
    const res = await t.request(path, { method: 'POST', token: ws.secret_key, json });
    expect(res.status, path).toBeLessThan(300);
    return readJson(res);
  };
  const logins = (account: string, count: number, at: number) =>
    Array.from({ length: count }, (_, i) => ({
      event: 'login',
      account_id: account,
      timestamp: new Date(at - i * 60_000).toISOString(),
    }));

  beforeAll(async () => {
    t = await startTestApp();
    t.deps.now = () => new Date(clock);
    ws = await createTestWorkspace(t, 'Recheck Co');
    await post('/v1/accounts', {
      accounts: ['sliding', 'steady', 'busy', 'aging', 'idle'].map((id) => ({ id, name: id })),
    });
    await post('/v1/events', {
      events: [
        // Usage down 22% today (31 events against 40). The 30 of 28 days ago leave the recent
        // window in two days: down 98% then, with no new event.
        ...logins('sliding', 40, day0 - 45 * DAY),
        ...logins('sliding', 30, day0 - 28 * DAY),
        ...logins('sliding', 1, day0 - DAY),
        // Two logins a day for 60 days: steady for a week without new events.
        ...Array.from({ length: 60 }, (_, d) => logins('steady', 2, day0 - d * DAY)).flat(),
        ...Array.from({ length: 60 }, (_, d) => logins('busy', 2, day0 - d * DAY)).flat(),
      ],
    });
    const rows = await t.deps.db
      .selectFrom('accounts')
      .select(['id', 'external_id'])
      .where('workspace_id', '=', ws.id)
      .execute();
    for (const r of rows) ids[r.external_id] = r.id;
    // A request for a person 88½ days ago: at risk until it leaves the 90 days, in a day and a half.
    await recordAnswer(t, ws.id, {
      accountId: ids.aging!,
      text: 'Can someone from your team call me?',
      signals: [
        {
          kind: 'wants_human',
          value: { reason: 'call' },
          quote: 'Can someone from your team call me?',
          created_at: new Date(day0 - 88.5 * DAY),
        },
      ],
    });
  }, 120_000);
  afterAll(() => t?.close());

  /** The nightly job at `clock`, with what it logged: accounts read, evaluated and changed. */
  const nightly = async () => {
    const info = vi.spyOn(t.deps.log, 'info');
    try {
      await runJob(t, 'recompute-all-health', {});
      const [pass] = info.mock.calls.find((call) => call[1] === 'account health recomputed') ?? [];
      return pass as unknown as { read: number; evaluated: number; changed: number };
    } finally {
      info.mockRestore();
    }
  };
  const accounts = async () =>
    Object.fromEntries(
      (
        await t.deps.db
          .selectFrom('accounts')
          .select(['external_id', 'health_state', 'health_reasons', sql<string>`xmin::text`.as('row_version')])
          .where('workspace_id', '=', ws.id)
          .execute()
      ).map(({ external_id, ...rest }) => [external_id, rest]),
    );
  /**
   * What the pass before recheck times did: every account evaluated on the same data at the
   * same time. Nothing may differ from what the nightly pass left.
   */
  const expectFullRecomputationAgrees = async () => {
    const before = await accounts();
    expect(await recomputeHealth(t.deps, ws, Object.values(ids))).toEqual([]);
    const after = await accounts();
    const health = (all: typeof before) =>
      Object.fromEntries(
        Object.entries(all).map(([k, v]) => [k, { state: v.health_state, reasons: v.health_reasons }]),
      );
    expect(health(after)).toEqual(health(before));
  };

  it('skips quiet accounts on a night nothing can change and catches a slid window the day it crosses', async () => {
    // Night 0: every account is new, so every one is read and evaluated.
    expect(await nightly()).toEqual({ read: 5, evaluated: 5, changed: 4 });
    const night0 = await accounts();
    expect(night0.sliding?.health_state).toBe('healthy');
    expect(night0.steady?.health_state).toBe('healthy');
    expect(night0.aging?.health_state).toBe('at_risk');
    expect(night0.idle?.health_state).toBe('unknown');
    await expectFullRecomputationAgrees();

    // Night 1: new logins at one account only, and no window crosses a threshold. Only that
    // account is read; its usage reads as before, so it is not evaluated; no other row is touched.
    const quiet = await accounts();
    clock = day0 + DAY;
    await post('/v1/events', { events: logins('busy', 2, clock - 3_600_000) });
    expect(await nightly()).toEqual({ read: 1, evaluated: 0, changed: 0 });
    const night1 = await accounts();
    for (const name of ['sliding', 'steady', 'aging', 'idle']) expect(night1[name], name).toEqual(quiet[name]);
    await expectFullRecomputationAgrees();

    // Night 2: with no new event the sliding account's usage is down 98%, and the request for a
    // person has left the 90 days. Both are read and change; the steady ones are not read.
    const beforeNight2 = await accounts();
    clock = day0 + 2 * DAY;
    expect(await nightly()).toEqual({ read: 2, evaluated: 2, changed: 2 });
    const night2 = await accounts();
    expect(night2.sliding?.health_state).toBe('at_risk');
    expect(night2.sliding?.health_reasons).toEqual([
      expect.objectContaining({ code: 'usage_drop', text: expect.stringContaining('(70 → 1 events)') }),
    ]);
    expect(night2.aging?.health_state).toBe('unknown');
    for (const name of ['steady', 'busy', 'idle']) expect(night2[name], name).toEqual(beforeNight2[name]);
    await expectFullRecomputationAgrees();
  });
  it('reads an account the night after its customer spoke, and again the night after the words were erased', async () => {
    // Continues the nights above: on night 3 nothing is due but what is new.
    clock = day0 + 3 * DAY;
    await post('/v1/contacts', {
      contacts: [{ id: 'steady-champion', account_id: 'steady', email: 'c@steady.example' }],
    });
    const champion = await t.deps.db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('external_id', '=', 'steady-champion')
      .executeTakeFirstOrThrow();
    await recordAnswer(t, ws.id, {
      accountId: ids.steady!,
      contactId: champion.id,
      text: 'We are moving to another vendor next quarter.',
      signals: [
        {
          kind: 'churn_risk',
          value: { level: 'high', reasons: ['competitor'] },
          quote: 'moving to another vendor',
          created_at: new Date(clock - 3_600_000),
        },
      ],
    });
    expect(await nightly()).toEqual({ read: 1, evaluated: 1, changed: 1 });
    expect((await accounts()).steady?.health_state).toBe('at_risk');
    await expectFullRecomputationAgrees();

    // Erasing the contact deletes what they said: the next night reads that account alone.
    clock = day0 + 4 * DAY;
    const erased = await t.request('/v1/contacts/steady-champion', { method: 'DELETE', token: ws.secret_key });
    expect(erased.status).toBeLessThan(300);
    expect(await nightly()).toEqual({ read: 1, evaluated: 1, changed: 1 });
    expect((await accounts()).steady?.health_state).toBe('healthy');
    await expectFullRecomputationAgrees();
  });
});
