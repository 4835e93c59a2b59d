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

describe.skipIf(!hasChromium)('a renewal brief that has not caught up yet', { timeout: 60_000 }, () => {
  let candor: CandorServer;
  let browser: Browser;
  let page: Page;
  let accountId: string;

  beforeAll(async () => {
    const started = await startWithWorkspace('Fresh Co');
    ({ candor } = started);
    const { t, ws } = started;
    accountId = await insertAccount(t, ws.id, {
      external_id: 'northwind',
      name: 'Northwind Traders',
      owner_email: 'carol@vendor.io',
      renewal_date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    await recordAnswer(t, ws.id, {
      accountId,
      text: 'The price feels high next to Looker.',
      signals: [
        { kind: 'churn_risk', value: { level: 'medium', reasons: ['price_value'] }, quote: 'The price feels high' },
      ],
    });
    const res = await t.request('/v1/accounts/northwind/brief', { method: 'POST', token: ws.secret_key });
    expect(res.status).toBe(201);
    // Two answers after the brief was written.
    for (const text of ['Our champion Tom left last month.', 'We need a native Zendesk integration.']) {
      const { interviewId } = await recordAnswer(t, ws.id, { accountId, text, signals: [] });
      await t.deps.db
        .updateTable('interviews')
        .set({ ended_at: new Date(Date.now() + 1000) })
        .where('id', '=', interviewId)
        .execute();
    }
    ({ browser, page } = await signedInAsCsm(candor, ws.id));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await candor?.close();
  });

  it('says how many answers came in since the brief was written', async () => {
    await page.goto(`${candor.origin}/accounts/${accountId}`);
    const brief = page.getByRole('region', { name: 'Renewal brief' });
    await brief.getByText('2 new answers since this brief').waitFor();
    await brief.locator('blockquote', { hasText: 'The price feels high' }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshotPage(page, 'brief-new-answers');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshotPage(page, 'brief-new-answers-390');
  });
});
