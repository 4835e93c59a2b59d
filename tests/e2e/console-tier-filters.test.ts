/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium } from '../support/browser';
import { recordAnswer } from '../support/signal-fixtures';
import { expectAccessible, insertAccount, signedInConsolePage, startWithWorkspace } from './console-support';

describe.skipIf(!hasChromium)(
  'filtering accounts and Insights by plan and AE in Chromium',
  { timeout: 120_000 },
  () => {
    let candor: CandorServer;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      const started = await startWithWorkspace('Tier Co');
      candor = started.candor;
      const { t, ws } = started;
      const accounts = [
        {
          external_id: 'north',
          name: 'Northwind',
          plan: 'enterprise',
          ae_email: 'sam@tier.example',
          reason: 'price_value',
        },
        {
          external_id: 'globex',
          name: 'Globex',
          plan: 'growth',
          ae_email: 'sam@tier.example',
          reason: 'missing_features',
        },
        { external_id: 'initech', name: 'Initech', plan: 'growth', ae_email: null, reason: 'support_experience' },
        { external_id: 'hooli', name: 'Hooli', plan: null, ae_email: 'kim@tier.example', reason: null },
      ];
      for (const { reason, ...a } of accounts) {
        const id = await insertAccount(t, ws.id, { ...a, owner_email: 'ana@tier.example' });
        if (reason)
          await recordAnswer(t, ws.id, {
            accountId: id,
            text: `We worry about ${reason}`,
            signals: [
              { kind: 'churn_risk', value: { level: 'high', reasons: [reason] }, quote: `We worry about ${reason}` },
            ],
          });
      }
      ({ browser, page } = await signedInConsolePage(candor, {
        workspaceId: ws.id,
        email: 'lead@tier.example',
        role: 'admin',
      }));
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
      await candor?.close();
    });

    const names = () => page.locator('table tbody tr td:first-child a').allInnerTexts();

    it('narrows the accounts list by plan and AE, kept in the URL across a reload', async () => {
      await page.goto(`${candor.origin}/accounts`);
      await expect
        .poll(async () => (await names()).sort(), { timeout: 15_000 })
        .toEqual(['Globex', 'Hooli', 'Initech', 'Northwind']);
      await page.getByLabel('Plan').selectOption('growth');
      await page.waitForURL((u) => u.searchParams.get('plan') === 'growth');
      await expect.poll(async () => (await names()).sort(), { timeout: 15_000 }).toEqual(['Globex', 'Initech']);
      await page.getByLabel('AE').selectOption('sam@tier.example');
      await page.waitForURL((u) => u.searchParams.get('ae') === 'sam@tier.example');
      await expect.poll(names, { timeout: 15_000 }).toEqual(['Globex']);
      await expect.poll(() => page.getByText('AE sam@tier.example').count(), { timeout: 15_000 }).toBe(1);
      await expectAccessible(page, 'accounts-plan-ae');

      await page.reload();
      await expect.poll(names, { timeout: 15_000 }).toEqual(['Globex']);
      expect(await page.getByLabel('Plan').inputValue()).toBe('growth');
      expect(await page.getByLabel('AE').inputValue()).toBe('sam@tier.example');

      // Two filters changed in the same moment, before the page re-renders: both stick.
      const plan = await page.getByLabel('Plan').elementHandle();
      const ae = await page.getByLabel('AE').elementHandle();
      await page.evaluate(
        ([planSelect, aeSelect]) => {
          const choose = (select: unknown, value: string) => {
            (select as HTMLSelectElement).value = value;
            (select as HTMLSelectElement).dispatchEvent(new Event('change', { bubbles: true }));
          };
          choose(planSelect, 'none');
          choose(aeSelect, '');
        },
        [plan, ae],
      );
      await page.waitForURL((u) => u.searchParams.get('plan') === 'none' && !u.searchParams.has('ae'));
      await expect.poll(names, { timeout: 15_000 }).toEqual(['Hooli']);
    });

    it('shows the server’s message for a malformed AE in the URL', async () => {
      await page.goto(`${candor.origin}/accounts?ae=not-an-email`);
      await expect.poll(() => page.getByText(/ae: must be an email or none/).count(), { timeout: 15_000 }).toBe(1);
    });

    it('filters Insights by plan', async () => {
      await page.goto(`${candor.origin}/insights`);
      await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
      const reasons = () =>
        page.locator('section[aria-labelledby="churn-h"] .bar-row > span:first-child').allInnerTexts();
      await expect
        .poll(async () => (await reasons()).sort(), { timeout: 15_000 })
        .toEqual(['Missing features', 'Price / value', 'Support experience']);
      await page.getByLabel('Plan').selectOption('growth');
      await page.waitForURL((u) => u.searchParams.get('plan') === 'growth');
      await expect
        .poll(async () => (await reasons()).sort(), { timeout: 15_000 })
        .toEqual(['Missing features', 'Support experience']);
      await page.getByLabel('Plan').selectOption('enterprise');
      await expect.poll(reasons, { timeout: 15_000 }).toEqual(['Price / value']);
      await expectAccessible(page, 'insights-plan');
    });
  },
);
