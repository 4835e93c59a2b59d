/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium } from '../support/browser';
import { recordAnswer } from '../support/signal-fixtures';
import {
  insertAccount,
  screenshotPage,
  seriousA11yViolations,
  signedInAsCsm,
  startWithWorkspace,
} from './console-support';

describe.skipIf(!hasChromium)('the weekly briefing on Home', { timeout: 60_000 }, () => {
  let candor: CandorServer;
  let browser: Browser;
  let page: Page;
  let handoffId: string;

  beforeAll(async () => {
    const started = await startWithWorkspace('Briefing Co');
    ({ candor } = started);
    const { t, ws } = started;
    const account = (name: string, arr: number) =>
      insertAccount(t, ws.id, {
        external_id: name,
        name,
        arr_cents: arr,
        owner_email: 'carol@vendor.io',
        last_touch_at: new Date(),
      });
    handoffId = await account('Handoff Analytics', 40_000_00);
    await account('Calm Corp', 90_000_00);
    await recordAnswer(t, ws.id, {
      accountId: handoffId,
      text: 'Honestly I would rather talk to a person about our rollout.',
      signals: [{ kind: 'wants_human', value: { reason: null }, quote: 'I would rather talk to a person' }],
    });
    ({ browser, page } = await signedInAsCsm(candor, ws.id));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await candor?.close();
  });

  it('generates the briefing now, in the browser time zone, with account names linking to the account', async () => {
    await page.goto(`${candor.origin}/`);
    await page.getByText('No briefing yet').waitFor();
    await page.getByRole('button', { name: 'Generate now' }).click();
    const briefing = page.getByRole('region', { name: /My week of/ });
    await briefing.waitFor({ timeout: 20_000 });
    const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    await briefing.getByText(`times in ${timeZone}`).waitFor();
    expect(await briefing.getByRole('heading', { name: 'Top priorities' }).count()).toBe(1);
    expect(await briefing.getByText('Asked to talk to a person today').count()).toBe(1);
    expect(
      await briefing.getByText(/^(Monday|Tuesday|Wednesday|Thursday|Friday) \d+ \w{3}, \d\d:\d\d–/).count(),
    ).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshotPage(page, 'weekly-briefing-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshotPage(page, 'weekly-briefing-390');
    await page.setViewportSize({ width: 1360, height: 900 });

    await briefing.getByRole('link', { name: 'Handoff Analytics' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Handoff Analytics' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/accounts/${handoffId}`);
  });
});
