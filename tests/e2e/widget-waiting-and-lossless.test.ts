import { setupServer } from 'msw/node';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockCall, mockOpenAI } from '../msw/openai';
import { hasChromium, screenshot, useWidgetStage, watchPageErrors } from '../support/browser';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/harness';
import { guideFixture, invite, seedWorkspace } from '../support/interview-fixtures';
import { runJob } from '../support/jobs';
import { initFor, longAnswer, sendAnswer, transcript, waitForInterviewerMessages, widget } from './widget-fixtures';

const server = setupServer();
const openai = mockOpenAI(server);
const guide = guideFixture();
const churnAnswer =
  "Honestly it's too expensive for what we get. Our CFO has frozen new spend and we are switching to Acme Analytics next month.";

const signalKinds = async (t: TestApp, interviewId: string) =>
  (await t.deps.db.selectFrom('signals').select('kind').where('interview_id', '=', interviewId).execute()).map(
    (s) => s.kind,
  );

/** Counts every time an interviewer bubble is in the log with no text (the "empty grey bubble"). */
const watchEmptyBubbles = (page: Page) =>
  page.evaluate(() => {
    const log = document.querySelector('candor-widget')!.shadowRoot!.querySelector('.log')!;
    const w = window as unknown as { emptyBubbles: number };
    w.emptyBubbles = 0;
    new MutationObserver(() => {
      for (const m of log.querySelectorAll('.m.i'))
        if (!(m.lastElementChild?.textContent ?? '').trim()) w.emptyBubbles++;
    }).observe(log, { childList: true, subtree: true, characterData: true });
  });
const emptyBubbles = (page: Page) => page.evaluate(() => (window as unknown as { emptyBubbles: number }).emptyBubbles);

describe.skipIf(!hasChromium)('the widget while the model is slow', () => {
  beforeAll(() => server.listen({ onUnhandledFrame: 'bypass' }));
  afterAll(() => server.close());
  const stage = useWidgetStage({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: 'http://openai.test/v1',
    CANDOR_INTERVIEW_MODEL: 'interviewer-test',
    CANDOR_MODEL_RETRIES: '0',
    CANDOR_MODEL_FIRST_TOKEN_MS: '20000',
  });

  it('shows the dots, then "Still thinking…", locks the composer, and never an empty bubble', async () => {
    // The model takes 8 s before its first token, then streams.
    openai.script({
      chat: (call: MockCall) => {
        const next = /ask this next question in your own words: "(.*)"/.exec(call.promptText)?.[1];
        return { text: `Thanks. ${next ?? 'That is all.'}`, delayMs: 8000, chunkDelayMs: 40 };
      },
    });
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(stage.host.url(initFor(ws)));
    const w = widget(page);
    await w.button('Start').click();
    await waitForInterviewerMessages(page, 1);
    await watchEmptyBubbles(page);

    const sentAt = Date.now();
    await sendAnswer(page, longAnswer('weekly reporting'));
    const dots = w.host.locator('.ty');
    await dots.waitFor({ state: 'visible' });
    // Locked: the box takes no typing and Send is disabled until the reply is in.
    expect(await w.input.getAttribute('readonly')).not.toBeNull();
    expect(await w.button('Send').isDisabled()).toBe(true);
    await w.input.press('a');
    expect(await w.input.inputValue()).toBe('');
    expect(await w.host.locator('.tt', { hasText: 'Still thinking…' }).count()).toBe(0);

    // Not at once (the timer is 4 s), and well before the reply.
    await w.host.locator('.tt', { hasText: 'Still thinking…' }).waitFor({ timeout: 6500 });
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(3500);
    expect((await w.bubbles()).filter((b) => b.role === 'interviewer')).toHaveLength(1);
    await screenshot(page, 'widget-still-thinking');

    expect(await waitForInterviewerMessages(page, 2)).toBe(`Thanks. ${guide.topics[1]!.question}`);
    expect(await dots.isVisible()).toBe(false);
    expect(await w.host.locator('.tt', { hasText: 'Still thinking…' }).count()).toBe(0);
    expect(await w.input.getAttribute('readonly')).toBeNull();
    expect(await w.button('Send').isDisabled()).toBe(false);
    expect(await emptyBubbles(page)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says it is still thinking in the customer's language", async () => {
    openai.script({ chat: { text: 'Danke. Was würden Sie sich wünschen?', delayMs: 8000 } });
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage();
    await page.goto(stage.host.url(initFor(ws, { locale: 'de' })));
    const w = widget(page);
    await w.button('Starten').click();
    await waitForInterviewerMessages(page, 1);
    await page.locator('candor-widget textarea').fill(longAnswer('Berichte'));
    await page.locator('candor-widget textarea').press('Enter');
    await w.host.locator('.tt', { hasText: 'Einen Moment noch…' }).waitFor({ timeout: 7000 });
    await page.close();
  });
});

describe.skipIf(!hasChromium)('the widget loses no answer', () => {
  const stage = useWidgetStage();

  it('counts near the limit and keeps a refused over-long answer in the composer with the reason', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    const { id } = await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage();
    await page.goto(stage.host.url(initFor(ws)));
    const w = widget(page);
    const counter = w.host.locator('.cnt');
    await w.button('Start').click();
    await waitForInterviewerMessages(page, 1);

    expect(await counter.textContent()).toBe('');
    await w.input.fill('a'.repeat(7600));
    expect(await counter.textContent()).toBe('400 characters left');

    // 8,000 characters are taken now (the old limit was 4,000) …
    const fine = 'We export every week. '.repeat(364).slice(0, 8000);
    await w.input.fill(fine);
    expect(await counter.textContent()).toBe('0 characters left');
    await w.input.press('Enter');
    await waitForInterviewerMessages(page, 2);

    // … one more is refused by the server, and the text stays where the customer wrote it.
    const tooLong = `${'Our exports time out at month end. '.repeat(230).slice(0, 8000)} Really.`;
    await w.input.fill(tooLong);
    expect(await counter.textContent()).toBe('8 characters too many');
    await w.input.press('Enter');
    await w.host.locator('.note').filter({ hasText: 'longer than 8,000 characters' }).waitFor();
    expect(await w.input.inputValue()).toBe(tooLong);
    expect((await w.bubbles()).map((b) => b.role)).toEqual(['interviewer', 'customer', 'interviewer']);
    await screenshot(page, 'widget-refused-long-answer');
    const detail = await transcript(stage.candor.t, ws, id);
    expect(detail.messages.filter((m) => m.role === 'customer').map((m) => m.text)).toEqual([fine]);

    // Shortened, it goes through.
    await w.input.fill(tooLong.slice(0, 300));
    await w.input.press('Enter');
    await waitForInterviewerMessages(page, 3);
    expect(await w.input.inputValue()).toBe('');
    expect(await w.host.locator('.note').textContent()).toBe('');
    await page.close();
  });

  it('keeps a "Continue the interview" pill after closing mid-interview and reloading', async () => {
    const { t } = stage.candor;
    const { ws, guideId } = await seedWorkspace(t, guide);
    const { id } = await invite(t, ws, guideId);
    const page = await stage.browser.newPage();
    await page.goto(stage.host.url(initFor(ws)));
    const w = widget(page);
    await w.button('Start').click();
    await waitForInterviewerMessages(page, 1);
    await sendAnswer(page, churnAnswer);
    await waitForInterviewerMessages(page, 2);
    await w.button('Close').click();
    expect(await w.log.count()).toBe(0);

    await page.reload();
    const pill = w.button('Continue the interview');
    await pill.waitFor();
    await page.setViewportSize({ width: 390, height: 760 });
    await screenshot(page, 'widget-continue-pill-390');
    await pill.click();
    expect(await waitForInterviewerMessages(page, 2)).toBe(guide.topics[1]!.question);
    expect((await w.bubbles()).map((b) => b.role)).toEqual(['interviewer', 'customer', 'interviewer']);

    // Left alone for good, it is marked abandoned and its answers extracted.
    await w.button('Close').click();
    expect(await signalKinds(t, id)).toEqual([]);
    await t.deps.db
      .updateTable('interviews')
      .set({ last_activity_at: new Date(Date.now() - 31 * 60_000) })
      .where('id', '=', id)
      .execute();
    await runJob(t, 'sweep-abandoned-interviews', {});
    expect((await transcript(t, ws, id)).status).toBe('abandoned');
    const kinds = await eventually(async () => {
      const k = await signalKinds(t, id);
      return k.length ? k : undefined;
    }, 20_000);
    expect(kinds).toContain('competitor');
    await page.close();
  });
});
