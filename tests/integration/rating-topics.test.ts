import type { GuideBody, GuideTopic } from '@candor/shared';
import { sql } from 'kysely';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockCall, type MockReply, mockOpenAI } from '../msw/openai';
import { signIn } from '../support/console-session';
import { databaseKind, readJson, startAiTestApp, startTestApp, type TestApp } from '../support/harness';
import { answer, guideFixture, identify, invite, parseSse, seedWorkspace } from '../support/interview-fixtures';
import { runJob } from '../support/jobs';

const npsTopic: GuideTopic = {
  key: 'recommend',
  kind: 'rating',
  scale: 'nps',
  question: 'How likely are you to recommend us to a colleague, from 0 to 10?',
  probing: 'Ask what drives the score.',
  follow_up: 'On a scale from 0 to 10, what score would you give?',
  required: true,
};
const ratingGuide = (overrides: Partial<GuideBody> = {}) => {
  const base = guideFixture();
  return guideFixture({ topics: [npsTopic, base.topics[1]!], ...overrides });
};
const reason = 'The exports keep failing every Monday morning and nobody answers our tickets.';

async function ratingSignals(t: TestApp, interviewId: string) {
  return t.deps.db
    .selectFrom('signals')
    .select(['kind', 'value', 'quote', 'message_id', 'reason_message_id', 'source'])
    .where('interview_id', '=', interviewId)
    .where('kind', '=', 'rating')
    .execute();
}
const customerMessages = (t: TestApp, interviewId: string) =>
  t.deps.db
    .selectFrom('messages')
    .select(['id', 'text', 'client_id'])
    .where('interview_id', '=', interviewId)
    .where('role', '=', 'customer')
    .orderBy('seq')
    .execute();

/** Sends a score the way the widget's scale does: the number as text plus the structured rating. */
async function rate(t: TestApp, id: string, token: string, clientId: string, rating: unknown) {
  const res = await t.request(`/v1/widget/interviews/${id}/messages`, {
    method: 'POST',
    token,
    json: { client_id: clientId, text: String(rating), rating },
  });
  const body = await res.text();
  if (res.status !== 200) return { status: res.status, error: JSON.parse(body).error, events: [] };
  const events = parseSse(body);
  const message = events.find((e) => e.event === 'message')?.data as { text: string; rating?: unknown };
  if (!message) throw new Error('the reply stream carried no message');
  return { status: res.status, message, events };
}

describe(`rating topics in scripted mode (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('tells the widget the question is a rating, refuses off-scale scores, stores the score and asks why', async () => {
    const guide = ratingGuide();
    const { ws, guideId } = await seedWorkspace(t, guide);
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    const started = await readJson(await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token }));
    expect(started.messages[0].rating).toEqual({ scale: 'nps', min: 0, max: 10 });

    for (const bad of [11, -1, 4.5, '7']) {
      const refused = await rate(t, id, token, `bad-${bad}`, bad);
      expect(refused.status).toBe(400);
      expect(await customerMessages(t, id)).toEqual([]);
    }
    expect((await rate(t, id, token, 'bad-11', 11)).error).toMatchObject({
      code: 'invalid_rating',
      message: 'rating: NPS takes a whole number from 0 to 10.',
    });
    expect(await ratingSignals(t, id)).toEqual([]);

    const rated = await rate(t, id, token, 'r1', 3);
    expect(rated.status).toBe(200);
    expect(rated.message?.text).toBe("Thanks for being honest. What's the main reason for your score?");
    expect(rated.message?.rating).toBeUndefined();
    const [scoreMessage] = await customerMessages(t, id);
    expect(await ratingSignals(t, id)).toEqual([
      {
        kind: 'rating',
        value: { scale: 'nps', score: 3, topic: 'recommend' },
        quote: '3',
        message_id: scoreMessage!.id,
        reason_message_id: null,
        source: 'rules',
      },
    ]);
    // The question about the reason asks for no score: a rating now is refused.
    expect((await rate(t, id, token, 'r-again', 9)).error).toMatchObject({ code: 'rating_not_expected' });

    const why = await answer(t, id, token, 'r2', reason);
    expect(why.reply?.text).toBe(guide.topics[1]!.question);
    const reasonMessage = (await customerMessages(t, id)).find((m) => m.client_id === 'r2');
    expect((await ratingSignals(t, id))[0]?.reason_message_id).toBe(reasonMessage!.id);

    // The resumed view shows the scale only on the message that asked for the score.
    const view = await readJson(await t.request(`/v1/widget/interviews/${id}`, { token }));
    expect(view.messages.map((m: { rating?: { scale: string } }) => m.rating?.scale ?? null)).toEqual([
      'nps',
      null,
      null,
      null,
      null,
    ]);

    const last = await answer(
      t,
      id,
      token,
      'r3',
      'We would love a faster export and a proper status page for outages.',
    );
    expect(last.done).toEqual({ status: 'completed' });
    // Extraction rewrites what it extracts, never the score the customer chose.
    await runJob(t, 'extract-interview', { workspaceId: ws.id, interviewId: id });
    expect(await ratingSignals(t, id)).toHaveLength(1);
  });

  it('takes a typed score, asks why in the contact’s language, and re-asks when no score was given', async () => {
    const guide = ratingGuide();
    const { ws, guideId } = await seedWorkspace(t, guide);
    await t.deps.db.updateTable('contacts').set({ locale: 'de-DE' }).where('workspace_id', '=', ws.id).execute();
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });

    const vague = await answer(t, id, token, 't1', 'Schwer zu sagen.');
    expect(vague.reply?.text).toBe(npsTopic.follow_up);
    expect((vague.reply as { rating?: unknown }).rating).toEqual({ scale: 'nps', min: 0, max: 10 });
    expect(await ratingSignals(t, id)).toEqual([]);

    const typed = await answer(t, id, token, 't2', '9 von 10');
    expect(typed.reply?.text).toBe('Das freut uns sehr! Was ist der Hauptgrund für Ihre Bewertung?');
    expect((await ratingSignals(t, id)).map((s) => s.value)).toEqual([{ scale: 'nps', score: 9, topic: 'recommend' }]);
  });

  it('refuses a score sent for an open question', async () => {
    const { ws, guideId } = await seedWorkspace(t, guideFixture());
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
    const refused = await rate(t, id, token, 'o1', 5);
    expect(refused.error).toMatchObject({ code: 'rating_not_expected' });
    expect(await customerMessages(t, id)).toEqual([]);
  });

  it('reports NPS and CSAT per moment, per account and per week, with the reasons behind detractors', async () => {
    const nps = ratingGuide();
    const { ws, guideId, accountId } = await seedWorkspace(t, nps);
    const csatGuideBody = ratingGuide({
      name: 'Onboarding (test)',
      moment: 'onboarding',
      topics: [
        { ...npsTopic, key: 'satisfied', scale: 'csat', question: 'How satisfied are you with onboarding, 1 to 5?' },
        guideFixture().topics[1]!,
      ],
    });
    const { insertGuide } = await import('@candor/api/guides/guide-store');
    const csatGuideId = await insertGuide(t.deps.db, { id: ws.id }, csatGuideBody);
    const put = (path: string, json: unknown) => t.request(path, { method: 'POST', token: ws.secret_key, json });
    expect((await put('/v1/accounts', { accounts: [{ id: 'globex', name: 'Globex' }] })).status).toBeLessThan(300);
    const contacts = ['u_1', 'u_2', 'u_3', 'u_4'].map((id, i) => ({ id, account_id: i < 2 ? 'acme' : 'globex' }));
    expect((await put('/v1/contacts', { contacts })).status).toBeLessThan(300);

    const run = async (guide: string, contact: string, score: number, why: string) => {
      const { id } = await invite(t, ws, guide, 'in_app', contact);
      const { token } = await identify(t, ws, contact);
      await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
      expect((await rate(t, id, token, `${id}-s`, score)).status).toBe(200);
      await answer(t, id, token, `${id}-r`, why);
      return id;
    };
    // NPS on acme: 10, 9, 2 · on globex: 7, 0 → 2 promoters, 2 detractors of 5: NPS 0.
    await run(guideId, 'u_42', 10, 'It saves my team a full day every week.');
    await run(guideId, 'u_1', 9, 'Reliable and the support team is quick.');
    const acmeDetractor = await run(guideId, 'u_2', 2, 'Exports fail every Monday and we lose data.');
    await run(guideId, 'u_3', 7, 'Good, but the reports are too basic for us.');
    const globexDetractor = await run(guideId, 'u_4', 0, 'Nobody answers our support tickets anymore.');
    // CSAT (onboarding): 5, 4, 2 → average 3.67.
    await run(csatGuideId, 'u_42', 5, 'The setup call was excellent.');
    await run(csatGuideId, 'u_3', 4, 'Mostly smooth, one import failed.');
    await run(csatGuideId, 'u_4', 2, 'The import tool broke twice.');
    // One NPS promoter a week earlier, for the weekly series.
    const week = 7 * 86_400_000;
    const earlier = new Date(t.deps.now().getTime() - week);
    const promoter = await t.deps.db
      .selectFrom('signals')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('quote', '=', '10')
      .executeTakeFirstOrThrow();
    // created_at is never updated by the app; a test moves it with plain SQL.
    await sql`update signals set created_at = ${earlier} where id = ${promoter.id}`.execute(t.deps.db);

    const report = await readJson(await t.request('/v1/reports/ratings', { token: ws.secret_key }));
    expect(report.overall).toEqual([
      { scale: 'nps', responses: 5, promoters: 2, passives: 1, detractors: 2, average: 5.6, score: 0 },
      { scale: 'csat', responses: 3, promoters: 2, passives: 0, detractors: 1, average: 3.67, score: 3.67 },
    ]);
    expect(
      report.by_moment.map((m: { moment: string; scale: string; score: number }) => [m.moment, m.scale, m.score]),
    ).toEqual([
      ['health_pulse', 'nps', 0],
      ['onboarding', 'csat', 3.67],
    ]);
    const acmeNps = report.by_account.find(
      (a: { external_id: string; scale: string }) => a.external_id === 'acme' && a.scale === 'nps',
    );
    // acme: 10, 9, 2 → (2 − 1) / 3 = 33.
    expect(acmeNps).toMatchObject({ responses: 3, promoters: 2, detractors: 1, score: 33 });
    const globexNps = report.by_account.find(
      (a: { external_id: string; scale: string }) => a.external_id === 'globex' && a.scale === 'nps',
    );
    // globex: 7, 0 → (0 − 1) / 2 = −50.
    expect(globexNps).toMatchObject({ responses: 2, promoters: 0, detractors: 1, score: -50 });
    const npsWeeks = report.weekly.filter((w: { scale: string }) => w.scale === 'nps');
    expect(npsWeeks.map((w: { responses: number; score: number }) => [w.responses, w.score])).toEqual([
      [1, 100],
      [4, -25],
    ]);
    expect(
      report.detractor_reasons.map((d: { scale: string; score: number; reason: string; interview_id: string }) => [
        d.scale,
        d.score,
        d.reason,
        d.interview_id,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['nps', 2, 'Exports fail every Monday and we lose data.', acmeDetractor],
        ['nps', 0, 'Nobody answers our support tickets anymore.', globexDetractor],
        ['csat', 2, 'The import tool broke twice.', expect.any(String)],
      ]),
    );
    expect(report.detractor_reasons).toHaveLength(3);

    const onlyGlobex = await readJson(
      await t.request('/v1/reports/ratings?account_id=globex', { token: ws.secret_key }),
    );
    expect(onlyGlobex.overall.map((f: { scale: string; responses: number }) => [f.scale, f.responses])).toEqual([
      ['nps', 2],
      ['csat', 2],
    ]);
    expect((await t.request('/v1/reports/ratings?account_id=nope', { token: ws.secret_key })).status).toBe(404);

    // The console shows the same figures, and the account page its own.
    const { cookie } = await signIn(t, ws.id, 'csm@acme.test', 'csm');
    const consoleReport = await readJson(await t.request('/console/api/ratings', { headers: { cookie } }));
    expect(consoleReport.overall).toEqual(report.overall);
    const account = await readJson(await t.request(`/console/api/accounts/${accountId}`, { headers: { cookie } }));
    expect(account.ratings.overall).toEqual([
      { scale: 'nps', responses: 3, promoters: 2, passives: 0, detractors: 1, average: 7, score: 33 },
      { scale: 'csat', responses: 1, promoters: 1, passives: 0, detractors: 0, average: 5, score: 5 },
    ]);
  });
});

describe(`rating topics in AI mode (${databaseKind})`, () => {
  const server = setupServer();
  const openai = mockOpenAI(server);
  let t: TestApp;
  beforeAll(async () => {
    server.listen({ onUnhandledFrame: 'bypass' });
    t = await startAiTestApp('http://openai.test/v1');
  });
  afterAll(async () => {
    await t?.close();
    server.close();
  });
  const task = (call: MockCall) => /Your task for this message: (.*)/.exec(call.promptText)?.[1] ?? '';
  const interviewerCalls = () => openai.calls.filter((c) => c.promptText.includes('You are a customer interviewer'));

  it('stores the score, has the model ask for the reason, and links the reason to the score', async () => {
    openai.script({
      chat: (call): MockReply => {
        const t = task(call);
        if (t.includes('why they chose that number'))
          return { text: 'Thank you for being candid. What made you pick that number?' };
        const next = /ask this next question in your own words: "(.*)"/.exec(t)?.[1];
        if (next) return { text: `I see, that helps. ${next}` };
        return { text: 'Thank you for your time, this was very helpful.' };
      },
    });
    openai.clearCalls();
    const guide = ratingGuide();
    const { ws, guideId } = await seedWorkspace(t, guide);
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });

    expect((await rate(t, id, token, 'a0', 12)).status).toBe(400);
    expect(interviewerCalls()).toHaveLength(0);
    expect(await customerMessages(t, id)).toEqual([]);

    const rated = await rate(t, id, token, 'a1', 4);
    expect(rated.message?.text).toBe('Thank you for being candid. What made you pick that number?');
    const [call] = interviewerCalls();
    expect(task(call!)).toContain('score of 4 on the NPS question');
    expect(task(call!)).toContain('It is a low score');
    expect(call!.promptText).toContain('asks for a score from 0 to 10');
    expect((await ratingSignals(t, id)).map((s) => s.value)).toEqual([{ scale: 'nps', score: 4, topic: 'recommend' }]);

    const why = await answer(t, id, token, 'a2', reason);
    expect(why.reply?.text).toBe(`I see, that helps. ${guide.topics[1]!.question}`);
    const reasonMessage = (await customerMessages(t, id)).find((m) => m.client_id === 'a2');
    expect((await ratingSignals(t, id))[0]?.reason_message_id).toBe(reasonMessage!.id);
    const detail = await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
    const replies = detail.messages.filter((m: { role: string }, i: number) => m.role === 'interviewer' && i > 0);
    expect(replies.map((m: { mode: string }) => m.mode)).toEqual(['ai', 'ai']);
  });
});
