/// <reference lib="dom" />
import { setupServer } from 'msw/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockOpenAI } from '../msw/openai';
import { type CandorServer, hasChromium, startCandorServer } from '../support/browser';
import { createTestWorkspace } from '../support/harness';
import { recordAnswer } from '../support/signal-fixtures';
import { purposeOf, synthesisReply } from '../support/synthesis-replies';
import {
  ensureConsoleBuilt,
  insertAccount,
  screenshotPage,
  seriousA11yViolations,
  signedInAsCsm,
} from './console-support';

const server = setupServer();
const QUOTE = 'Exports keep timing out';

describe.skipIf(!hasChromium)('regenerating a renewal brief from the console', { timeout: 60_000 }, () => {
  let candor: CandorServer;
  let browser: Browser;
  let page: Page;
  let accountId: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    server.listen({ onUnhandledFrame: 'bypass' });
    candor = await startCandorServer({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://openai.test/v1' });
    // A model that takes a moment per call, so the progress bar is on screen long enough to see.
    mockOpenAI(server, {
      chat: (call) => ({
        json: synthesisReply(call.promptText),
        delayMs: purposeOf(call.promptText) === 'digest' ? 800 : 1000,
      }),
    });
    const { t } = candor;
    const ws = await createTestWorkspace(t, 'Regenerate Co');
    accountId = await insertAccount(t, ws.id, {
      external_id: 'acme',
      name: 'Acme Analytics',
      arr_cents: 120_000_00,
      owner_email: 'carol@vendor.io',
    });
    const contact = await t.deps.db
      .insertInto('contacts')
      .values({
        workspace_id: ws.id,
        account_id: accountId,
        external_id: 'linus',
        name: 'Linus Lee',
        role: 'end user',
        attributes: {},
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAnswer(t, ws.id, {
      accountId,
      contactId: contact.id,
      text: `${QUOTE} and the price is hard to justify.`,
      signals: [
        { kind: 'sentiment', value: { polarity: 'negative' }, quote: QUOTE },
        {
          kind: 'churn_risk',
          value: { level: 'high', reasons: ['price_value'] },
          quote: 'the price is hard to justify',
        },
      ],
    });
    ({ browser, page } = await signedInAsCsm(candor, ws.id));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await candor?.close();
    server.close();
  });

  it('shows a progress bar while the brief regenerates, then the new AI-written version with its quotes', async () => {
    await page.goto(`${candor.origin}/accounts/${accountId}`);
    await page.getByRole('heading', { level: 1, name: 'Acme Analytics' }).waitFor();
    expect(await page.getByText('No renewal brief yet').count()).toBe(1);

    await page.getByRole('button', { name: 'Regenerate brief' }).click();
    const bar = page.getByRole('progressbar', { name: 'Brief generation progress' });
    await bar.waitFor();
    expect(await page.getByRole('button', { name: 'Regenerating…' }).isDisabled()).toBe(true);
    // Half way through: a stage and a percentage, the bar between empty and full.
    await page.getByText(/(Summarizing the account|Writing the brief) · \d+%/).waitFor();
    const value = Number(await bar.getAttribute('value'));
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(100);
    await screenshotPage(page, 'regenerate-brief-progress');

    await page
      .getByText(/Version 1 · Written by AI \(gpt-4\.1, prompt renewal-brief-v2\)/)
      .waitFor({ timeout: 20_000 });
    await bar.waitFor({ state: 'detached' });
    expect(await page.getByText('No renewal brief yet').count()).toBe(0);
    const brief = page.getByRole('region', { name: 'Renewal brief' });
    expect(await brief.getByRole('heading', { name: 'Talking points for the renewal call' }).count()).toBe(1);
    expect(await brief.locator('blockquote', { hasText: QUOTE }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Regenerate brief' }).isEnabled()).toBe(true);
    await screenshotPage(page, 'regenerate-brief-done');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Again: the next version replaces it.
    await page.getByRole('button', { name: 'Regenerate brief' }).click();
    await page.getByText(/Version 2 · Written by AI/).waitFor({ timeout: 20_000 });
  });
});
