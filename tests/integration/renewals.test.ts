import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

describe(`POST /v1/renewals and GET /v1/operating-model/retention (${databaseKind})`, () => {
  let t: TestApp;
  let key: string;
  let otherKey: string;
  beforeAll(async () => {
    t = await startTestApp();
    key = (await createTestWorkspace(t, 'Acme')).secret_key;
    otherKey = (await createTestWorkspace(t, 'Globex')).secret_key;
    const accounts = [
      { id: 'a1', name: 'Initech', arr: 40000, plan: 'enterprise', owner_email: 'sam@vendor.io' },
      { id: 'a2', name: 'Umbrella', arr: 20000, plan: 'team', owner_email: 'sam@vendor.io' },
      { id: 'a3', name: 'Hooli', arr: 10000, plan: 'team', owner_email: 'kim@vendor.io' },
    ];
    const res = await t.request('/v1/accounts', { method: 'POST', json: { accounts }, token: key });
    expect(res.status).toBe(200);
  });
  afterAll(() => t?.close());

  const post = (json: unknown, token = key) => t.request('/v1/renewals', { method: 'POST', json, token });
  const countRenewals = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('renewal_outcomes')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('records renewals in cents, deriving the outcome and copying plan and CSM from the account', async () => {
    const res = await post({
      renewals: [
        { id: 'r1', account_id: 'a1', date: '2026-02-15', arr_before: 40000, arr_after: 48000.5 },
        { id: 'r2', account_id: 'a2', date: '2026-05-01', arr_before: 20000, arr_after: 0, outcome: 'churned' },
        {
          id: 'r3',
          account_id: 'a3',
          date: '2026-05-20',
          arr_before: 10000,
          arr_after: 8000,
          owner_email: 'lee@vendor.io',
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({
      created: 3,
      updated: 0,
      renewals: [
        { id: 'r1', status: 'created', outcome: 'expanded' },
        { id: 'r2', status: 'created', outcome: 'churned' },
        { id: 'r3', status: 'created', outcome: 'contracted' },
      ],
    });
    const r1 = await t.deps.db
      .selectFrom('renewal_outcomes')
      .select(['arr_before_cents', 'arr_after_cents', 'plan', 'owner_email', 'occurred_on'])
      .where('external_id', '=', 'r1')
      .executeTakeFirstOrThrow();
    expect(r1).toEqual({
      arr_before_cents: '4000000',
      arr_after_cents: '4800050',
      plan: 'enterprise',
      owner_email: 'sam@vendor.io',
      occurred_on: '2026-02-15',
    });
  });

  it('is idempotent by id: a replay updates in place and adds no row', async () => {
    const before = await countRenewals();
    const res = await post({
      renewals: [{ id: 'r1', account_id: 'a1', date: '2026-02-15', arr_before: 40000, arr_after: 48000.5 }],
    });
    expect(await readJson(res)).toMatchObject({ created: 0, updated: 1 });
    expect(await countRenewals()).toBe(before);
  });

  it.each([
    [
      'an unknown account',
      { id: 'x1', account_id: 'nope', date: '2026-01-01', arr_before: 1, arr_after: 1 },
      'renewals.1.account_id',
    ],
    [
      'an outcome that contradicts the amounts',
      { id: 'x1', account_id: 'a1', date: '2026-01-01', arr_before: 10, arr_after: 5, outcome: 'renewed' },
      'renewals.1.outcome',
    ],
    [
      'a bad date',
      { id: 'x1', account_id: 'a1', date: '31/01/2026', arr_before: 10, arr_after: 10 },
      'renewals.1.date',
    ],
    [
      'negative money',
      { id: 'x1', account_id: 'a1', date: '2026-01-01', arr_before: -1, arr_after: 10 },
      'renewals.1.arr_before',
    ],
    ['camelCase fields', { id: 'x1', accountId: 'a1', date: '2026-01-01', arr_before: 1, arr_after: 1 }, 'renewals.1'],
  ])('rejects %s with 400 and writes nothing, not even the valid items', async (_name, bad, path) => {
    const before = await countRenewals();
    const res = await post({
      renewals: [{ id: 'ok1', account_id: 'a1', date: '2026-01-01', arr_before: 1, arr_after: 1 }, bad],
    });
    expect(res.status).toBe(400);
    const body = (await readJson(res)) as { error: { message: string } };
    expect(body.error.message).toContain(path);
    expect(await countRenewals()).toBe(before);
  });

  it('does not see another workspace’s accounts', async () => {
    const res = await post(
      { renewals: [{ id: 'r1', account_id: 'a1', date: '2026-02-15', arr_before: 1, arr_after: 1 }] },
      otherKey,
    );
    expect(res.status).toBe(400);
  });

  it('reports GRR and NRR per workspace, CSM, plan and quarter', async () => {
    const res = await t.request('/v1/operating-model/retention', { token: key });
    expect(res.status).toBe(200);
    const report = (await readJson(res)) as {
      workspace: { grr: number; nrr: number; renewals: number };
      by_csm: { key: string; grr: number; nrr: number }[];
      by_plan: { key: string; nrr: number }[];
      by_quarter: { key: string; grr: number }[];
    };
    // Before 70,000; kept 40,000 + 0 + 8,000 = 48,000; after 48,000.50 + 0 + 8,000.
    expect(report.workspace.renewals).toBe(3);
    expect(report.workspace.grr).toBeCloseTo(48000 / 70000, 10);
    expect(report.workspace.nrr).toBeCloseTo(56000.5 / 70000, 10);
    expect(report.by_csm.map((g) => g.key)).toEqual(['lee@vendor.io', 'sam@vendor.io']);
    expect(report.by_csm[1]?.grr).toBeCloseTo(40000 / 60000, 10);
    expect(report.by_plan.find((g) => g.key === 'team')?.nrr).toBeCloseTo(8000 / 30000, 10);
    expect(report.by_quarter.map((g) => [g.key, g.grr])).toEqual([
      ['2026-Q1', 1],
      ['2026-Q2', 8000 / 30000],
    ]);
    const other = (await readJson(await t.request('/v1/operating-model/retention', { token: otherKey }))) as {
      workspace: { renewals: number; grr: null };
    };
    expect(other.workspace).toMatchObject({ renewals: 0, grr: null });
  });

  it('documents both routes in /openapi.json', async () => {
    const doc = (await readJson(await t.request('/openapi.json'))) as { paths: Record<string, unknown> };
    expect(doc.paths['/v1/renewals']).toBeDefined();
    expect(doc.paths['/v1/operating-model/retention']).toBeDefined();
  });
});
