/// <reference lib="dom" />
import { tenant } from '@candor/api/db/tenant';
import { addReviewItem } from '@candor/api/review-queue/review-queue';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium, startCandorServer } from '../support/browser';
import { createTestWorkspace } from '../support/harness';
import { recordAnswer } from '../support/signal-fixtures';
import { ensureConsoleBuilt, screenshotPage, seriousA11yViolations, signedInConsolePage } from './console-support';

describe.skipIf(!hasChromium)('acting on the review queue in the console', { timeout: 90_000 }, () => {
  let candor: CandorServer;
  let browser: Browser;
  let page: Page;
  const accounts: Record<string, string> = {};
  const interviews: Record<string, string> = {};

  beforeAll(async () => {
    ensureConsoleBuilt();
    candor = await startCandorServer();
    const { t } = candor;
    const ws = await createTestWorkspace(t, 'Queue Co');
    await t.deps.db
      .insertInto('members')
      .values([
        { workspace_id: ws.id, email: 'carol@vendor.io', name: 'Carol', role: 'csm' },
        { workspace_id: ws.id, email: 'dan@vendor.io', name: 'Dan Park', role: 'csm' },
      ])
      .execute();
    const said: Record<string, string> = {
      'Northwind Traders': 'Could someone from your team call me about the renewal?',
      'Blue Yonder': 'I would rather talk to a person than fill this in.',
      'Contoso Health': 'Please have a human reach out about the invoice.',
    };
    for (const [name, text] of Object.entries(said)) {
      const account = await t.deps.db
        .insertInto('accounts')
        .values({
          workspace_id: ws.id,
          external_id: name,
          name,
          owner_email: 'carol@vendor.io',
          attributes: {},
          health_reasons: [],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      accounts[name] = account.id;
      const { interviewId, messageId } = await recordAnswer(t, ws.id, { accountId: account.id, text, signals: [] });
      interviews[name] = interviewId;
      await addReviewItem(tenant(t.deps.db, ws), {
        accountId: account.id,
        kind: 'handoff',
        reason: 'Asked to talk to a person',
        evidence: [{ interview_id: interviewId, message_id: messageId, quote: text }],
        dedupeKey: `wants_human:${interviewId}`,
      });
    }
    ({ browser, page } = await signedInConsolePage(candor, {
      workspaceId: ws.id,
      email: 'carol@vendor.io',
      role: 'csm',
    }));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await candor?.close();
  });

  const item = (name: string) => page.getByRole('listitem', { name: `Hand-off at ${name}` });

  it('shows each item with the reason in words, the quote and its transcript, and acts on it', async () => {
    await page.goto(`${candor.origin}/`);
    await page.getByRole('heading', { name: 'My review queue (3)' }).waitFor();
    const north = item('Northwind Traders');
    await north.getByText('Asked to talk to a person').waitFor();
    await north.getByText('“Could someone from your team call me about the renewal?”').waitFor();
    expect(await page.getByText('wants_human').count()).toBe(0);
    expect(await north.getByRole('link', { name: 'See in transcript' }).getAttribute('href')).toMatch(
      new RegExp(`^/interviews/${interviews['Northwind Traders']}#m-`),
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshotPage(page, 'review-queue-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshotPage(page, 'review-queue-390');
    await page.setViewportSize({ width: 1360, height: 900 });

    // Done: it leaves the queue.
    await north.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'My review queue (2)' }).waitFor();
    expect(await item('Northwind Traders').count()).toBe(0);

    // Snooze until a date: it leaves the queue until then.
    const blue = item('Blue Yonder');
    await blue.getByRole('button', { name: 'Snooze…' }).click();
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await blue.getByLabel('Snooze until').fill(inAWeek);
    await screenshotPage(page, 'review-queue-snooze');
    await blue.getByRole('button', { name: 'Snooze', exact: true }).click();
    await page.getByRole('heading', { name: 'My review queue (1)' }).waitFor();
    const snoozed = await candor.t.deps.db
      .selectFrom('review_items')
      .select(['status', 'snoozed_until'])
      .where('account_id', '=', accounts['Blue Yonder']!)
      .executeTakeFirstOrThrow();
    expect(snoozed.status).toBe('snoozed');
    expect(snoozed.snoozed_until?.toISOString().slice(0, 10)).toBe(inAWeek);

    // On the account page: reassign to a colleague.
    await page.goto(`${candor.origin}/accounts/${accounts['Contoso Health']}`);
    const contoso = item('Contoso Health');
    await contoso.getByText('“Please have a human reach out about the invoice.”').waitFor();
    await contoso.getByRole('button', { name: 'Reassign…' }).click();
    await contoso.getByLabel('Reassign to').selectOption({ label: 'Dan Park (dan@vendor.io)' });
    await contoso.getByRole('button', { name: 'Reassign', exact: true }).click();
    await contoso.getByText(/Assigned to Dan Park/).waitFor();
    await screenshotPage(page, 'review-queue-account');
    await page.goto(`${candor.origin}/`);
    await page.getByRole('heading', { name: 'My review queue (0)' }).waitFor();
  });
});
