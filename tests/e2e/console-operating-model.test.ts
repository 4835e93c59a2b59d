/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium } from '../support/browser';
import { expectAccessible, screenshotPage, signedInConsolePage, startOnDemoWorkspace } from './console-support';

describe.skipIf(!hasChromium)('the Operating model page on the seeded demo', { timeout: 90_000 }, () => {
  let server: CandorServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let workspaceId: string;

  beforeAll(async () => {
    let admin: { email: string };
    ({ server, workspaceId, admin } = await startOnDemoWorkspace());
    ({ browser, page } = await signedInConsolePage(server, { workspaceId, email: admin.email, role: 'admin' }));
    errors = [];
    // The browser's own favicon request is the one 404 a console page may log; anything else fails the test.
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.location().url.endsWith('/favicon.ico'))
        errors.push(`console: ${msg.text()} ${msg.location().url}`);
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage() {
    await page.goto(`${server.origin}/operating-model`);
    await page.getByRole('heading', { level: 1, name: 'Operating model' }).waitFor();
    await page.getByRole('heading', { name: 'Effective book of business' }).waitFor();
  }

  it('shows the effective book, the charts, the holdout lift and the scorer from the demo data', async () => {
    await page.goto(`${server.origin}/`);
    await page.getByRole('link', { name: 'Operating model' }).click();
    await page.getByRole('heading', { level: 1, name: 'Operating model' }).waitFor();
    await page.getByRole('heading', { name: 'Effective book of business' }).waitFor();

    const kpis = page.getByRole('region', { name: 'Headline figures' });
    const effective = await kpis.locator('.kpi', { hasText: 'Effective book per CSM' }).locator('.value').textContent();
    expect(Number(effective)).toBeGreaterThan(0);
    // Every headline figure explains itself on hover.
    expect(await kpis.locator('.kpi[title]').count()).toBe(4);

    // Charts where numbers are compared: trend, stacked allocation, waterfall, holdout lift with error bars.
    for (const name of [
      'Effective book of business per CSM by quarter',
      'Time allocation before and after, stacked by activity',
      'ROI waterfall',
      'Holdout lift with 95 % intervals',
    ])
      await page.getByRole('img', { name }).locator('svg.recharts-surface').first().waitFor();
    expect(await page.locator('.recharts-errorBar').count()).toBeGreaterThan(0);
    expect(await page.getByText(/Health pulse, whole book/).count()).toBeGreaterThan(0);

    // The seed example's figure, as published.
    expect(await page.getByText('$1,452,000').count()).toBeGreaterThan(0);
    const scorer = page.getByRole('region', { name: 'Automation Opportunity Scorer' });
    expect(await scorer.getByText('Top 5', { exact: true }).count()).toBe(5);
    expect(await page.getByRole('region', { name: 'Coverage Model Analyzer' }).locator('tbody tr').count()).toBe(7);
    expect(await page.getByText('NPS survey', { exact: false }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'operating-model');
    expect(errors).toEqual([]);
  });

  it('saves edited inputs for the workspace and recomputes', async () => {
    await openPage();
    const inputs = page.getByRole('region', { name: 'Inputs' });
    const admin = inputs.getByLabel('Admin data entry');
    const checkIns = inputs.getByLabel('Recurring check ins');
    await admin.fill('5');
    expect(await inputs.getByText('Total: 90% (must be 100%)').count()).toBe(1);
    await checkIns.fill('30');
    await inputs.getByRole('button', { name: 'Save inputs' }).click();
    await inputs.getByRole('button', { name: 'Save inputs' }).waitFor();
    await expect
      .poll(async () => {
        const row = await server.t.deps.db
          .selectFrom('operating_model_inputs')
          .select('inputs')
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirst();
        return (row?.inputs as { coverage?: { allocation?: Record<string, number> } })?.coverage?.allocation;
      })
      .toMatchObject({ admin_data_entry: 5, recurring_check_ins: 30 });
    await openPage();
    expect(await page.getByRole('region', { name: 'Inputs' }).getByLabel('Admin data entry').inputValue()).toBe('5');
    expect(errors).toEqual([]);
  });

  it('fits a 390 px phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage();
    await screenshotPage(page, 'operating-model-390');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
