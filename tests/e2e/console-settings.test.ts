/// <reference lib="dom" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLoginLink } from '@candor/api/auth/login-links';
import { openSecret } from '@candor/api/secrets/sealed-secrets';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium, launchBrowser } from '../support/browser';
import {
  expectAccessible,
  screenshotPage,
  seriousA11yViolations,
  signInThroughLink,
  startOnDemoWorkspace,
} from './console-support';

/** A webhook receiver on 127.0.0.1 answering 200. */
async function startReceiver() {
  let received = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/candor`,
    received: () => received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.skipIf(!hasChromium)('console settings in Chromium', { timeout: 60_000 }, () => {
  let server: CandorServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let workspaceId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    let admin: { email: string };
    ({ server, workspaceId, admin } = await startOnDemoWorkspace({ CANDOR_WEBHOOKS_ALLOW_PRIVATE: 'true' }));
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    const { url } = await createLoginLink(server.t.deps, { workspaceId, email: admin.email, role: 'admin' });
    await signInThroughLink(page, url);
    await page.getByRole('heading', { level: 1, name: /Good to see you/ }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  async function openTab(name: string) {
    await page.goto(`${server.origin}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('tab', { name }).click();
    await page
      .locator('[role=tabpanel] [role=status] .spinner')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
  }

  const workspace = () =>
    server.t.deps.db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirstOrThrow();
  /** The identity secret as the server reads it: stored sealed, opened with the instance secret. */
  const identitySecret = async () => openSecret(server.t.deps, 'identity-secret', (await workspace()).identity_secret);
  /** The status of a server API call with this key, from outside the browser. */
  const callWith = async (key: string) =>
    (await fetch(`${server.origin}/v1/webhooks`, { headers: { authorization: `Bearer ${key}` } })).status;

  it('rotates the secret key behind a confirmation; the previous key is refused at once', async () => {
    await openTab('API keys');
    const panel = page.getByRole('tabpanel');
    const publishable = await panel.locator('.key-value').first().textContent();
    expect(publishable).toMatch(/^pk_/);
    expect(await panel.getByText(/^sk_.{8}•+$/).count()).toBe(1);
    await expectAccessible(page, 'settings-keys');

    async function rotate() {
      await panel.getByRole('button', { name: 'Rotate secret key' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rotate the secret key?' });
      await dialog.waitFor();
      return dialog;
    }
    const dialog = await rotate();
    await screenshotPage(page, 'settings-rotate-confirm');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await (await rotate()).getByRole('button', { name: 'Rotate key' }).click();
    const first = (await panel.locator('.secret-once .key-value').textContent()) ?? '';
    expect(first).toMatch(/^sk_/);
    expect(await callWith(first)).toBe(200);
    await screenshotPage(page, 'settings-new-secret');
    await panel.getByRole('button', { name: 'I have stored it' }).click();

    await (await rotate()).getByRole('button', { name: 'Rotate key' }).click();
    const second = (await panel.locator('.secret-once .key-value').textContent()) ?? '';
    expect(second).toMatch(/^sk_/);
    expect(await callWith(first)).toBe(401);
    expect(await callWith(second)).toBe(200);
  });

  it('reveals and rotates the identity secret', async () => {
    await openTab('API keys');
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('button', { name: 'Reveal' }).click();
    const before = await identitySecret();
    await panel.getByText(before).waitFor();
    await panel.getByRole('button', { name: 'Rotate identity secret' }).click();
    await page
      .getByRole('dialog', { name: 'Rotate the identity secret?' })
      .getByRole('button', { name: 'Rotate secret' })
      .click();
    await panel.getByText('Your new identity secret').waitFor();
    const after = await identitySecret();
    expect(after).not.toBe(before);
    expect(await panel.locator('.secret-once .key-value').textContent()).toBe(after);
  });

  it('verifies identity by default; test mode is switched on only past a warning, and shows one while on', async () => {
    await openTab('API keys');
    const panel = page.getByRole('tabpanel');
    const testMode = panel.getByRole('checkbox', { name: /Test mode \(identity not verified\)/ });
    // Clicked by its label, as a person does: the track drawn over the input takes the pointer.
    const toggle = () => panel.getByText('Test mode (identity not verified)').click();
    expect(await testMode.isChecked()).toBe(false);
    expect((await workspace()).identity_verification).toBe(true);

    await toggle();
    const dialog = page.getByRole('dialog', { name: 'Switch identity verification off?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await workspace()).identity_verification).toBe(true);

    await toggle();
    await dialog.getByRole('button', { name: 'Use test mode' }).click();
    await panel.getByText('Test mode is on.').waitFor();
    await page.getByText('Identity verification is off (test mode).').waitFor();
    expect(await testMode.isChecked()).toBe(true);
    expect((await workspace()).identity_verification).toBe(false);
    await expectAccessible(page, 'settings-identity-test-mode');

    await toggle();
    // The switch shows the choice at once; the page's banner follows the server's answer, so wait for it.
    await panel.getByText('Test mode is on.').waitFor({ state: 'detached' });
    await page.getByText('Identity verification is off (test mode).').waitFor({ state: 'detached' });
    expect(await testMode.isChecked()).toBe(false);
    expect((await workspace()).identity_verification).toBe(true);
  });

  it('generates the install snippet with this workspace’s key and server code per language', async () => {
    await openTab('Widget install');
    const panel = page.getByRole('tabpanel');
    const html = (await panel.locator('pre').first().textContent()) ?? '';
    expect(html).toContain(`<script async src="${server.origin}/widget.js"></script>`);
    expect(html).toMatch(/key: 'pk_[A-Za-z0-9_-]{43}'/);
    // The signed token is offered first, with the code that signs it.
    expect(html).toContain('token: candorIdentityToken');
    expect(await panel.locator('pre').nth(1).textContent()).toContain("setProtectedHeader({ alg: 'HS256' })");
    await panel.getByRole('button', { name: 'Python' }).click();
    expect(await panel.locator('pre').nth(1).textContent()).toContain('jwt.encode(claims');
    await panel.getByRole('button', { name: 'Node.js' }).click();
    await expectAccessible(page, 'settings-install');
    await panel.getByRole('button', { name: 'userHash', exact: true }).click();
    expect(await panel.locator('pre').first().textContent()).toContain('userHash: candorUserHash');
    expect(await panel.locator('pre').nth(1).textContent()).toContain("createHmac('sha256'");
    await panel.getByRole('button', { name: 'Python' }).click();
    expect(await panel.locator('pre').nth(1).textContent()).toContain('hmac.new(secret');
    await panel.getByRole('button', { name: 'Node.js' }).click();
    await expectAccessible(page, 'settings-install-user-hash');
  });

  it('invites a member by email; the sign-in email is in the outbox', async () => {
    await openTab('Members');
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('heading', { name: /Members \(\d+\)/ }).waitFor();
    await panel.getByLabel('Email').fill('not-an-email@');
    await panel.getByRole('button', { name: 'Send invite' }).click();
    // The browser's own check stops a malformed address before it is sent.
    expect(await panel.getByText('Invitation sent').count()).toBe(0);
    await panel.getByLabel('Email').fill('robin.new@northwind.example');
    await panel.getByLabel('Role', { exact: true }).selectOption('admin');
    await panel.getByRole('button', { name: 'Send invite' }).click();
    await panel.getByText('Invitation sent to robin.new@northwind.example').waitFor();
    const row = panel.getByRole('row', { name: /robin\.new@northwind\.example/ });
    await row.getByText('Invited').waitFor();
    expect(await row.getByRole('combobox').inputValue()).toBe('admin');
    await expectAccessible(page, 'settings-members');

    await page.goto(`${server.origin}/outbox`);
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await page
      .getByRole('button', { name: /Your sign-in link for .* on Candor.*robin\.new@northwind\.example/ })
      .click();
    const email = page.frameLocator('iframe.email-frame');
    await email.getByRole('link', { name: 'Sign in to Candor' }).waitFor();
    // The outbox shows the email as sent, but never the sign-in link itself (it would sign
    // the viewer in as the invitee); "Resend invite" gives the admin a fresh one instead.
    expect(await email.getByRole('link', { name: 'Sign in to Candor' }).getAttribute('href')).toBe(
      `${server.origin}/login?[redacted]`,
    );
    await screenshotPage(page, 'settings-invite-outbox');
  });

  it('adds a webhook with chosen events, sends a test event and shows it delivered in the log', async () => {
    await openTab('Webhooks');
    const panel = page.getByRole('tabpanel');
    await panel.getByText('No endpoints yet').waitFor();
    await expectAccessible(page, 'settings-webhooks-empty');
    await panel.getByLabel('Endpoint URL').fill(receiver.url);
    await panel.getByRole('checkbox', { name: /signal\.churn_risk/ }).check();
    await panel.getByRole('button', { name: 'Add endpoint' }).click();
    await panel.getByText('Endpoint added').waitFor();
    expect(await panel.locator('.secret-once .key-value').textContent()).toMatch(/^whsec_/);
    const endpoint = panel.locator('.endpoint', { hasText: receiver.url });
    expect(await endpoint.locator('.pill-outline').allTextContents()).toEqual([
      'interview.completed',
      'signal.churn_risk',
    ]);
    await endpoint.getByRole('button', { name: 'Send test event' }).click();
    const log = panel.getByRole('region', { name: /Delivery log/ });
    const delivered = log.getByRole('row', { name: /webhook\.test/ });
    await delivered.getByText('Delivered').waitFor({ timeout: 15_000 });
    expect(await delivered.locator('td').nth(3).textContent()).toBe('200');
    expect(receiver.received()).toBe(1);
    await expectAccessible(page, 'settings-webhooks');
  });

  it('shows the model set-up and switches this workspace to the scripted interviewer', async () => {
    await openTab('AI model');
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('heading', { name: 'Price table in use' }).waitFor();
    expect(await panel.getByText('https://api.openai.com/v1').count()).toBe(1);
    await panel.getByRole('radio', { name: /Scripted interviewer/ }).check();
    await expect.poll(async () => (await workspace()).interviewer_mode).toBe('scripted');
    await expectAccessible(page, 'settings-model');
  });

  it('changes the transcript retention period', async () => {
    await openTab('Data retention');
    const panel = page.getByRole('tabpanel');
    await panel.getByLabel('Erase transcripts after').selectOption('365');
    await panel.getByRole('button', { name: 'Save retention' }).click();
    await panel.getByText(/Saved\. Transcripts older than 1 year/).waitFor();
    expect((await workspace()).retention_days).toBe(365);
    await expectAccessible(page, 'settings-retention');
  });

  it('sets the default interview language', async () => {
    await openTab('Language');
    const panel = page.getByRole('tabpanel');
    await panel.getByLabel('Default language').selectOption('de');
    await panel.getByRole('button', { name: 'Save language' }).click();
    await panel.getByText('Saved. New interviews default to Deutsch.').waitFor();
    expect((await workspace()).default_language).toBe('de');
    await expectAccessible(page, 'settings-language');
  });

  it('says so when a section cannot load, and recovers on retry', async () => {
    let fail = true;
    await page.route('**/console/api/settings/members', (route) =>
      fail
        ? route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: '{"error":{"code":"internal","message":"Something went wrong on our side."}}',
          })
        : route.continue(),
    );
    await openTab('Members');
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('alert').getByText('Something went wrong on our side.').waitFor({ timeout: 15_000 });
    fail = false;
    await panel.getByRole('button', { name: 'Try again' }).click();
    await panel.getByRole('heading', { name: /Members \(\d+\)/ }).waitFor();
    await page.unroute('**/console/api/settings/members');
  });

  it('gives a CSM no settings: no link, an explanation, and 403 from the API', async () => {
    const csmContext = await browser.newContext();
    const csmPage = await csmContext.newPage();
    const { url } = await createLoginLink(server.t.deps, {
      workspaceId,
      email: 'casey.csm@northwind.example',
      role: 'csm',
    });
    await signInThroughLink(csmPage, url);
    await csmPage.getByRole('heading', { level: 1, name: /Good to see you/ }).waitFor();
    expect(
      await csmPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).count(),
    ).toBe(0);
    await csmPage.goto(`${server.origin}/settings`);
    await csmPage.getByText('Settings are for admins').waitFor();
    expect(await csmPage.getByRole('tab').count()).toBe(0);
    expect(await csmPage.getByRole('button', { name: /Rotate|Invite|Add endpoint/ }).count()).toBe(0);
    const statuses = await csmPage.evaluate(async () =>
      Promise.all(
        ['/console/api/settings', '/console/api/settings/members', '/console/api/settings/webhooks'].map(
          async (p) => (await fetch(p)).status,
        ),
      ),
    );
    expect(statuses).toEqual([403, 403, 403]);
    await csmContext.close();
  });
});
