import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

type Model = {
  book: { customers: number; csms: number; acv_cents: number };
  effective_book: { headline: number | null; trend: { quarter: string }[] };
  coverage: { activities: unknown[]; top_moves: unknown[]; projected_book_per_csm: number };
  automation: { top: unknown[] };
  roi: {
    seed_example: { result: { total_impact_cents: number; return_ratio: number } };
    own_book: { inputs: { customers: number; grr_lift_points: number }; lift_basis: string; sensitivity: unknown[] };
  };
  engagement: {
    baseline: { survey_response_rate: number | null };
    moments: {
      moment: string;
      invited: number;
      response_rate: number;
      completion_rate: number;
      lift_vs_baseline: number | null;
      time_to_insight_hours: { median: number; p90: number; n: number } | null;
    }[];
  };
  inputs: { baseline: { survey_response_rate: number | null } };
};

describe(`operating model endpoints (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  const get = async () => (await readJson(await t.request('/v1/operating-model', { token: ws.secret_key }))) as Model;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    const ids = ['a1', 'a2', 'a3', 'a4'];
    const accounts = ids.map((id, i) => ({ id, name: id, arr: 40000, owner_email: i < 2 ? 'sam@v.io' : 'kim@v.io' }));
    expect((await t.request('/v1/accounts', { method: 'POST', token: ws.secret_key, json: { accounts } })).status).toBe(
      200,
    );
    const contacts = ids.map((id) => ({ id: `c-${id}`, account_id: id, email: `${id}@example.com` }));
    expect((await t.request('/v1/contacts', { method: 'POST', token: ws.secret_key, json: { contacts } })).status).toBe(
      200,
    );
  });
  afterAll(() => t?.close());

  it('saves inputs per workspace and rejects an allocation that does not add up, saving nothing', async () => {
    const put = (json: unknown) =>
      t.request('/v1/operating-model/inputs', { method: 'PUT', token: ws.secret_key, json });
    const bad = await put({ coverage: { allocation: { onboarding: 50, admin_data_entry: 40 } } });
    expect(bad.status).toBe(400);
    expect(((await readJson(bad)) as { error: { message: string } }).error.message).toContain('allocation');
    expect(
      await t.deps.db.selectFrom('operating_model_inputs').selectAll().where('workspace_id', '=', ws.id).execute(),
    ).toEqual([]);
    const ok = await put({ baseline: { survey_response_rate: 0.09, survey_name: 'NPS' } });
    expect(ok.status).toBe(200);
    const saved = (await readJson(await t.request('/v1/operating-model/inputs', { token: ws.secret_key }))) as {
      baseline: { survey_response_rate: number };
      targets: { grr: number };
    };
    expect(saved.baseline.survey_response_rate).toBe(0.09);
    expect(saved.targets.grr).toBe(0.9);
  });

  it('shows response and completion per moment against the baseline, and time to first signal', async () => {
    const guide = await t.deps.db
      .selectFrom('guides')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('moment', '=', 'health_pulse')
      .executeTakeFirstOrThrow();
    const rule = (await readJson(
      await t.request('/v1/triggers', {
        method: 'POST',
        token: ws.secret_key,
        json: {
          name: 'Pulse',
          guide_id: guide.id,
          when: { type: 'manual' },
          who: { type: 'account_contacts', roles: [] },
          holdout_percent: 0,
        },
      }),
    )) as { id: string };
    const run = await t.request(`/v1/triggers/${rule.id}/run`, {
      method: 'POST',
      token: ws.secret_key,
      json: { account_ids: ['a1', 'a2', 'a3', 'a4'] },
    });
    expect(run.status).toBe(200);
    const invitations = await t.deps.db
      .selectFrom('invitations')
      .select(['interview_id', 'created_at'])
      .where('trigger_id', '=', rule.id)
      .orderBy('created_at')
      .execute();
    expect(invitations).toHaveLength(4);
    // Two contacts answer, one of them finishes and says something worth acting on two hours later.
    const [first, second] = invitations;
    const now = new Date();
    for (const inv of [first, second])
      await t.deps.db.updateTable('interviews').set({ started_at: now }).where('id', '=', inv!.interview_id!).execute();
    await t.deps.db
      .updateTable('interviews')
      .set({ status: 'completed', ended_at: now })
      .where('id', '=', first!.interview_id!)
      .execute();
    const message = await t.deps.db
      .insertInto('messages')
      .values({
        workspace_id: ws.id,
        interview_id: first!.interview_id!,
        seq: 2,
        role: 'customer',
        text: 'Exports are slow',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('signals')
      .values({
        workspace_id: ws.id,
        interview_id: first!.interview_id!,
        kind: 'theme',
        value: { label: 'exports' },
        quote: 'Exports are slow',
        message_id: message.id,
        source: 'rules',
        created_at: new Date(new Date(first!.created_at).getTime() + 2 * 3_600_000),
      })
      .execute();

    const model = await get();
    const pulse = model.engagement.moments.find((m) => m.moment === 'health_pulse');
    expect(pulse).toEqual({
      moment: 'health_pulse',
      invited: 4,
      response_rate: 0.5,
      completion_rate: 0.25,
      lift_vs_baseline: 5.6, // 50 % ÷ the NPS survey's 9 %
      time_to_insight_hours: { median: 2, p90: 2, n: 1 },
    });
    expect(model.engagement.baseline.survey_response_rate).toBe(0.09);
  });

  it("computes the ROI on the workspace's own book next to seed 002's example, and the rest of the model", async () => {
    const model = await get();
    expect(model.roi.seed_example.result.total_impact_cents).toBe(145_200_000);
    expect(model.book).toMatchObject({ customers: 4, csms: 2, acv_cents: 4_000_000 });
    expect(model.roi.own_book.inputs.customers).toBe(4);
    expect(model.roi.own_book.lift_basis).toBe('assumed');
    expect(model.roi.own_book.inputs.grr_lift_points).toBe(5);
    expect(model.roi.own_book.sensitivity).toHaveLength(8);
    expect(model.coverage.activities).toHaveLength(7);
    expect(model.coverage.top_moves).toHaveLength(3);
    expect(model.automation.top).toHaveLength(5);
    expect(model.effective_book).toMatchObject({ headline: null, trend: [] });
  });

  it('serves the console page to admins only', async () => {
    const admin = await signIn(t, ws.id, 'lead@v.io', 'admin');
    const csm = await signIn(t, ws.id, 'sam@v.io', 'csm');
    const asAdmin = await consoleCall(t, admin.cookie)('GET', '/operating-model');
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers.get('cache-control')).toBe('no-store');
    expect((await consoleCall(t, csm.cookie)('GET', '/operating-model')).status).toBe(403);
    expect((await consoleCall(t, undefined)('GET', '/operating-model')).status).toBe(401);
    const saved = await consoleCall(t, admin.cookie)('PUT', '/operating-model/inputs', {
      targets: { grr: 0.95, nrr: 1.05, expansion_rate: 0.3 },
    });
    expect(saved.status).toBe(200);
    expect(((await readJson(saved)) as Model).inputs).toMatchObject({ targets: { grr: 0.95 } });
  });

  it('documents the operating-model routes in /openapi.json', async () => {
    const doc = (await readJson(await t.request('/openapi.json'))) as { paths: Record<string, unknown> };
    for (const path of ['/v1/operating-model', '/v1/operating-model/inputs', '/v1/operating-model/holdouts'])
      expect(doc.paths[path]).toBeDefined();
  });
});
