import { fixedLines } from '@candor/api/interviews/fixed-lines';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockCall, type MockReply, mockOpenAI } from '../msw/openai';
import { readJson, startAiTestApp, type TestApp } from '../support/harness';
import { answer, identify, invite } from '../support/interview-fixtures';
import { templateLines, workspaceWithContact } from '../support/language-fixtures';

const server = setupServer();
const openai = mockOpenAI(server);
beforeAll(() => server.listen({ onUnhandledFrame: 'bypass' }));
afterAll(() => server.close());

const interviewerCalls = () => openai.calls.filter((c) => c.promptText.includes('You are a customer interviewer'));
const task = (call: MockCall) => /Your task for this message: (.*)/.exec(call.promptText)?.[1] ?? '';
const languageLine = (call: MockCall) => /Language: (.*)/.exec(call.promptText)?.[1] ?? '';

/**
 * An interviewer model that asks the decided question as given, and answers every closing
 * with a question: a reply of the wrong shape, so the stored line is the scripted one.
 */
function model(call: MockCall): MockReply {
  const next = /ask this next question in your own words: "(.*)"/.exec(task(call))?.[1];
  if (next) return { text: next };
  if (task(call).includes('ask whether they would like to stop')) return { status: 500 };
  return { text: '¿Hay algo más que quieras contarnos?' };
}

// Each test runs a whole interview through HTTP, which can outlast the default timeout on a busy machine.
describe('AI mode follows the customer when they switch language', { timeout: 90_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startAiTestApp('http://openai.test/v1');
    openai.script({ chat: model });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function germanInterview() {
    const { ws, guideId } = await workspaceWithContact(t, 'health_pulse', 'de');
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    const started = await readJson(
      await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token, json: { locale: 'de-DE' } }),
    );
    expect(started.language).toBe('de');
    return { id, token: token as string };
  }

  it('tells the model the language, and closes with the Spanish closing line', async () => {
    const de = templateLines('health_pulse', 'de');
    const es = templateLines('health_pulse', 'es');
    const { id, token } = await germanInterview();
    openai.clearCalls();

    const r1 = await answer(t, id, token, 'a1', 'Die Berichte sparen uns jede Woche mehrere Stunden Arbeit im Team.');
    expect(r1.reply?.text).toBe(de.topics[1]?.question);
    expect(languageLine(interviewerCalls().at(-1)!)).toMatch(/^this interview is in German; write in German/);

    const r2 = await answer(
      t,
      id,
      token,
      'a2',
      'Perdón, mejor en español: los informes son muy lentos y el equipo se queja.',
    );
    // The next question is handed to the model in Spanish, and the model is told to switch.
    expect(r2.reply?.text).toBe(es.topics[2]?.question);
    const switched = interviewerCalls().at(-1)!;
    expect(languageLine(switched)).toBe(
      'this interview started in German and the customer now writes Spanish; write in Spanish. If their latest message is in another language, switch to that language and stay with it.',
    );

    await answer(t, id, token, 'a3', 'Una integración con nuestro almacén de datos, y también informes más rápidos.');
    await answer(t, id, token, 'a4', 'Lo usan tres equipos cada día, pero el equipo de marketing todavía no.');
    // The score topic in Spanish, then its reason; then the interview closes.
    expect(task(interviewerCalls().at(-1)!)).toContain(es.topics[4]?.question);
    await answer(t, id, token, 'a5', '9');
    const last = await answer(t, id, token, 'a6', 'Porque los informes nos ahorran horas cada semana.');
    const closing = interviewerCalls().at(-1)!;
    expect(task(closing)).toContain(es.closing);
    // The model asked a question where the interview closes: the stored closing is the Spanish line.
    expect(last.reply?.text).toBe(es.closing);
    expect(last.done).toEqual({ status: 'completed' });
  });

  it('hands off and confirms a stop in the language the customer switched to', async () => {
    const { id, token } = await germanInterview();
    const stop = await answer(t, id, token, 'b1', 'No quiero seguir con esto, de verdad.');
    expect(stop.reply?.text).toBe(fixedLines.es.confirm_stop);

    const other = await germanInterview();
    const handoff = await answer(
      t,
      other.id,
      other.token,
      'b2',
      'Prefiero hablar con una persona de vuestro equipo, y lo antes posible.',
    );
    expect(handoff.reply?.text).toBe(fixedLines.es.handoff);
    expect(handoff.done).toEqual({ status: 'completed' });
  });
});
