/// <reference lib="dom" />
import { setupServer } from 'msw/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SALESFORCE_INSTANCE, salesforceHandlers } from '../msw/salesforce';
import { type CandorServer, hasChromium } from '../support/browser';
import { expectAccessible, signedInConsolePage, startWithWorkspace } from './console-support';

// The server runs in this process, so msw answers its calls to Salesforce.
const mswServer = setupServer();

describe.skipIf(!hasChromium)('Salesforce re-authentication in Settings, in Chromium', { timeout: 120_000 }, () => {
  let candor: CandorServer;
  let browser: Browser;
  let page: Page;
  const sf = salesforceHandlers({
    oauth: { refreshToken: '5Aep861good-refresh', clientId: '3MVG9test.consumer', accessToken: '00Dfresh!renewed' },
  });

  beforeAll(async () => {
    mswServer.listen({ onUnhandledFrame: 'bypass' });
    mswServer.use(...sf.handlers);
    const started = await startWithWorkspace('Force Co');
    candor = started.candor;
    ({ browser, page } = await signedInConsolePage(candor, {
      workspaceId: started.ws.id,
      email: 'ops@force.example',
      role: 'admin',
    }));
  }, 180_000);

  afterAll(async () => {
    mswServer.close();
    await browser?.close();
    await candor?.close();
  });

  it('shows a refused refresh as needing re-authentication, and clears it with new credentials', async () => {
    await page.goto(`${candor.origin}/settings?tab=connectors`);
    const card = page
      .getByRole('tabpanel')
      .locator('section', { has: page.getByRole('heading', { name: 'Salesforce' }) });
    await card.getByText('Not connected').waitFor();
    const connect = async (refreshToken: string) => {
      await card.getByLabel('Instance URL').fill(SALESFORCE_INSTANCE);
      await card.getByLabel('Access token').fill('00Dexpired!session');
      await card.getByLabel('Refresh token (optional)').fill(refreshToken);
      await card.getByLabel('Connected app consumer key (optional)').fill('3MVG9test.consumer');
    };
    // A revoked refresh token: the test call's expired session cannot be renewed.
    await connect('5Aep861revoked-refresh');
    await card.getByRole('button', { name: 'Connect' }).click();
    await card.getByText('Connected', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Test connection' }).click();
    await card
      .getByRole('status')
      .getByText(/invalid_grant/)
      .waitFor();
    await card.getByText('Needs re-authentication').waitFor();
    await card
      .getByRole('alert')
      .getByText(/Salesforce refused the refresh token \(invalid_grant\); connect Salesforce again/)
      .waitFor();
    await expectAccessible(page, 'salesforce-reauth');

    await connect('5Aep861good-refresh');
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByText('Connected', { exact: true }).waitFor();
    expect(await card.getByText('Needs re-authentication').count()).toBe(0);
    await card.getByRole('button', { name: 'Test connection' }).click();
    await card
      .getByRole('status')
      .getByText(/Acme Inc/)
      .waitFor();
    // The session was renewed once, with the refresh token typed in the form.
    expect(
      sf.calls
        .filter((c) => c.path === '/services/oauth2/token')
        .map((c) => (c.body as { refresh_token: string }).refresh_token),
    ).toEqual(['5Aep861revoked-refresh', '5Aep861good-refresh']);
  });
});
