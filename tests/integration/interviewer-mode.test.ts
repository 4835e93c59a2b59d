import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockOpenAI } from '../msw/openai';
import { consoleCall, signIn } from '../support/console-session';
import { readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, guideFixture, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';

const server = setupServer();
const openai = mockOpenAI(server);
beforeAll(() => server.listen({ onUnhandledFrame: 'bypass' }));
afterAll(() => server.close());

const interviewerCalls = () => openai.calls.filter((c) => c.promptText.includes('You are a customer interviewer'));

describe('the workspace chooses the AI or the scripted interviewer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://openai.test/v1',
      CANDOR_INTERVIEW_MODEL: 'interviewer-test',
      CANDOR_MODEL_RETRIES: '0',
    });
    openai.script({ chat: { text: 'Thanks, that helps. What else would make it better for you?' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function firstReply(mode: 'ai' | 'scripted') {
    const guide = guideFixture();
    const { ws, guideId } = await seedWorkspace(t, guide);
    const admin = consoleCall(t, (await signIn(t, ws.id, `admin-${mode}@mode.example`, 'admin')).cookie);
    expect((await admin('PATCH', '/settings/workspace', { interviewer_mode: mode })).status).toBe(200);
    const { id } = await invite(t, ws, guideId);
    const invited = await t.deps.db
      .selectFrom('interviews')
      .select('mode')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const { token } = await identify(t, ws);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
    openai.clearCalls();
    const reply = await answer(t, id, token, 'a1', longAnswer('weekly reporting'));
    const stored = await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
    return { guide, invited: invited.mode, reply, stored, calls: interviewerCalls().length };
  }

  it('uses the model when the workspace keeps the AI interviewer', async () => {
    const run = await firstReply('ai');
    expect(run.invited).toBe('ai');
    expect(run.calls).toBe(1);
    expect(run.reply.reply?.text).toBe('Thanks, that helps. What else would make it better for you?');
    expect(run.stored.mode).toBe('ai');
  });

  it('never calls the model when the workspace chose the scripted interviewer, though one is configured', async () => {
    const run = await firstReply('scripted');
    expect(run.invited).toBe('scripted');
    expect(run.calls).toBe(0);
    expect(run.reply.reply?.text).toContain(run.guide.topics[1]?.question);
    expect(run.stored.mode).toBe('scripted');
  });
});
