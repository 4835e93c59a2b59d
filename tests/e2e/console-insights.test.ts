/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium } from '../support/browser';
import type { TestApp } from '../support/harness';
import { recordAnswer } from '../support/signal-fixtures';
import { expectAccessible, insertAccount, signedInConsolePage, startWithWorkspace } from './console-support';

const DAY = 86_400_000;

describe.skipIf(!hasChromium)('Insights filters and the ARR-at-risk trend in Chromium', { timeout: 120_000 }, () => {
  let candor: CandorServer;
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const started = await startWithWorkspace('Trend Co');
    candor = started.candor;
    t = started.t;
    const ws = started.ws;
    const now = t.deps.now().getTime();
    const ana = await insertAccount(t, ws.id, {
      external_id: 'north',
      name: 'Northwind',
      owner_email: 'ana@trend.example',
      plan: 'enterprise',
      arr_cents: 120_000_00,
      health_state: 'at_risk',
    });
    const ben = await insertAccount(t, ws.id, {
      external_id: 'globex',
      name: 'Globex',
      owner_email: 'ben@trend.example',
      plan: 'growth',
      arr_cents: 40_000_00,
      health_state: 'watch',
    });
    const churn = (reasons: string[], daysAgo: number, quote: string) => ({
      kind: 'churn_risk',
      value: { level: 'high', reasons },
      quote,
      created_at: new Date(now - daysAgo * DAY),
    });
    for (const [accountId, signal, moment] of [
      [ana, churn(['price_value'], 2, 'The renewal quote is far above what we pay now'), 'pre_renewal'],
      [ana, churn(['price_value'], 30, 'Budget review flagged the price'), 'health_pulse'],
      [ben, churn(['missing_features', 'price_value'], 16, 'We still cannot export to Sheets'), 'health_pulse'],
      [ben, churn(['support_experience'], 50, 'Tickets wait for days'), 'churn_risk'],
    ] as const)
      await recordAnswer(t, ws.id, { accountId, text: signal.quote, signals: [signal], moment });
    await recordAnswer(t, ws.id, {
      accountId: ana,
      text: 'Marketing wants twenty seats next quarter',
      signals: [
        {
          kind: 'expansion_intent',
          value: { kind: 'seats', size: '20 seats' },
          quote: 'Marketing wants twenty seats next quarter',
        },
      ],
      moment: 'expansion',
    });
    ({ browser, page } = await signedInConsolePage(candor, {
      workspaceId: ws.id,
      email: 'lead@trend.example',
      role: 'admin',
    }));
    page.on('pageerror', (err) => console.error('page error:', err.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await candor?.close();
  });

  const reasons = () => page.locator('section[aria-labelledby="churn-h"] .bar-row > span:first-child').allInnerTexts();
  const trend = () => page.locator('section[aria-labelledby="trend-h"]');

  it('draws the ARR at risk per reason over 12 weeks and filters by owner, moment and dates in the URL', async () => {
    await page.goto(`${candor.origin}/insights`);
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    await trend().locator('.recharts-wrapper > svg.recharts-surface').waitFor();
    // Twelve week ticks, one colour per reason in the legend, in the ranking's order.
    await expect
      .poll(() => trend().locator('.recharts-xAxis .recharts-cartesian-axis-tick').count(), { timeout: 15_000 })
      .toBe(12);
    // Each part of the page arrives with its own request and the bars animate in: poll each.
    await expect
      .poll(() => trend().locator('.recharts-legend-item-text').allInnerTexts(), { timeout: 15_000 })
      .toEqual(['Price / value', 'Missing features', 'Support experience']);
    // Bars with height: the weeks that had churn risk.
    await expect
      .poll(() => trend().locator('.recharts-bar-rectangle path').count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(4);
    await expect
      .poll(reasons, { timeout: 15_000 })
      .toEqual(['Price / value', 'Missing features', 'Support experience']);
    await expect.poll(() => page.getByText('$160K ARR at risk · 2 accounts').count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(page, 'insights-trend');

    await page.getByLabel('Owner').selectOption('ana@trend.example');
    await page.waitForURL((u) => u.searchParams.get('owner') === 'ana@trend.example');
    await expect.poll(reasons, { timeout: 15_000 }).toEqual(['Price / value']);
    await expect
      .poll(() => trend().locator('.recharts-legend-item-text').allInnerTexts(), { timeout: 15_000 })
      .toEqual(['Price / value']);

    // The filters survive a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    await expect.poll(reasons, { timeout: 15_000 }).toEqual(['Price / value']);
    expect(await page.getByLabel('Owner').inputValue()).toBe('ana@trend.example');

    await page.getByLabel('Owner').selectOption('');
    await page.getByLabel('Moment').selectOption('health_pulse');
    await page.waitForURL((u) => u.searchParams.get('moment') === 'health_pulse' && !u.searchParams.has('owner'));
    await expect.poll(reasons, { timeout: 15_000 }).toEqual(['Price / value', 'Missing features']);

    // The last three weeks only: the older health-pulse answers drop out.
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    await page.getByLabel('From').fill(day(t.deps.now().getTime() - 21 * DAY));
    await page.waitForURL((u) => u.searchParams.has('from'));
    // One answer left, with two reasons of equal weight: by name.
    await expect.poll(reasons, { timeout: 15_000 }).toEqual(['Missing features', 'Price / value']);
    await page.getByLabel('Moment').selectOption('');
    await expect.poll(reasons, { timeout: 15_000 }).toEqual(['Price / value', 'Missing features']);
    await expect.poll(() => page.getByText('$160K ARR at risk · 2 accounts').count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(page, 'insights-filtered');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect
      .poll(reasons, { timeout: 15_000 })
      .toEqual(['Price / value', 'Missing features', 'Support experience']);
    const pipeline = page.locator('section[aria-labelledby="expansion-h"] tbody tr');
    await expect.poll(() => pipeline.allInnerTexts(), { timeout: 15_000 }).toHaveLength(1);
    expect(await pipeline.first().textContent()).toContain('Northwind');
  });

  it("shows an admin's Home the team with a row per CSM", async () => {
    await page.goto(`${candor.origin}/`);
    const team = page.locator('section[aria-labelledby="team-h"]');
    await team.waitFor();
    const rows = await team.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/ana@trend\.example\s+1\s+\$120K\s+\$120K/);
    expect(rows[1]).toMatch(/ben@trend\.example\s+1\s+\$40K\s+\$0/);
    await expectAccessible(page, 'home-team');
  });
});
