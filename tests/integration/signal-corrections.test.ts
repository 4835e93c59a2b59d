import { churnRiskTemplate } from '@candor/api/guides/templates/churn-risk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { eventually } from '../support/eventually';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';
import { runJob } from '../support/jobs';

const PRICE =
  "Honestly it's too expensive for what we get. Our CFO has frozen new spend and we are switching to Acme Analytics next month.";

type Signal = { id: string; kind: string; label: string; value: Record<string, unknown>; corrected: boolean };

describe(`CSM corrections of signals (${databaseKind})`, () => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let interviewId: string;
  let carol: ReturnType<typeof consoleCall>;
  let stranger: ReturnType<typeof consoleCall>;

  const signals = async (): Promise<Signal[]> =>
    (await readJson(await carol('GET', `/interviews/${interviewId}`))).signals;
  const brief = async () => readJson(await t.request('/v1/accounts/acme/brief', { token: seeded.ws.secret_key }));
  const briefText = (b: { content: { sections: { items: { text: string }[] }[] } }) =>
    b.content.sections.flatMap((s) => s.items.map((i) => i.text)).join('\n');

  beforeAll(async () => {
    t = await startTestApp({ CANDOR_BRIEF_REFRESH_SECONDS: '1' });
    seeded = await seedWorkspace(t, churnRiskTemplate.body);
    await t.deps.db
      .updateTable('accounts')
      .set({
        renewal_date: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
        health_state: 'healthy',
        owner_email: 'carol@vendor.io',
      })
      .where('id', '=', seeded.accountId)
      .execute();
    carol = consoleCall(t, (await signIn(t, seeded.ws.id, 'carol@vendor.io', 'csm')).cookie);
    const other = await seedWorkspace(t);
    stranger = consoleCall(t, (await signIn(t, other.ws.id, 'eve@other.io', 'admin')).cookie);
    interviewId = (await invite(t, seeded.ws, seeded.guideId)).id;
    const { token } = await identify(t, seeded.ws);
    await t.request(`/v1/widget/interviews/${interviewId}/start`, { method: 'POST', token });
    let status = 'started';
    for (let i = 0; status === 'started' && i < 8; i++)
      status =
        (await answer(t, interviewId, token, `a${i}`, i === 0 ? PRICE : longAnswer('reporting'))).done?.status ??
        'started';
    await eventually(async () => (await signals()).some((s) => s.kind === 'competitor'), 20_000);
    await eventually(async () => {
      const res = await t.request('/v1/accounts/acme/brief', { token: seeded.ws.secret_key });
      return res.status === 200;
    }, 20_000);
  }, 120_000);
  afterAll(() => t?.close());

  it('changes and dismisses signals; health, the brief and the counts follow, and re-extraction keeps them', async () => {
    const before = await signals();
    const competitor = before.find((s) => s.kind === 'competitor')!;
    const churn = before.filter((s) => s.kind === 'churn_risk');
    expect(churn.length).toBeGreaterThan(0);
    const v1 = await brief();
    expect(briefText(v1)).toMatch(/mentioned Acme Analytics/);

    // Validated, and only within the workspace.
    const post = (id: string, body: unknown, call = carol) => call('POST', `/signals/${id}/corrections`, body);
    expect((await post(competitor.id, { action: 'change', kind: 'competitor', value: { name: '' } })).status).toBe(400);
    expect((await post(competitor.id, { action: 'change', kind: 'vibe', value: {} })).status).toBe(400);
    expect((await post(competitor.id, { action: 'dismiss' }, stranger)).status).toBe(404);

    const changed = await post(competitor.id, {
      action: 'change',
      kind: 'competitor',
      value: { name: 'Acme Analytics Cloud' },
    });
    expect(changed.status).toBe(201);
    for (const s of churn) expect((await post(s.id, { action: 'dismiss' })).status).toBe(201);

    const after = await signals();
    expect(after.filter((s) => s.kind === 'churn_risk')).toEqual([]);
    expect(after.find((s) => s.id === competitor.id)).toMatchObject({
      label: 'Acme Analytics Cloud',
      corrected: true,
    });
    // Health at once: no churn risk left behind it.
    const account = await t.deps.db
      .selectFrom('accounts')
      .select('health_reasons')
      .where('id', '=', seeded.accountId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(account.health_reasons)).not.toMatch(/churn_risk/);
    // The brief is rewritten without a click.
    const v2 = await eventually(async () => {
      const b = await brief();
      return b.version > v1.version ? b : undefined;
    }, 20_000);
    expect(briefText(v2)).toMatch(/mentioned Acme Analytics Cloud/);
    expect(briefText(v2)).not.toMatch(/high risk of leaving|Price \/ value/);

    // Re-extraction: the dismissed stay dismissed, the changed one stays as the CSM left it, once.
    await runJob(t, 'extract-interview', { workspaceId: seeded.ws.id, interviewId });
    const again = await signals();
    expect(again.filter((s) => s.kind === 'churn_risk')).toEqual([]);
    expect(again.filter((s) => s.kind === 'competitor')).toEqual([
      expect.objectContaining({ id: competitor.id, label: 'Acme Analytics Cloud', corrected: true }),
    ]);

    const counts = (await readJson(await carol('GET', '/signal-corrections'))).kinds;
    expect(counts).toEqual(
      expect.arrayContaining([
        { kind: 'churn_risk', changed: 0, dismissed: churn.length, from_rules: churn.length, from_ai: 0 },
        { kind: 'competitor', changed: 1, dismissed: 0, from_rules: 1, from_ai: 0 },
      ]),
    );
    expect((await readJson(await stranger('GET', '/signal-corrections'))).kinds).toEqual([]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('workspace_id', '=', seeded.ws.id)
      .where('action', 'like', 'signal.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['signal.change', ...churn.map(() => 'signal.dismiss')].sort());
  });

  it("erases the corrections with the person's data", async () => {
    const corrections = () =>
      t.deps.db.selectFrom('signal_corrections').select('id').where('interview_id', '=', interviewId).execute();
    expect((await corrections()).length).toBeGreaterThan(0);
    const res = await t.request('/v1/contacts/u_42', { method: 'DELETE', token: seeded.ws.secret_key });
    expect(res.status).toBeLessThan(300);
    expect(await corrections()).toEqual([]);
  });
});
