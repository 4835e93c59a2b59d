import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockCall, mockOpenAI } from '../msw/openai';
import { readJson, startAiTestApp, startTestApp, type TestApp } from '../support/harness';
import { answer, guideFixture, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';

const server = setupServer();
const openai = mockOpenAI(server);
beforeAll(() => server.listen({ onUnhandledFrame: 'bypass' }));
afterAll(() => server.close());

const HANDOFF = "Of course. I've let the team know you'd like to talk with a person";

async function startedInterview(t: TestApp, guide = guideFixture()) {
  const { ws, guideId } = await seedWorkspace(t, guide);
  const { id } = await invite(t, ws, guideId);
  const { token } = await identify(t, ws);
  await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
  const detail = async () => readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
  // A moment opt-out is a skipped invitation with reason opted_out.
  const optOuts = () =>
    t.deps.db
      .selectFrom('invitations')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('skip_reason', '=', 'opted_out')
      .execute();
  return { id, token, ws, detail, optOuts };
}

describe('intent in scripted mode: no false alarms, every hand-off heard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    'Honestly the best part is that the regional managers stop asking for the spreadsheet every Monday.',
    'Call me crazy, but the old dashboard was easier to read for our finance people.',
    'We stopped using the Slack integration last spring because nobody read the alerts.',
  ])('keeps the interview going on "%s"', async (text) => {
    const guide = guideFixture();
    const i = await startedInterview(t, guide);
    const r = await answer(t, i.id, i.token, 'f1', text);
    expect(r.reply?.text).toBe(guide.topics[1]?.question);
    expect(r.done).toEqual({ status: 'started' });
    expect((await i.detail()).status).toBe('started');
    expect(await i.optOuts()).toHaveLength(0);
  });

  it.each([
    'Can I talk to our account manager about the renewal?',
    'Could someone from your side reach out to me this week?',
  ])('hands off on "%s"', async (text) => {
    const i = await startedInterview(t);
    const r = await answer(t, i.id, i.token, 'h1', text);
    expect(r.reply?.text).toContain(HANDOFF);
    expect(r.done).toEqual({ status: 'completed' });
  });

  it('asks once before recording an unclear stop, and records it on yes', async () => {
    const guide = guideFixture();
    const i = await startedInterview(t, guide);
    const r1 = await answer(t, i.id, i.token, 's1', "I don't want to continue");
    expect(r1.reply?.text).toBe("Would you like to stop here? Just say yes and we won't ask you about this again.");
    expect(r1.done).toEqual({ status: 'started' });
    expect(await i.optOuts()).toHaveLength(0);
    const r2 = await answer(t, i.id, i.token, 's2', 'yes');
    expect(r2.done).toEqual({ status: 'declined' });
    expect(await i.optOuts()).toHaveLength(1);
    const decisions = (await i.detail()).messages
      .filter((m: { role: string }) => m.role === 'interviewer')
      .map((m: { decision: { why: string } | null }) => m.decision?.why ?? null);
    expect(decisions).toEqual([null, 'unclear_stop', 'stop_confirmed']);
  });

  it('goes back to the question when the customer does not want to stop after all', async () => {
    const guide = guideFixture();
    const i = await startedInterview(t, guide);
    await answer(t, i.id, i.token, 'n1', 'stop this');
    const r = await answer(t, i.id, i.token, 'n2', 'no, go on');
    expect(r.reply?.text).toBe(guide.topics[0]?.question);
    expect(await i.optOuts()).toHaveLength(0);
  });

  it('closes instead of asking the follow-up when the customer has nothing more on an optional topic', async () => {
    const guide = guideFixture();
    const i = await startedInterview(t, guide);
    await answer(t, i.id, i.token, 'c1', longAnswer('reporting'));
    await answer(t, i.id, i.token, 'c2', longAnswer('exports'));
    // The last topic ("wishes") is optional.
    const r = await answer(t, i.id, i.token, 'c3', "That's all.");
    expect(r.reply?.text).toBe(guide.closing_message);
    expect(r.done).toEqual({ status: 'completed' });
    const messages = (await i.detail()).messages;
    expect(messages.map((m: { text: string }) => m.text)).not.toContain(guide.topics[2]?.follow_up);
    // Each reply carries the policy's decision and why, for a CSM or a test to read.
    const decisions = messages
      .filter((m: { role: string }) => m.role === 'interviewer')
      .map((m: { decision: unknown }) => m.decision);
    expect(decisions).toEqual([
      null,
      { action: 'advance', topic_index: 1, why: 'answered' },
      { action: 'advance', topic_index: 2, why: 'answered' },
      { action: 'close', topic_index: 2, why: 'topics_covered', reason: 'topics_covered' },
    ]);
  });
});

describe('intent in AI mode: a yes to the interviewer’s own offer hands off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startAiTestApp('http://openai.test/v1');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('hands off when the customer says yes to "shall I connect you"', async () => {
    const task = (call: MockCall) => /Your task for this message: (.*)/.exec(call.promptText)?.[1] ?? '';
    openai.script({
      chat: (call) =>
        task(call).includes('want to talk with a person')
          ? { text: 'Of course, someone from the team will reach out soon. Thank you for your time.' }
          : { text: 'That sounds frustrating. Would you like me to connect you with your account manager?' },
    });
    const i = await startedInterview(t);
    const r1 = await answer(t, i.id, i.token, 'y1', 'The renewal quote doubled and nobody explained why to us.');
    expect(r1.reply?.text).toContain('connect you with your account manager');
    const r2 = await answer(t, i.id, i.token, 'y2', 'Yes please');
    expect(r2.done).toEqual({ status: 'completed' });
    const items = await t.deps.db
      .selectFrom('review_items')
      .select(['kind'])
      .where('workspace_id', '=', i.ws.id)
      .execute();
    expect(items).toEqual([{ kind: 'handoff' }]);
  });
});
