/// <reference lib="dom" />
import { insertGuide } from '@candor/api/guides/guide-store';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium } from '../support/browser';
import { guideFixture } from '../support/interview-fixtures';
import { expectAccessible, insertAccount, signedInAsCsm, startWithWorkspace } from './console-support';

describe.skipIf(!hasChromium)('inviting a contact from the account page in Chromium', { timeout: 90_000 }, () => {
  let candor: CandorServer;
  let browser: Browser;
  let page: Page;
  let accountId: string;

  beforeAll(async () => {
    const started = await startWithWorkspace('Invite Co');
    candor = started.candor;
    const { t, ws } = started;
    accountId = await insertAccount(t, ws.id, {
      external_id: 'northwind',
      name: 'Northwind',
      owner_email: 'carol@vendor.io',
    });
    await t.deps.db
      .insertInto('contacts')
      .values({
        workspace_id: ws.id,
        account_id: accountId,
        external_id: 'u_ada',
        name: 'Ada Lovelace',
        email: 'ada@northwind.example',
        attributes: {},
      })
      .execute();
    await insertGuide(t.deps.db, { id: ws.id }, guideFixture());
    ({ browser, page } = await signedInAsCsm(candor, ws.id));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await candor?.close();
  });

  it('sends an invitation, then shows the fatigue rule and sends anyway only when asked', async () => {
    await page.goto(`${candor.origin}/accounts/${accountId}`);
    await page.getByRole('button', { name: 'Invite Ada Lovelace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite Ada Lovelace to an interview' });
    await dialog.getByText('No fatigue rule holds this invitation back.').waitFor();
    await dialog.getByRole('radio', { name: /By email to ada@northwind.example/ }).check();
    await expectAccessible(page, 'invite-contact');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('status').getByRole('link', { name: 'open the interview' }).waitFor();
    expect(await dialog.isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Invite Ada Lovelace' }).click();
    await dialog.getByText(/You can send it anyway/).waitFor();
    await dialog.getByRole('button', { name: 'Send anyway' }).click();
    await page.getByText('(sent despite a fatigue rule)').waitFor();
    const interviews = await candor.t.deps.db
      .selectFrom('interviews')
      .select('channel')
      .where('account_id', '=', accountId)
      .execute();
    expect(interviews.map((i) => i.channel).sort()).toEqual(['email', 'in_app']);
  });
});
