/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium } from '../support/browser';
import { recordAnswer } from '../support/signal-fixtures';
import { expectAccessible, insertAccount, signedInAsCsm, startWithWorkspace } from './console-support';

const ADA_SAID = 'we are moving to a competitor next quarter';
const LINUS_SAID = 'exports keep timing out';

describe.skipIf(!hasChromium)('a renewal brief after one of its people is erased', { timeout: 60_000 }, () => {
  let candor: CandorServer;
  let browser: Browser;
  let page: Page;
  let accountId: string;

  beforeAll(async () => {
    const started = await startWithWorkspace('Erasure Co');
    ({ candor } = started);
    const { t, ws } = started;
    accountId = await insertAccount(t, ws.id, {
      external_id: 'acme',
      name: 'Acme Analytics',
      owner_email: 'carol@vendor.io',
    });
    for (const [externalId, name, role, said] of [
      ['ada', 'Ada Lovelace', 'champion', ADA_SAID],
      ['linus', 'Linus Lee', 'end user', LINUS_SAID],
    ] as const) {
      const contact = await t.deps.db
        .insertInto('contacts')
        .values({ workspace_id: ws.id, account_id: accountId, external_id: externalId, name, role, attributes: {} })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAnswer(t, ws.id, {
        accountId,
        contactId: contact.id,
        text: `Honestly, ${said}.`,
        signals: [{ kind: 'churn_risk', value: { level: 'high', reasons: ['performance_reliability'] }, quote: said }],
      });
    }
    const generated = await t.request('/v1/accounts/acme/brief', { method: 'POST', token: ws.secret_key });
    expect(await generated.text()).toContain(ADA_SAID);
    expect((await t.request('/v1/contacts/ada', { method: 'DELETE', token: ws.secret_key })).status).toBe(200);

    ({ browser, page } = await signedInAsCsm(candor, ws.id));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await candor?.close();
  });

  it("shows the erased person's claims as removed, without their words, name or a transcript link", async () => {
    await page.goto(`${candor.origin}/accounts/${accountId}`);
    await page.getByRole('heading', { level: 1, name: 'Acme Analytics' }).waitFor();
    const brief = page.getByRole('region', { name: 'Renewal brief' });
    await brief.locator('blockquote', { hasText: LINUS_SAID }).first().waitFor();

    const removed = brief.locator('li.erased-claim');
    expect(await removed.count()).toBeGreaterThan(0);
    for (const text of await removed.allInnerTexts())
      expect(text).toBe('Removed: the person this rested on was erased.');
    expect(await removed.getByRole('link').count()).toBe(0);
    expect(await removed.locator('blockquote').count()).toBe(0);

    const pageText = await page.locator('body').textContent();
    expect(pageText).not.toContain(ADA_SAID);
    expect(pageText).not.toMatch(/Ada|Lovelace/);
    expect(pageText).toContain('Linus Lee');
    await expectAccessible(page, 'erased-brief');
  });
});
