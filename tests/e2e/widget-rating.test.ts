import type { GuideTopic } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot, useWidgetStage, watchPageErrors } from '../support/browser';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/harness';
import { guideFixture, invite, seedWorkspace } from '../support/interview-fixtures';
import {
  initFor,
  longAnswer,
  sendAnswer,
  seriousViolations,
  transcript,
  waitForInterviewerMessages,
  widget,
} from './widget-fixtures';

const nps: GuideTopic = {
  key: 'recommend',
  kind: 'rating',
  scale: 'nps',
  question: 'How likely are you to recommend us to a colleague?',
  probing: 'Ask what drives the score.',
  follow_up: 'What score from 0 to 10 would you give?',
  required: true,
};
const csat: GuideTopic = {
  ...nps,
  key: 'support',
  scale: 'csat',
  question: 'How satisfied are you with our support?',
  follow_up: 'What score from 1 to 5 would you give?',
};
const guide = guideFixture({ topics: [nps, csat, guideFixture().topics[1]!] });
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const scores = (t: TestApp, interviewId: string) =>
  eventually(async () => {
    const rows = await t.deps.db
      .selectFrom('signals')
      .select(['value'])
      .where('interview_id', '=', interviewId)
      .where('kind', '=', 'rating')
      .orderBy('created_at')
      .execute();
    return rows.length ? rows.map((r) => r.value) : undefined;
  });

describe.skipIf(!hasChromium)('a rating topic in the widget and on the hosted page', { timeout: 90_000 }, () => {
  const stage = useWidgetStage();

  it('is answered by keyboard (arrows, Enter) and by click, then asks why', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    const { id } = await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage({ viewport: { width: 1100, height: 800 } });
    const errors = watchPageErrors(page);
    await page.goto(stage.host.url(initFor(ws)));
    const w = widget(page);
    await w.button('Start').click();
    expect(await waitForInterviewerMessages(page, 1)).toContain(nps.question);

    const group = w.host.getByRole('radiogroup', { name: 'Your score' });
    await group.waitFor();
    expect(await group.getByRole('radio').count()).toBe(11);
    expect(await group.getByRole('radio', { name: '0 – Not at all likely' }).count()).toBe(1);
    expect(await group.getByRole('radio', { name: '10 – Extremely likely' }).count()).toBe(1);
    expect(await w.input.isEditable()).toBe(true);

    // One Tab stop: back from the composer lands on the scale's first score.
    await w.input.focus();
    await page.keyboard.press('Shift+Tab');
    expect(await w.focused()).toMatchObject({ tag: 'button', text: '0' });
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    expect(await w.focused()).toMatchObject({ text: '8' });
    const eight = group.getByRole('radio', { name: '8', exact: true });
    expect(await eight.getAttribute('aria-checked')).toBe('true');
    expect(await eight.evaluate((b) => getComputedStyle(b).outlineStyle)).toBe('solid');
    await screenshot(page, 'widget-rating-keyboard');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');

    expect(await waitForInterviewerMessages(page, 2)).toBe('Thanks! What would it take for your score to be higher?');
    expect(await group.count()).toBe(0);
    expect(await scores(stage.candor.t, id)).toEqual([{ scale: 'nps', score: 8, topic: 'recommend' }]);

    await sendAnswer(page, longAnswer('exports that time out'));
    expect(await waitForInterviewerMessages(page, 3)).toBe(csat.question);
    await group.waitFor();
    expect(await group.getByRole('radio').count()).toBe(5);
    expect(await group.getByRole('radio', { name: '1 – Very dissatisfied' }).count()).toBe(1);
    await group.getByRole('radio', { name: '5 – Very satisfied' }).click();
    expect(await waitForInterviewerMessages(page, 4)).toBe(
      "That's great to hear! What's the main reason for your score?",
    );

    const detail = await transcript(stage.candor.t, ws, id);
    expect(detail.messages.filter((m) => m.role === 'customer').map((m) => m.text)).toEqual([
      '8',
      longAnswer('exports that time out'),
      '5',
    ]);
    expect((await scores(stage.candor.t, id))?.[1]).toEqual({ scale: 'csat', score: 5, topic: 'support' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a 390 px phone on the hosted page with 44 px tap targets, and takes a tap', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    const { id, url } = await invite(stage.candor.t, ws, guideId, 'email');
    const page = await stage.browser.newPage(phone);
    const errors = watchPageErrors(page);
    await page.goto(url!);
    const w = widget(page);
    await w.button('Start').click();
    await waitForInterviewerMessages(page, 1);
    const group = w.host.getByRole('radiogroup', { name: 'Your score' });
    await group.waitFor();

    const boxes = await group
      .getByRole('radio')
      .evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.top, r.right, r.width, r.height]),
      );
    expect(boxes).toHaveLength(11);
    for (const [left, , right, width, height] of boxes) {
      expect(width).toBeGreaterThanOrEqual(44);
      expect(height).toBeGreaterThanOrEqual(44);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(390);
    }
    // Eleven scores do not fit one row of a phone: two rows, nothing scrolls sideways.
    expect(new Set(boxes.map(([, top]) => Math.round(top!))).size).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'hosted-page-rating-phone');
    expect(await seriousViolations(page, 'body')).toEqual([]);

    await group.getByRole('radio', { name: '2', exact: true }).tap();
    expect(await waitForInterviewerMessages(page, 2)).toBe(
      "Thanks for being honest. What's the main reason for your score?",
    );
    expect(await scores(stage.candor.t, id)).toEqual([{ scale: 'nps', score: 2, topic: 'recommend' }]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
