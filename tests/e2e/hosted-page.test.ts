import { interviewLink } from '@candor/api/interviews/invite-contact';
import { signLinkToken } from '@candor/api/widget-auth/tokens';
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot, useWidgetStage, watchPageErrors } from '../support/browser';
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

const guide = guideFixture();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe.skipIf(!hasChromium)('the hosted interview page /i/{token}', () => {
  const stage = useWidgetStage();

  it('runs an emailed interview full page on a phone, accessibly and under its own strict CSP', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    const { id, url } = await invite(stage.candor.t, ws, guideId, 'email');
    expect(url).toMatch(new RegExp(`^${stage.candor.origin}/i/`));
    const page = await stage.browser.newPage(phone);
    const errors = watchPageErrors(page);
    const res = await page.goto(url!);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(res?.headers()['referrer-policy']).toBe('no-referrer');

    const w = widget(page);
    // Mail scanners open links too: nothing starts until the person presses Start.
    await w.host.getByRole('heading', { name: 'How is it going so far?' }).waitFor();
    expect((await transcript(stage.candor.t, ws, id)).status).toBe('invited');
    await screenshot(page, 'hosted-page-start');
    expect(await seriousViolations(page, 'body')).toEqual([]);
    await w.button('Start').click();
    expect(await waitForInterviewerMessages(page, 1)).toContain(guide.topics[0]!.question);
    expect(await w.host.getByRole('heading', { name: 'Acme Test' }).count()).toBe(1);
    // Full page: no minimize or close, and the chat spans the phone's width.
    expect(await w.host.getByRole('button', { name: 'Minimize' }).count()).toBe(0);
    const box = await w.log.boundingBox();
    expect(box!.width).toBeGreaterThan(340);
    await sendAnswer(page, longAnswer('weekly reporting'));
    expect(await waitForInterviewerMessages(page, 2)).toBe(guide.topics[1]!.question);
    await screenshot(page, 'hosted-page');
    expect(await seriousViolations(page, 'body')).toEqual([]);

    await sendAnswer(page, longAnswer('slow exports'));
    await waitForInterviewerMessages(page, 3);
    await sendAnswer(page, longAnswer('a mobile app'));
    await w.host.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect((await transcript(stage.candor.t, ws, id)).status).toBe('completed');

    // Opening the link again shows the finished conversation, not a new one.
    await page.reload();
    await w.host.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect((await w.bubbles()).filter((b) => b.role === 'customer')).toHaveLength(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finishes on the hosted page an interview started in the widget, and the widget then shows it ended', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    const { id } = await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage();
    await page.goto(stage.host.url(initFor(ws)));
    await widget(page).button('Start').click();
    await waitForInterviewerMessages(page, 1);
    await sendAnswer(page, longAnswer('dashboards'));
    await waitForInterviewerMessages(page, 2);

    const link = await interviewLink(stage.candor.t.deps, { id: ws.id }, { id, expires_at: null });
    const hosted = await stage.browser.newPage(phone);
    await hosted.goto(link);
    expect(await waitForInterviewerMessages(hosted, 2)).toBe(guide.topics[1]!.question);
    expect((await widget(hosted).bubbles()).map((b) => b.role)).toEqual(['interviewer', 'customer', 'interviewer']);
    await sendAnswer(hosted, longAnswer('alerts'));
    expect(await waitForInterviewerMessages(hosted, 3)).toBe(guide.topics[2]!.question);
    await sendAnswer(hosted, longAnswer('integrations'));
    await widget(hosted).host.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect((await transcript(stage.candor.t, ws, id)).messages).toHaveLength(7);
    await hosted.close();

    // The widget tab was left open: its next answer meets a closed interview and says so.
    await sendAnswer(page, longAnswer('something else'));
    await widget(page).host.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect((await transcript(stage.candor.t, ws, id)).messages).toHaveLength(7);
    await page.close();
  });

  it('answers an invalid or expired link with a clear, friendly page', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    const { id } = await invite(stage.candor.t, ws, guideId, 'email');
    const expired = await signLinkToken(stage.candor.t.deps, ws.id, id, new Date(Date.now() - 60_000));
    const page = await stage.browser.newPage(phone);

    const gone = await page.goto(`${stage.candor.origin}/i/${expired}`);
    expect(gone?.status()).toBe(410);
    await page.getByRole('heading', { name: 'This interview link has expired' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('ask for a fresh link');
    await screenshot(page, 'hosted-page-expired');

    const bad = await page.goto(`${stage.candor.origin}/i/not-a-real-token`);
    expect(bad?.status()).toBe(404);
    await page.getByRole('heading', { name: 'We couldn’t open this interview' }).waitFor();
    expect(await page.locator('candor-widget').count()).toBe(0);
    expect(await seriousViolations(page, 'body')).toEqual([]);
    await page.close();
  });
});
