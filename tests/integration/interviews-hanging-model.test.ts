import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockOpenAI } from '../msw/openai';
import { readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, guideFixture, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';

const server = setupServer();
const openai = mockOpenAI(server);
beforeAll(() => server.listen({ onUnhandledFrame: 'bypass' }));
afterAll(() => server.close());

describe('an interview whose model hangs, on the default budgets', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Only the model is configured: first-token timeout, retries and the turn budget are the defaults.
    t = await startTestApp({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://openai.test/v1',
      CANDOR_INTERVIEW_MODEL: 'interviewer-test',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers with the scripted question within 12 s, never an empty reply', async () => {
    // The provider accepts the request and never sends a byte.
    openai.script({ chat: { delayMs: 600_000 } });
    openai.clearCalls();
    const guide = guideFixture();
    const { ws, guideId } = await seedWorkspace(t, guide);
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });

    const started = Date.now();
    const r = await answer(t, id, token, 'h1', longAnswer('weekly reporting'));
    const elapsed = Date.now() - started;

    expect(r.reply?.text).toBe(guide.topics[1]?.question);
    expect(r.deltas).toBe(guide.topics[1]?.question);
    expect(elapsed).toBeLessThanOrEqual(12_000);
    // It did try again within the budget rather than wait out a single attempt.
    expect(openai.calls.length).toBeGreaterThanOrEqual(2);

    const detail = await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
    const last = detail.messages.at(-1);
    expect(last).toMatchObject({ role: 'interviewer', mode: 'scripted', text: guide.topics[1]?.question });
  }, 30_000);
});
