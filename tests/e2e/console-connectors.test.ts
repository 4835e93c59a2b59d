/// <reference lib="dom" />
import { createLoginLink } from '@candor/api/auth/login-links';
import { setupServer } from 'msw/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubspotHandlers } from '../msw/hubspot';
import { slackHandlers } from '../msw/slack';
import { type CandorServer, hasChromium, launchBrowser, startCandorServer } from '../support/browser';
import { ensureConsoleBuilt, expectAccessible, screenshotPage, signInThroughLink } from './console-support';

// The server runs in this process, so msw answers its calls to Slack and HubSpot.
const mswServer = setupServer();

describe.skipIf(!hasChromium)('Settings → Connectors in Chromium', { timeout: 90_000 }, () => {
  let server: CandorServer;
  let browser: Browser;
  let page: Page;
  let workspaceId: string;
  const slack = slackHandlers();
  const hub = hubspotHandlers();

  beforeAll(async () => {
    ensureConsoleBuilt();
    mswServer.listen({ onUnhandledFrame: 'bypass' });
    mswServer.use(slack.handler, ...hub.handlers);
    server = await startCandorServer();
    const { seedDemoWorkspace } = await import('@candor/api/demo/seed-demo');
    workspaceId = (await seedDemoWorkspace(server.t.deps)).workspace.id;
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    const { url } = await createLoginLink(server.t.deps, { workspaceId, email: 'ops@candor.test', role: 'admin' });
    await signInThroughLink(page, url);
  }, 180_000);

  afterAll(async () => {
    mswServer.close();
    await browser?.close();
    await server?.close();
  });

  it('connects Slack, tests the connection, shows the server’s message for a bad token and the delivery log', async () => {
    await page.goto(`${server.origin}/settings?tab=connectors`);
    const panel = page.getByRole('tabpanel');
    const slackCard = panel.locator('section', { has: page.getByRole('heading', { name: 'Slack' }) });
    await slackCard.getByText('Not connected').waitFor();

    await slackCard.getByLabel('Bot token').fill('not-a-token');
    await slackCard.getByRole('button', { name: 'Connect' }).click();
    await slackCard.getByText(/must be a Slack bot token/).waitFor();

    await slackCard.getByLabel('Bot token').fill('xoxb-test-token-123');
    await slackCard.getByLabel(/Also post to channel/).fill('C0CSALERTS');
    await slackCard.getByRole('button', { name: 'Connect' }).click();
    await slackCard.getByText('Connected', { exact: true }).waitFor();
    await slackCard.getByRole('button', { name: 'Test connection' }).click();
    await slackCard
      .getByRole('status')
      .getByText(/Connected to the Acme HQ workspace/)
      .waitFor();
    expect(slack.calls.filter((c) => c.method === 'auth.test')).toHaveLength(1);

    const stored = await server.t.deps.db
      .selectFrom('connectors')
      .select(['credentials', 'settings'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(stored.credentials).not.toContain('xoxb');
    expect(stored.settings).toEqual({ channel: 'C0CSALERTS' });
    // The token is never sent back to the page.
    expect(await page.content()).not.toContain('xoxb-test-token-123');

    const hubCard = panel.locator('section', { has: page.getByRole('heading', { name: 'HubSpot' }) });
    await hubCard.getByLabel('Private app access token').fill('pat-na1-wrong-token');
    await hubCard.getByRole('button', { name: 'Connect' }).click();
    await hubCard.getByRole('button', { name: 'Test connection' }).click();
    await hubCard
      .getByRole('status')
      .getByText(/Authentication credentials not found.*401/)
      .waitFor();

    await hubCard.getByRole('button', { name: 'Sync accounts now' }).click();
    await hubCard
      .getByRole('status')
      .getByText(/Sync failed — HubSpot answered: Authentication credentials not found/)
      .waitFor();

    await slackCard.getByRole('button', { name: 'Delivery log' }).click();
    await slackCard.getByText('Nothing sent yet').waitFor();
    await expectAccessible(page, 'settings-connectors');
    await screenshotPage(page, 'settings-connectors');
  });

  it('maps HubSpot properties in and out from the card, refuses a bad property name and keeps the rest', async () => {
    await page.goto(`${server.origin}/settings?tab=connectors`);
    const hubCard = page
      .getByRole('tabpanel')
      .locator('section', { has: page.getByRole('heading', { name: 'HubSpot' }) });
    await hubCard.getByRole('button', { name: 'Field mapping' }).click();
    const form = hubCard.getByRole('form', { name: 'Field mapping' });
    await form.getByLabel(/Sync accounts, owners/).check();
    await form.getByLabel('Plan property').fill('plan_tier');
    await form.getByLabel(/Bring contacts in/).check();
    await form.getByLabel('Health').fill('candor_health');
    await form.getByLabel('Topic goals').fill('onboarding goals');
    await form.getByRole('button', { name: 'Save mapping' }).click();
    // A property name with a space is refused with the field named, and nothing is stored.
    await form.getByText(/intake_fields.*CRM property API name/).waitFor();
    const settings = async () =>
      (
        await server.t.deps.db
          .selectFrom('connectors')
          .select('settings')
          .where('workspace_id', '=', workspaceId)
          .where('kind', '=', 'hubspot')
          .executeTakeFirstOrThrow()
      ).settings as Record<string, { enabled?: boolean; plan_property?: string; contacts?: { enabled: boolean } }>;
    expect((await settings()).sync?.enabled).toBe(false);

    await form.getByLabel('Topic goals').fill('onboarding_goals');
    await form.getByRole('button', { name: 'Save mapping' }).click();
    await form.getByText('Mapping saved').waitFor();
    expect(await settings()).toMatchObject({
      fields: { health: 'candor_health' },
      intake_fields: { goals: 'onboarding_goals' },
      sync: { enabled: true, plan_property: 'plan_tier', contacts: { enabled: true } },
    });
    await expectAccessible(page, 'settings-connector-mapping');

    // Opened again after a reload, the form shows what was stored.
    await page.reload();
    await hubCard.getByRole('button', { name: 'Field mapping' }).click();
    expect(await form.getByLabel('Plan property').inputValue()).toBe('plan_tier');
    expect(await form.getByLabel('Topic goals').inputValue()).toBe('onboarding_goals');
    expect(await form.getByLabel(/Bring contacts in/).isChecked()).toBe(true);

    // On a phone the form falls to one column: nothing runs off the side of the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await form.getByLabel('Plan property').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await form.getByLabel('Topic goals').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await screenshotPage(page, 'settings-connector-mapping-phone');
    await page.setViewportSize({ width: 1360, height: 900 });
  });
});
