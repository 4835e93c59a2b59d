import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, guideFixture, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';

// No OPENAI_API_KEY: every interviewer turn is scripted.
describe('an interview in scripted mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('runs a whole interview with the guide words verbatim, follow-ups for short answers, and the closing', async () => {
    const guide = guideFixture();
    const { ws, guideId } = await seedWorkspace(t, guide);
    const { id } = await invite(t, ws, guideId, 'in_app');

    const identified = await identify(t, ws);
    expect(identified.invitation).toMatchObject({
      interview_id: id,
      moment: 'health_pulse',
      guide_name: guide.name,
      message: guide.opening_message,
    });
    const token = identified.token as string;

    const started = await readJson(await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token }));
    expect(started.status).toBe('started');
    expect(started.messages).toHaveLength(1);
    expect(started.messages[0].text).toBe(
      `Hi Ada, thanks for taking a few minutes with us.\n\n${guide.topics[0]?.question}`,
    );
    const again = await readJson(await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token }));
    expect(again.messages).toHaveLength(1);

    const r1 = await answer(t, id, token, 'c1', longAnswer('reporting'));
    expect(r1.reply?.text).toBe(guide.topics[1]?.question);
    expect(r1.deltas).toBe(guide.topics[1]?.question);
    expect(r1.done).toEqual({ status: 'started' });

    const r2 = await answer(t, id, token, 'c2', 'Not much, really.');
    expect(r2.reply?.text).toBe(guide.topics[1]?.follow_up);

    const r3 = await answer(t, id, token, 'c3', longAnswer('exports that time out'));
    expect(r3.reply?.text).toBe(guide.topics[2]?.question);

    const r4 = await answer(t, id, token, 'c4', longAnswer('a better mobile app'));
    expect(r4.reply?.text).toBe(guide.closing_message);
    expect(r4.done).toEqual({ status: 'completed' });

    const late = await answer(t, id, token, 'c5', 'One more thing I forgot to say about it all.');
    expect(late.status).toBe(409);

    const detail = await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
    expect(detail).toMatchObject({ status: 'completed', mode: 'scripted', channel: 'in_app', contact_id: 'u_42' });
    expect(detail.guide).toMatchObject({ id: guideId, version: 1 });
    expect(detail.messages.map((m: { role: string }) => m.role)).toEqual([
      'interviewer',
      ...Array(4).fill(['customer', 'interviewer']).flat(),
    ]);
    expect(detail.messages.filter((m: { mode: string }) => m.mode === 'scripted')).toHaveLength(5);

    // Completion hands the interview to extraction; its signals show up on the interview, each tied to an answer.
    let signals = detail.signals;
    for (let i = 0; i < 100 && signals.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      signals = (await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }))).signals;
    }
    expect(signals.length).toBeGreaterThan(0);
    const answerIds = detail.messages
      .filter((m: { role: string }) => m.role === 'customer')
      .map((m: { id: string }) => m.id);
    for (const s of signals) expect(answerIds).toContain(s.message_id);
  });

  it('stores a repeated client_id once and replays the same reply', async () => {
    const { ws, guideId } = await seedWorkspace(t);
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    const first = await answer(t, id, token, 'same', longAnswer('dashboards'));
    const second = await answer(t, id, token, 'same', longAnswer('dashboards'));
    expect(second.reply).toEqual(first.reply);
    expect(second.deltas).toBe(first.reply?.text);
    const detail = await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
    expect(detail.messages.filter((m: { role: string }) => m.role === 'customer')).toHaveLength(1);
    expect(detail.messages).toHaveLength(3);
  });

  it('keeps every answer when two arrive at once (two tabs): each is stored and answered in order', async () => {
    const { ws, guideId } = await seedWorkspace(t);
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    const answers = ['tab-a', 'tab-b', 'tab-c'];
    const results = await Promise.all(answers.map((c) => answer(t, id, token, c, longAnswer(c))));
    for (const r of results) expect(r.reply?.text).toBeTruthy();
    const detail = await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
    const customer = detail.messages.filter((m: { role: string }) => m.role === 'customer');
    expect(customer.map((m: { text: string }) => m.text).sort()).toEqual(answers.map((c) => longAnswer(c)).sort());
    // Opening, then answer/reply pairs with no gap or collision in the order.
    expect(detail.messages.map((m: { role: string }) => m.role)).toEqual([
      'interviewer',
      ...Array(3).fill(['customer', 'interviewer']).flat(),
    ]);
  });

  it('rejects an empty or over-long message with a field path and stores nothing', async () => {
    const { ws, guideId } = await seedWorkspace(t);
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    const tooLong = await answer(t, id, token, 'big', 'x'.repeat(8001));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toContain('text');
    const empty = await answer(t, id, token, 'empty', '   ');
    expect(empty.status).toBe(400);
    const detail = await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
    expect(detail.messages.filter((m: { role: string }) => m.role === 'customer')).toHaveLength(0);
  });

  it('takes an answer of 8,000 characters, Japanese included', async () => {
    const { ws, guideId } = await seedWorkspace(t);
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    const long = '日本語の回答です。'.repeat(889).slice(0, 8000);
    expect((await answer(t, id, token, 'long', long)).status).toBe(200);
    const detail = await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
    expect(
      detail.messages.filter((m: { role: string }) => m.role === 'customer').map((m: { text: string }) => m.text),
    ).toEqual([long]);
  });
});
