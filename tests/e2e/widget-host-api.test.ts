import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useWidgetStage } from '../support/browser';
import { eventually } from '../support/eventually';
import { guideFixture, invite, seedWorkspace } from '../support/interview-fixtures';
import { initFor, waitForInterviewerMessages, widget } from './widget-fixtures';

const candorCall = (page: Page, ...args: unknown[]) =>
  page.evaluate((a) => (window as unknown as { Candor: (...x: unknown[]) => void }).Candor(...a), args);

describe.skipIf(!hasChromium)('the host page API: Candor(init | track | open | on | shutdown)', () => {
  const stage = useWidgetStage();

  it('speaks the language asked for, takes the theme colour from init, and honours reduced motion', async () => {
    for (const [locale, title, start] of [
      ['de-DE', 'Wie läuft es bisher?', 'Starten'],
      ['ja', 'ここまでのご利用はいかがですか？', '始める'],
    ] as const) {
      // A contact of its own each time: the first browser language a contact brings becomes
      // their locale, which later pages do not overwrite.
      const { ws, guideId } = await seedWorkspace(stage.candor.t, guideFixture());
      await invite(stage.candor.t, ws, guideId);
      const page = await stage.browser.newPage({ reducedMotion: 'reduce' });
      await page.goto(stage.host.url(initFor(ws, { locale, theme: { accent: '#0a7d32', mode: 'dark' } })));
      const w = widget(page);
      const card = w.host.getByRole('region', { name: title });
      await card.waitFor();
      expect(await w.button(start).evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(10, 125, 50)');
      // prefers-reduced-motion: the card appears without its slide-in animation.
      expect(await card.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
      await page.close();
    }
  });

  it('opens an interview on demand, and shutdown forgets the contact before another user signs in (single-page app)', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guideFixture());
    const { id } = await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage();
    // Nothing waiting for this user until the invite below, so nothing is fetched or shown.
    await page.goto(stage.host.url(initFor(ws, { user: { id: 'u_other', name: 'Bob' } })));
    await page.waitForTimeout(500);
    expect(
      await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /ui\.[a-f0-9]+\.js/.test(r.name))),
    ).toBe(false);
    expect(await page.locator('candor-widget').count()).toBe(0);

    // The app signs Ada in without a reload and opens her interview directly.
    await candorCall(page, 'init', initFor(ws));
    await candorCall(page, 'open', id);
    const w = widget(page);
    expect(await waitForInterviewerMessages(page, 1)).toContain('Hi Ada');
    const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('candor:')));
    expect(await stored()).toHaveLength(1);

    await candorCall(page, 'shutdown');
    await eventually(async () => (await page.locator('candor-widget').count()) === 0);
    expect(await stored()).toEqual([]);
    // After sign-out, open() has no contact to act for and does nothing.
    await candorCall(page, 'open', id);
    await page.waitForTimeout(300);
    expect(await w.host.count()).toBe(0);
    await page.close();
  });

  it('shows an invitation returned by track, and reports it through on("shown")', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guideFixture());
    const page = await stage.browser.newPage();
    await page.goto(stage.host.url(initFor(ws)));
    await page.waitForTimeout(300);
    const { id } = await invite(stage.candor.t, ws, guideId);
    await candorCall(page, 'track', 'report_exported', { format: 'csv' });
    await widget(page).button('Start').waitFor();
    const events = await page.evaluate(() => (window as unknown as { candorEvents: unknown[] }).candorEvents);
    expect(events).toEqual([['shown', { interview_id: id, moment: 'health_pulse' }]]);
    const stored = await stage.candor.t.deps.db
      .selectFrom('events')
      .select(['name', 'properties'])
      .where('workspace_id', '=', ws.id)
      .execute();
    expect(stored).toContainEqual({ name: 'report_exported', properties: { format: 'csv' } });
    await page.close();
  });
});
