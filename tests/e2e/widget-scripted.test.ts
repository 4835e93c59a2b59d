import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot, useWidgetStage, watchPageErrors } from '../support/browser';
import { eventually } from '../support/eventually';
import { readJson } from '../support/harness';
import { guideFixture, invite, seedWorkspace } from '../support/interview-fixtures';
import { templateLines } from '../support/language-fixtures';
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
const q = (i: number) => guide.topics[i]!.question;

// No model configured: every interviewer turn is scripted, so the words are known.
describe.skipIf(!hasChromium)('the widget on a hostile third-party page, scripted mode', () => {
  const stage = useWidgetStage();

  it('completes an interview under a strict CSP and hostile CSS, without a single error on the page', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    const { id } = await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage({ viewport: { width: 1100, height: 760 } });
    const errors = watchPageErrors(page);
    await page.goto(stage.host.url(initFor(ws)));
    expect(new URL(page.url()).origin).not.toBe(stage.candor.origin);

    const w = widget(page);
    const card = w.host.getByRole('region', { name: 'How is it going so far?' });
    await card.waitFor();
    await expect(card.getByText('About 2 minutes')).toBeTruthy();
    expect(await w.button('Start').isVisible()).toBe(true);
    expect(await w.button('Not now').isVisible()).toBe(true);
    expect(await w.button("Don't ask again").isVisible()).toBe(true);
    // The host's `button { color: red !important }` does not leak in.
    expect(await w.button('Start').evaluate((b) => getComputedStyle(b).color)).not.toBe('rgb(255, 0, 0)');
    await screenshot(page, 'widget-invitation');

    await w.button('Start').click();
    const opening = await waitForInterviewerMessages(page, 1);
    expect(opening).toContain('Hi Ada');
    expect(opening).toContain(q(0));

    await sendAnswer(page, longAnswer('weekly reporting'));
    expect(await waitForInterviewerMessages(page, 2)).toBe(q(1));
    await screenshot(page, 'widget-chat');
    await sendAnswer(page, longAnswer('exports that time out'));
    expect(await waitForInterviewerMessages(page, 3)).toBe(q(2));
    await sendAnswer(page, longAnswer('a better mobile app'));
    await w.host.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect(await waitForInterviewerMessages(page, 4)).toBe(guide.closing_message);
    await screenshot(page, 'widget-thank-you');

    const events = await page.evaluate(() => (window as unknown as { candorEvents: [string, unknown][] }).candorEvents);
    expect(events.map(([name]) => name)).toEqual(['shown', 'completed']);
    expect(events[1]![1]).toMatchObject({ interview_id: id, status: 'completed' });

    const detail = await transcript(stage.candor.t, ws, id);
    expect(detail.status).toBe('completed');
    expect(detail.mode).toBe('scripted');
    expect(detail.messages.filter((m) => m.role === 'customer').map((m) => m.text)).toEqual([
      longAnswer('weekly reporting'),
      longAnswer('exports that time out'),
      longAnswer('a better mobile app'),
    ]);
    // The host page is untouched and nothing was thrown or blocked by its CSP.
    expect(await page.locator('#host-button').count()).toBe(1);
    expect(await page.evaluate(() => Object.keys(window).filter((k) => /candor/i.test(k)))).toEqual([
      'Candor',
      'candorEvents',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks German when the interview does, whatever language the page passed', async () => {
    const t = stage.candor.t;
    const { ws } = await seedWorkspace(t, guide);
    // Ada's locale comes from the customer's server; the page still says "en".
    await t.request('/v1/contacts', {
      method: 'POST',
      token: ws.secret_key,
      json: { contacts: [{ id: 'u_42', account_id: 'acme', locale: 'de-DE' }] },
    });
    const guides = (await readJson(await t.request('/v1/guides', { token: ws.secret_key }))).guides;
    const pulse = guides.find((g: { moment: string }) => g.moment === 'health_pulse');
    const { id } = await invite(t, ws, pulse.id);
    const de = templateLines('health_pulse', 'de');
    const page = await stage.browser.newPage({ viewport: { width: 1100, height: 760 } });
    const errors = watchPageErrors(page);
    await page.goto(stage.host.url(initFor(ws, { locale: 'en' })));

    const w = widget(page);
    await w.host.getByRole('region', { name: 'Wie läuft es bisher?' }).waitFor();
    expect(await w.button('Nicht jetzt').isVisible()).toBe(true);
    await w.button('Starten').click();
    const opening = await waitForInterviewerMessages(page, 1);
    expect(opening).toBe(`${de.opening.replace('{name}', 'Ada')}\n\n${de.topics[0]?.question}`);
    const input = w.host.getByRole('textbox', { name: 'Ihre Antwort' });
    expect(await input.getAttribute('placeholder')).toBe('Antwort eingeben…');
    expect(await w.button('Senden').isVisible()).toBe(true);
    expect(await w.host.locator('[lang="de"]').count()).toBeGreaterThan(0);
    await input.fill('Die Berichte sparen uns jede Woche mehrere Stunden Arbeit im Team.');
    await input.press('Enter');
    expect(await waitForInterviewerMessages(page, 2)).toBe(de.topics[1]?.question);
    await screenshot(page, 'widget-german');
    expect((await transcript(t, ws, id)).status).toBe('started');
    expect(errors).toEqual([]);
  });

  it('resumes the same interview with its messages after a reload', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    const { id } = await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage();
    await page.goto(stage.host.url(initFor(ws)));
    const w = widget(page);
    await w.button('Start').click();
    await waitForInterviewerMessages(page, 1);
    await sendAnswer(page, longAnswer('dashboards'));
    await waitForInterviewerMessages(page, 2);

    await page.reload();
    expect(await waitForInterviewerMessages(page, 2)).toBe(q(1));
    expect((await w.bubbles()).map((b) => b.role)).toEqual(['interviewer', 'customer', 'interviewer']);
    expect(await w.host.getByRole('button', { name: 'Start' }).count()).toBe(0);
    await sendAnswer(page, longAnswer('slow exports'));
    expect(await waitForInterviewerMessages(page, 3)).toBe(q(2));

    const detail = await transcript(stage.candor.t, ws, id);
    expect(detail.messages.map((m) => m.role)).toEqual([
      'interviewer',
      'customer',
      'interviewer',
      'customer',
      'interviewer',
    ]);
    await page.close();
  });

  it('retries an answer whose reply was lost with the same client_id, and it is stored once', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    const { id } = await invite(stage.candor.t, ws, guideId);
    const context = await stage.browser.newContext();
    const page = await context.newPage();
    await page.goto(stage.host.url(initFor(ws)));
    const w = widget(page);
    await w.button('Start').click();
    await waitForInterviewerMessages(page, 1);

    // First attempt reaches the server (the answer is stored), then the connection drops.
    const clientIds: string[] = [];
    await page.route('**/v1/widget/interviews/*/messages', async (route) => {
      clientIds.push(JSON.parse(route.request().postData() ?? '{}').client_id);
      if (clientIds.length === 1) {
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await sendAnswer(page, longAnswer('the API'));
    expect(await waitForInterviewerMessages(page, 2)).toBe(q(1));
    expect(clientIds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(clientIds).size).toBe(1);
    await page.unroute('**/v1/widget/interviews/*/messages');

    // Offline: the answer waits and goes out when the network is back.
    await context.setOffline(true);
    await sendAnswer(page, longAnswer('alerts'));
    await w.host.getByText('Not sent yet — retrying…').waitFor();
    await context.setOffline(false);
    expect(await waitForInterviewerMessages(page, 3, 20_000)).toBe(q(2));

    const detail = await transcript(stage.candor.t, ws, id);
    expect(detail.messages.filter((m) => m.role === 'customer').map((m) => m.text)).toEqual([
      longAnswer('the API'),
      longAnswer('alerts'),
    ]);
    expect((await w.bubbles()).filter((b) => b.role === 'customer')).toHaveLength(2);
    await context.close();
  });

  it('can be used with the keyboard alone: Tab in, Enter to send, Shift+Enter for a new line, Escape to minimize', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage();
    await page.goto(stage.host.url(initFor(ws)));
    const w = widget(page);
    await w.button('Start').waitFor();
    await page.focus('#host-button');
    await page.keyboard.press('Tab');
    expect(await w.focused()).toMatchObject({ tag: 'button', text: 'Start' });
    await page.keyboard.press('Enter');
    await waitForInterviewerMessages(page, 1);
    expect(await w.focused()).toMatchObject({ tag: 'textarea' });

    await page.keyboard.type('First line of my answer about reporting,');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('and a second line about the exports we run.');
    expect(await w.input.inputValue()).toContain('\n');
    await page.keyboard.press('Enter');
    expect(await waitForInterviewerMessages(page, 2)).toBe(q(1));
    const sent = (await w.bubbles()).filter((b) => b.role === 'customer')[0]!.text;
    expect(sent).toBe('First line of my answer about reporting,\nand a second line about the exports we run.');

    await page.keyboard.press('Escape');
    expect(await w.focused()).toMatchObject({ tag: 'button', text: 'Continue the interview' });
    await page.keyboard.press('Enter');
    expect(await w.focused()).toMatchObject({ tag: 'textarea' });
    await page.keyboard.type(longAnswer('reliability'));
    await page.keyboard.press('Enter');
    await waitForInterviewerMessages(page, 3);
    await page.keyboard.type(longAnswer('integrations'));
    await page.keyboard.press('Enter');
    await w.host.getByRole('heading', { name: 'Thank you!' }).waitFor();
    expect(await w.focused()).toMatchObject({ tag: 'h2', text: 'Thank you!' });
    await page.keyboard.press('Tab');
    expect(await w.focused()).toMatchObject({ tag: 'button', text: 'Close' });
    await page.keyboard.press('Enter');
    await eventually(async () => (await w.host.getByRole('log').count()) === 0);
    await page.close();
  });

  it('has no serious or critical axe violations in the invitation, the chat or the thank-you', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    for (const colorScheme of ['light', 'dark'] as const) {
      await invite(stage.candor.t, ws, guideId);
      // Contrast is a property of the settled UI: no entry animation blending colours mid-fade.
      const page = await stage.browser.newPage({ colorScheme, reducedMotion: 'reduce' });
      await page.goto(stage.host.url(initFor(ws), { hostile: false }));
      const w = widget(page);
      await w.button('Start').waitFor();
      const found = await seriousViolations(page);
      await w.button('Start').click();
      await waitForInterviewerMessages(page, 1);
      await sendAnswer(page, longAnswer('dashboards'));
      await waitForInterviewerMessages(page, 2);
      found.push(...(await seriousViolations(page)));
      if (colorScheme === 'dark') await screenshot(page, 'widget-chat-dark');
      await sendAnswer(page, longAnswer('alerts'));
      await waitForInterviewerMessages(page, 3);
      await sendAnswer(page, longAnswer('exports'));
      await w.host.getByRole('heading', { name: 'Thank you!' }).waitFor();
      found.push(...(await seriousViolations(page)));
      expect(found, colorScheme).toEqual([]);
      await page.close();
    }
  });

  it('stays silent and harmless when the API is down or failing', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    await invite(stage.candor.t, ws, guideId);
    for (const failure of ['refused', '503'] as const) {
      const page = await stage.browser.newPage();
      const errors = watchPageErrors(page);
      await page.route(`${stage.candor.origin}/v1/**`, (route) =>
        failure === 'refused'
          ? route.abort('connectionrefused')
          : route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }),
      );
      await page.goto(stage.host.url(initFor(ws)));
      await page.evaluate(() => {
        const C = (window as unknown as { Candor: (...a: unknown[]) => void }).Candor;
        C('track', 'clicked', { a: 1 });
        C('open');
        C('open', '00000000-0000-4000-8000-000000000000');
        C('on', 'shown', 'not a function');
        C('bogus');
        C();
      });
      await page.waitForTimeout(700);
      expect(await page.locator('candor-widget').getByRole('button').count(), failure).toBe(0);
      expect(await page.locator('#host-button').isVisible()).toBe(true);
      // Only the browser's own network lines, never an exception from the widget.
      expect(
        errors.filter((e) => !/Failed to load resource|net::ERR_/.test(e)),
        failure,
      ).toEqual([]);
      await page.close();
    }
  });
});
