import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockCall, type MockReply, mockOpenAI } from '../msw/openai';
import { hasChromium, useWidgetStage, watchPageErrors } from '../support/browser';
import { eventually } from '../support/eventually';
import { guideFixture, invite, seedWorkspace } from '../support/interview-fixtures';
import { initFor, longAnswer, sendAnswer, transcript, waitForInterviewerMessages, widget } from './widget-fixtures';

// The server runs in this process, so msw sees its calls to the model provider.
const server = setupServer();
const openai = mockOpenAI(server);

const task = (call: MockCall) => /Your task for this message: (.*)/.exec(call.promptText)?.[1] ?? '';

/** An interviewer model that rephrases the decided question (slowly, so streaming is visible) or closes. */
function interviewer(call: MockCall): MockReply {
  const next = /ask this next question in your own words: "(.*)"/.exec(task(call))?.[1];
  const text = next
    ? `That is really helpful, thank you. ${next}`
    : 'Thank you so much for your time, this was really helpful.';
  return { text, chunkDelayMs: 60, usage: { input: 120, output: 24 } };
}

describe.skipIf(!hasChromium)('the widget on a hostile third-party page, AI mode', () => {
  beforeAll(() => server.listen({ onUnhandledFrame: 'bypass' }));
  afterAll(() => server.close());
  const stage = useWidgetStage({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: 'http://openai.test/v1',
    CANDOR_INTERVIEW_MODEL: 'interviewer-test',
    CANDOR_MODEL_RETRIES: '1',
    CANDOR_MODEL_RETRY_DELAY_MS: '5',
  });

  it('streams the model replies into the chat token by token and completes the interview', async () => {
    openai.script({ chat: interviewer });
    const guide = guideFixture();
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    const { id } = await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(stage.host.url(initFor(ws)));
    const w = widget(page);
    await w.button('Start').click();
    await waitForInterviewerMessages(page, 1);

    await sendAnswer(page, longAnswer('weekly reporting'));
    const expected = `That is really helpful, thank you. ${guide.topics[1]!.question}`;
    // While the reply streams, the bubble holds a growing prefix of it.
    const partial = await eventually(async () => {
      const last = (await w.bubbles()).at(-1);
      return last?.role === 'interviewer' && last.text && last.text !== expected ? last.text : undefined;
    });
    expect(expected.startsWith(partial)).toBe(true);
    expect(await waitForInterviewerMessages(page, 2)).toBe(expected);

    await sendAnswer(page, longAnswer('exports that time out'));
    expect(await waitForInterviewerMessages(page, 3)).toBe(
      `That is really helpful, thank you. ${guide.topics[2]!.question}`,
    );
    await sendAnswer(page, longAnswer('a mobile app'));
    await w.host.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect(await waitForInterviewerMessages(page, 4)).toBe('Thank you so much for your time, this was really helpful.');

    const detail = await transcript(stage.candor.t, ws, id);
    expect(detail).toMatchObject({ status: 'completed', mode: 'ai' });
    const replies = detail.messages.filter((m) => m.role === 'interviewer').slice(1);
    expect(replies.map((m) => m.mode)).toEqual(['ai', 'ai', 'ai']);
    expect(detail.messages.filter((m) => m.role === 'customer')).toHaveLength(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps going in scripted mode when the model fails, and the customer sees no error', async () => {
    openai.script({ chat: { status: 503 } });
    const guide = guideFixture();
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage();
    await page.goto(stage.host.url(initFor(ws)));
    const w = widget(page);
    await w.button('Start').click();
    await waitForInterviewerMessages(page, 1);
    await sendAnswer(page, longAnswer('dashboards'));
    expect(await waitForInterviewerMessages(page, 2)).toBe(guide.topics[1]!.question);
    expect(
      await w.host
        .getByRole('status')
        .filter({ hasText: /wrong|retrying/ })
        .count(),
    ).toBe(0);
    await page.close();
  });
});
