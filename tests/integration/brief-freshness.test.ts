import { churnRiskTemplate } from '@candor/api/guides/templates/churn-risk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { eventually } from '../support/eventually';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';
import { jobsSettled } from '../support/jobs';

const PRICE = "Honestly it's too expensive for what we get, and we are comparing you with Looker.";
const HANDOFF = 'Can I speak with your account manager instead?';
/** Past the 4 s a brief refresh waits after the answers that queued it. */
const REFRESH_HORIZON_MS = 5_000;

/** Runs one interview on the guide through the widget endpoints until it closes. */
async function interview(t: TestApp, seeded: Awaited<ReturnType<typeof seedWorkspace>>, answers: string[]) {
  const { id } = await invite(t, seeded.ws, seeded.guideId);
  const { token } = await identify(t, seeded.ws);
  await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
  let status = 'started';
  for (let i = 0; status === 'started' && i < 10; i++) {
    const r = await answer(t, id, token, `${id}-${i}`, answers[Math.min(i, answers.length - 1)]!);
    status = r.done?.status ?? 'started';
  }
  expect(status).toBe('completed');
  return id;
}

type Brief = { version: number; content: { sections: { items: { quote: string | null }[] }[] } };
const quotes = (b: Brief) => b.content.sections.flatMap((s) => s.items.map((i) => i.quote)).filter(Boolean);

describe(`renewal briefs kept fresh by new answers (${databaseKind})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CANDOR_BRIEF_REFRESH_SECONDS: '4' });
  });
  afterAll(() => t?.close());

  it('rewrites the brief of an account in its renewal window after an interview, without a click', async () => {
    const seeded = await seedWorkspace(t, churnRiskTemplate.body);
    const renewal = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await t.deps.db
      .updateTable('accounts')
      .set({ renewal_date: renewal, health_state: 'healthy', owner_email: 'carol@vendor.io' })
      .where('id', '=', seeded.accountId)
      .execute();
    const carol = consoleCall(t, (await signIn(t, seeded.ws.id, 'carol@vendor.io', 'csm')).cookie);
    const brief = async () => {
      const res = await t.request('/v1/accounts/acme/brief', { token: seeded.ws.secret_key });
      return res.status === 200 ? ((await readJson(res)) as Brief) : undefined;
    };
    expect(await brief()).toBeUndefined();

    const started = Date.now();
    await interview(t, seeded, [PRICE, longAnswer('reporting')]);
    const first = await eventually(async () => {
      const b = await brief();
      return b && quotes(b).length > 0 ? b : undefined;
    }, 30_000);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(first.version).toBe(1);
    expect(quotes(first).join(' ')).toMatch(/too expensive/);

    // A second interview: until the refresh lands, the account page says what the brief does not know yet.
    await interview(t, seeded, [HANDOFF]);
    const page = await readJson(await carol('GET', `/accounts/${seeded.accountId}`));
    expect(page.brief).toMatchObject({ version: 1, new_answers: 1 });

    const second = await eventually(async () => {
      const b = await brief();
      return b && b.version === 2 ? b : undefined;
    }, 30_000);
    expect(quotes(second)).toContain(HANDOFF);
    const after = await readJson(await carol('GET', `/accounts/${seeded.accountId}`));
    expect(after.brief).toMatchObject({ version: 2, new_answers: 0 });
    // One version per burst: nothing else is rewritten while nothing new arrives.
    await jobsSettled(t, { horizonMs: REFRESH_HORIZON_MS });
    expect((await brief())?.version).toBe(2);
  }, 90_000);

  it('puts an account at risk when a customer asks for a person, fires account.state_changed and queues it', async () => {
    const seeded = await seedWorkspace(t);
    await t.deps.db
      .updateTable('accounts')
      .set({ health_state: 'healthy' })
      .where('id', '=', seeded.accountId)
      .execute();
    const id = await interview(t, seeded, [HANDOFF]);
    const account = await eventually(async () => {
      const row = await t.deps.db
        .selectFrom('accounts')
        .select(['health_state', 'health_reasons'])
        .where('id', '=', seeded.accountId)
        .executeTakeFirstOrThrow();
      return row.health_state === 'at_risk' ? row : undefined;
    }, 20_000);
    // The state is written before the event and the review item of the same pass.
    await jobsSettled(t);
    expect(account.health_reasons).toContainEqual(
      expect.objectContaining({ code: 'wants_human', evidence: expect.objectContaining({ interview_id: id }) }),
    );
    const changed = await t.deps.db
      .selectFrom('events')
      .select('properties')
      .where('workspace_id', '=', seeded.ws.id)
      .where('name', '=', 'account.state_changed')
      .execute();
    expect(changed.map((e) => e.properties)).toContainEqual(
      expect.objectContaining({ from: 'healthy', to: 'at_risk', reasons: expect.arrayContaining(['wants_human']) }),
    );
    const detail = await readJson(await t.request(`/v1/interviews/${id}`, { token: seeded.ws.secret_key }));
    expect(detail.signals).toContainEqual(
      expect.objectContaining({ kind: 'wants_human', quote: HANDOFF, source: 'rules' }),
    );
    const queue = await readJson(await t.request('/v1/review-items?status=open', { token: seeded.ws.secret_key }));
    expect(queue.items.map((i: { kind: string }) => i.kind)).toContain('handoff');
    // An account outside its renewal window and without a brief gets none written for it.
    await jobsSettled(t, { horizonMs: REFRESH_HORIZON_MS });
    expect((await t.request('/v1/accounts/acme/brief', { token: seeded.ws.secret_key })).status).toBe(404);
  }, 60_000);
});
