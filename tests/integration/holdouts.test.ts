import { isHeldOut } from '@candor/api/triggers/holdout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

type Result = { contact_id: string; decision: string; reason?: string };
type Comparison = {
  enough_data: boolean;
  verdict: string;
  treated: { accounts: number; nrr: number };
  held_out: { accounts: number; nrr: number };
  lift: { nrr: { estimate: number; low: number; high: number } } | null;
};

describe(`trigger holdouts and the lift they measure (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  let guideId: string;
  const N = 120;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    const guide = await t.deps.db
      .selectFrom('guides')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('moment', '=', 'health_pulse')
      .executeTakeFirstOrThrow();
    guideId = guide.id;
    const ids = Array.from({ length: N }, (_, i) => `acct-${i}`);
    const accounts = ids.map((id) => ({ id, name: id, arr: 10000, owner_email: 'sam@vendor.io' }));
    expect((await t.request('/v1/accounts', { method: 'POST', token: ws.secret_key, json: { accounts } })).status).toBe(
      200,
    );
    const contacts = ids.map((id) => ({ id: `c-${id}`, account_id: id, email: `${id}@example.com` }));
    expect((await t.request('/v1/contacts', { method: 'POST', token: ws.secret_key, json: { contacts } })).status).toBe(
      200,
    );
  });
  afterAll(() => t?.close());

  const createTrigger = async (extra: object) => {
    const res = await t.request('/v1/triggers', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        name: 'Pulse',
        guide_id: guideId,
        when: { type: 'manual' },
        who: { type: 'account_contacts', roles: [] },
        ...extra,
      },
    });
    expect(res.status).toBe(201);
    return (await readJson(res)) as { id: string; holdout_percent: number };
  };

  it('keeps a 10 % control group by default, configurable per trigger', async () => {
    expect((await createTrigger({})).holdout_percent).toBe(10);
    expect((await createTrigger({ holdout_percent: 0 })).holdout_percent).toBe(0);
    const tooBig = await t.request('/v1/triggers', {
      method: 'POST',
      token: ws.secret_key,
      json: { name: 'Pulse', guide_id: guideId, when: { type: 'manual' }, holdout_percent: 80 },
    });
    expect(tooBig.status).toBe(400);
  });

  it('keeps a trigger’s holdout share (and the rest of its rule) when only its name changes', async () => {
    const rule = await createTrigger({ holdout_percent: 25, enabled: false });
    const res = await t.request(`/v1/triggers/${rule.id}`, {
      method: 'PATCH',
      token: ws.secret_key,
      json: { name: 'Renamed' },
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toMatchObject({
      name: 'Renamed',
      holdout_percent: 25,
      enabled: false,
      who: { type: 'account_contacts', roles: [] },
    });
  });

  let held: string[] = [];
  it('records held-out accounts as skipped: holdout, never contacts them, and counts them in the funnel', async () => {
    const rule = await createTrigger({ holdout_percent: 30 });
    const res = await t.request(`/v1/triggers/${rule.id}/run`, {
      method: 'POST',
      token: ws.secret_key,
      json: { account_ids: Array.from({ length: N }, (_, i) => `acct-${i}`) },
    });
    expect(res.status).toBe(200);
    const { results } = (await readJson(res)) as { results: Result[] };
    expect(results).toHaveLength(N);
    held = results.filter((r) => r.reason === 'holdout').map((r) => r.contact_id.replace(/^c-/, ''));
    expect(held.length).toBeGreaterThan(N * 0.15);
    expect(held.length).toBeLessThan(N * 0.45);
    expect(results.filter((r) => r.decision === 'invited')).toHaveLength(N - held.length);

    // The group is the stable hash of (trigger, account): the same accounts every time.
    const accountIds = await t.deps.db
      .selectFrom('accounts')
      .select(['id', 'external_id'])
      .where('workspace_id', '=', ws.id)
      .execute();
    const expected = accountIds.filter((a) => isHeldOut(rule.id, a.id, 30)).map((a) => a.external_id);
    expect(held.sort()).toEqual(expected.sort());

    const heldInterviews = await t.deps.db
      .selectFrom('interviews')
      .innerJoin('accounts', 'accounts.id', 'interviews.account_id')
      .select('interviews.id')
      .where('accounts.external_id', 'in', held)
      .execute();
    expect(heldInterviews).toEqual([]);
    const funnel = (await readJson(await t.request(`/v1/triggers/${rule.id}/funnel`, { token: ws.secret_key }))) as {
      skipped_by_reason: Record<string, number>;
      invited: number;
    };
    expect(funnel.skipped_by_reason.holdout).toBe(held.length);
    expect(funnel.invited).toBe(N - held.length);
  });

  const holdouts = async (token = ws.secret_key) =>
    (await readJson(await t.request('/v1/operating-model/holdouts', { token }))) as {
      overall: Comparison;
      by_trigger: (Comparison & { holdout_percent: number })[];
    };

  it('says there is not enough data before renewals arrive', async () => {
    const report = await holdouts();
    expect(report.overall.enough_data).toBe(false);
    expect(report.overall.lift).toBeNull();
    expect(report.overall.verdict).toBe(
      'Not enough data yet: no trigger has 20 treated and 20 held-out accounts that renewed or churned since assignment (largest control group: 0).',
    );
    expect(report.by_trigger.find((r) => r.holdout_percent === 30)?.verdict).toMatch(
      /^Not enough data yet: 0 treated and 0 held-out accounts/,
    );
  });

  it('compares treated and held-out renewals with an interval and the sample sizes', async () => {
    const heldSet = new Set(held);
    // Treated accounts grow 20 %; held-out ones stay flat, and every fourth churns.
    const renewals = Array.from({ length: N }, (_, i) => {
      const id = `acct-${i}`;
      const after = heldSet.has(id) ? (i % 4 === 0 ? 0 : 10000) : 12000;
      return { id: `ren-${i}`, account_id: id, date: today, arr_before: 10000, arr_after: after };
    });
    expect((await t.request('/v1/renewals', { method: 'POST', token: ws.secret_key, json: { renewals } })).status).toBe(
      200,
    );
    const report = await holdouts();
    const pulse = report.by_trigger.find((r) => r.holdout_percent === 30);
    expect(pulse?.held_out.accounts).toBe(held.length);
    expect(pulse?.treated.accounts).toBe(N - held.length);
    expect(pulse?.enough_data).toBe(true);
    expect(pulse?.treated.nrr).toBeCloseTo(1.2, 10);
    expect(pulse?.lift?.nrr.low).toBeGreaterThan(0);
    expect(pulse?.lift?.nrr.low).toBeLessThanOrEqual(pulse?.lift?.nrr.estimate ?? 0);
    expect(pulse?.verdict).toMatch(/^NRR is .* higher for treated accounts/);
    expect(report.overall.held_out.accounts).toBe(held.length);
  });

  it("keeps each workspace's comparison to itself", async () => {
    const other = await createTestWorkspace(t, 'Other');
    const report = await holdouts(other.secret_key);
    expect(report.by_trigger).toEqual([]);
    expect(report.overall.treated.accounts).toBe(0);
  });
});
