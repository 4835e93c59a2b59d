import { createLoginLink } from '@candor/api/auth/login-links';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockOpenAI } from '../msw/openai';
import { consoleHeaders, followLoginLink } from '../support/console-session';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { recordAnswer } from '../support/signal-fixtures';
import { purposeOf, synthesisReply } from '../support/synthesis-replies';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'bypass' }));
afterAll(() => server.close());

const CSM = 'carol@vendor.io';
type Run = {
  id: string;
  status: string;
  stage: string;
  progress: number;
  brief_id: string | null;
  brief_version: number | null;
  mode: string | null;
};

describe(`regenerating briefs in the background (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  let other: { id: string; secret_key: string };
  let acmeId: string;
  let openai: ReturnType<typeof mockOpenAI>;

  async function signIn(workspaceId: string, email: string) {
    const link = await createLoginLink(t.deps, { workspaceId, email, role: 'csm' });
    return (await followLoginLink(t, link.url)).cookie;
  }

  /** Polls a run until it finishes, keeping every state it was seen in. */
  async function follow(get: () => Promise<Response> | Response) {
    const seen: Run[] = [];
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const res = await get();
      expect(res.status).toBe(200);
      const run = (await readJson(res)) as Run;
      seen.push(run);
      if (run.status === 'done' || run.status === 'failed') return seen;
      await new Promise((r) => setTimeout(r, 40));
    }
    throw new Error(`run did not finish: ${JSON.stringify(seen.at(-1))}`);
  }

  beforeAll(async () => {
    t = await startTestApp({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://openai.test/v1',
      CANDOR_MODEL_RETRY_DELAY_MS: '0',
    });
    ws = await createTestWorkspace(t);
    other = await createTestWorkspace(t, 'Other');
    // A model that takes a moment per call, so the run is seen half way.
    openai = mockOpenAI(server, {
      chat: (call) => ({
        json: synthesisReply(call.promptText),
        delayMs: purposeOf(call.promptText) === 'digest' ? 400 : 600,
      }),
    });
    await t.deps.db
      .insertInto('members')
      .values({ workspace_id: ws.id, email: CSM, name: 'Carol', role: 'csm' })
      .execute();
    const acme = await t.deps.db
      .insertInto('accounts')
      .values({
        workspace_id: ws.id,
        external_id: 'acme',
        name: 'Acme',
        owner_email: CSM,
        attributes: {},
        health_reasons: [],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    acmeId = acme.id;
    await recordAnswer(t, ws.id, {
      accountId: acme.id,
      text: 'Exports keep timing out and the price is hard to justify.',
      signals: [
        { kind: 'sentiment', value: { polarity: 'negative' }, quote: 'Exports keep timing out' },
        {
          kind: 'churn_risk',
          value: { level: 'high', reasons: ['price_value'] },
          quote: 'the price is hard to justify',
        },
      ],
    });
  });
  afterAll(() => t?.close());

  it('starts a renewal brief run (202), reports progress while running, then the new version is readable', async () => {
    const before = await t.request('/v1/accounts/acme/brief', { token: ws.secret_key });
    expect(before.status).toBe(404);
    const res = await t.request('/v1/accounts/acme/brief/runs', { method: 'POST', token: ws.secret_key });
    expect(res.status).toBe(202);
    const started = (await readJson(res)) as Run;
    expect(res.headers.get('location')).toBe(`/v1/brief-runs/${started.id}`);
    expect(['queued', 'running']).toContain(started.status);
    expect(started.brief_id).toBeNull();
    // Asking again while it runs answers the same run.
    const again = await readJson(
      await t.request('/v1/accounts/acme/brief/runs', { method: 'POST', token: ws.secret_key }),
    );
    expect(again.id).toBe(started.id);

    const seen = await follow(() => t.request(`/v1/brief-runs/${started.id}`, { token: ws.secret_key }));
    const running = seen.filter((r) => r.status === 'running');
    expect(running.length).toBeGreaterThan(0);
    expect(running.some((r) => r.progress > 0 && r.progress < 1)).toBe(true);
    expect(running.map((r) => r.stage)).toContain('Writing the brief');
    const progress = seen.map((r) => r.progress);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const done = seen.at(-1)!;
    expect(done).toMatchObject({ status: 'done', progress: 1, brief_version: 1, mode: 'ai' });

    const brief = await readJson(await t.request('/v1/accounts/acme/brief', { token: ws.secret_key }));
    expect(brief).toMatchObject({ id: done.brief_id, version: 1, mode: 'ai' });
    expect(openai.calls.length).toBe(2);
  });

  it('regenerates a weekly briefing in the background', async () => {
    const res = await t.request(`/v1/briefings/weekly/runs?member=${CSM}`, { method: 'POST', token: ws.secret_key });
    expect(res.status).toBe(202);
    const run = (await readJson(res)) as Run;
    const seen = await follow(() => t.request(`/v1/brief-runs/${run.id}`, { token: ws.secret_key }));
    expect(seen.at(-1)).toMatchObject({ status: 'done', mode: 'ai', progress: 1 });
    const latest = await readJson(await t.request(`/v1/briefings/weekly?member=${CSM}`, { token: ws.secret_key }));
    expect(latest.id).toBe(seen.at(-1)!.brief_id);
  });

  it('rejects bad input with a clear 400 or 404 and starts nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('synthesis_runs')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const missing = await t.request('/v1/briefings/weekly/runs', { method: 'POST', token: ws.secret_key });
    expect(missing.status).toBe(400);
    expect((await readJson(missing)).error.message).toMatch(/member/);
    expect((await t.request('/v1/accounts/nope/brief/runs', { method: 'POST', token: ws.secret_key })).status).toBe(
      404,
    );
    expect((await t.request('/v1/brief-runs/not-a-uuid', { token: ws.secret_key })).status).toBe(404);
    expect((await t.request('/v1/accounts/acme/brief/runs', { method: 'POST' })).status).toBe(401);
    expect(await count()).toBe(before);
  });

  it("never shows or starts another workspace's runs", async () => {
    const run = (await readJson(
      await t.request('/v1/accounts/acme/brief/runs', { method: 'POST', token: ws.secret_key }),
    )) as Run;
    expect((await t.request(`/v1/brief-runs/${run.id}`, { token: other.secret_key })).status).toBe(404);
    expect((await t.request('/v1/accounts/acme/brief/runs', { method: 'POST', token: other.secret_key })).status).toBe(
      404,
    );
    expect(
      (await t.request(`/v1/briefings/weekly/runs?member=${CSM}`, { method: 'POST', token: other.secret_key })).status,
    ).toBe(404);
    await follow(() => t.request(`/v1/brief-runs/${run.id}`, { token: ws.secret_key }));
  });

  it('lets a signed-in member regenerate from the console and follow the run; other workspaces get 404', async () => {
    const cookie = await signIn(ws.id, CSM);
    const outsider = await signIn(other.id, 'eve@other.example');
    const post = (id: string, c?: string) =>
      t.request(`/console/api/accounts/${id}/brief/runs`, { method: 'POST', headers: consoleHeaders(c) });
    expect((await post(acmeId)).status).toBe(401);
    expect((await post(acmeId, outsider)).status).toBe(404);
    expect((await post('not-a-uuid', cookie)).status).toBe(404);
    const res = await post(acmeId, cookie);
    expect(res.status).toBe(202);
    const run = (await readJson(res)) as Run;
    expect((await t.request(`/console/api/brief-runs/${run.id}`, { headers: { cookie: outsider } })).status).toBe(404);
    const seen = await follow(() => t.request(`/console/api/brief-runs/${run.id}`, { headers: { cookie } }));
    const done = seen.at(-1)!;
    expect(done.status).toBe('done');
    const detail = await readJson(await t.request(`/console/api/accounts/${acmeId}`, { headers: { cookie } }));
    expect(detail.brief).toMatchObject({
      id: done.brief_id,
      version: done.brief_version,
      mode: 'ai',
      prompt_version: 'renewal-brief-v2',
    });
  });
});
