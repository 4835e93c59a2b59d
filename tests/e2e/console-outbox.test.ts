/// <reference lib="dom" />
import { createLoginLink } from '@candor/api/auth/login-links';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium, launchBrowser } from '../support/browser';
import { addConsoleFixtures } from './console-fixtures';
import { expectAccessible, screenshotPage, signInThroughLink, startOnDemoWorkspace } from './console-support';

/** CSP reports from every frame of the page (the outbox's srcdoc email frame inherits the policy). */
function watchCsp(page: Page): string[] {
  const reports: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) reports.push(msg.text());
  });
  return reports;
}

describe.skipIf(!hasChromium)('console outbox and CSP in Chromium', { timeout: 90_000 }, () => {
  let server: CandorServer;
  let browser: Browser;
  let workspaceId: string;
  let storedToken: string;

  async function signedInPage(email: string, role: 'admin' | 'csm') {
    const page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    const csp = watchCsp(page);
    const { url } = await createLoginLink(server.t.deps, { workspaceId, email, role });
    await signInThroughLink(page, url);
    await page.getByRole('heading', { level: 1, name: /Good to see you/ }).waitFor();
    return { page, csp };
  }

  async function open(page: Page, path: string, heading: string | RegExp) {
    const res = await page.goto(`${server.origin}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page
      .locator('[role=status] .spinner')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
    return res;
  }

  beforeAll(async () => {
    let admin: { id: string };
    ({ server, workspaceId, admin } = await startOnDemoWorkspace());
    // Interviews, signals and briefs, so every page has charts and rows to draw.
    await addConsoleFixtures(server.t.deps, workspaceId, admin.id);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets an admin invite a member and see the email with its sign-in link redacted, then resend a fresh one', async () => {
    const { page, csp } = await signedInPage('root.admin@northwind.example', 'admin');
    await open(page, '/settings?tab=members', 'Settings');
    const panel = page.getByRole('tabpanel');
    await panel.getByLabel('Email').fill('new.admin@northwind.example');
    await panel.getByLabel('Role', { exact: true }).selectOption('admin');
    await panel.getByRole('button', { name: 'Send invite' }).click();
    await panel.getByText('Invitation sent to new.admin@northwind.example').waitFor();

    const stored = await server.t.deps.db
      .selectFrom('outbox_emails')
      .select('text')
      .where('to_address', '=', 'new.admin@northwind.example')
      .executeTakeFirstOrThrow();
    storedToken = /\/login\?token=(\S+)/.exec(stored.text)?.[1] ?? '';
    expect(storedToken).not.toBe('');

    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).count()).toBe(1);
    await open(page, '/outbox', 'Outbox');
    await page.getByRole('button', { name: /Your sign-in link for .*new\.admin@northwind\.example/ }).click();
    const email = page.frameLocator('iframe.email-frame');
    const link = email.getByRole('link', { name: 'Sign in to Candor' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`${server.origin}/login?[redacted]`);
    expect(await page.getByText(/shown as \[redacted\]/).count()).toBe(1);
    expect(await page.content()).not.toContain(storedToken);
    await expectAccessible(page, 'outbox-redacted');

    await page.getByRole('button', { name: 'Resend invite' }).click();
    const fresh = page.locator('.secret-once .key-value');
    await fresh.waitFor();
    const url = (await fresh.textContent()) ?? '';
    expect(url).toMatch(new RegExp(`^${server.origin}/login\\?token=`));
    expect(url).not.toContain(storedToken);
    await screenshotPage(page, 'outbox-resend-invite');
    expect(csp).toEqual([]);
  });

  it('hides the outbox from a csm: no nav entry, an explanation on the page and 403 from the API', async () => {
    const { page, csp } = await signedInPage('casey.csm@northwind.example', 'csm');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Accounts' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Outbox' }).count()).toBe(0);
    await open(page, '/outbox', 'Outbox');
    await page.getByText('The outbox is for admins').waitFor();
    const statuses = await page.evaluate(async () =>
      Promise.all(
        ['/console/api/outbox', '/console/api/outbox/00000000-0000-4000-8000-000000000000'].map(
          async (path) => (await fetch(path)).status,
        ),
      ),
    );
    expect(statuses).toEqual([403, 403]);
    expect(await page.content()).not.toContain(storedToken);
    await expectAccessible(page, 'outbox-csm');
    expect(csp).toEqual([]);
  });

  it('serves every console page under a strict CSP, with no violations, and blocks injected inline script', async () => {
    const { page, csp } = await signedInPage('root.admin@northwind.example', 'admin');
    const res = await open(page, '/', /Good to see you/);
    const policy = res?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    for (const [path, heading] of [
      ['/accounts', 'Accounts'],
      ['/interviews', 'Interviews'],
      ['/insights', 'Insights'],
      ['/guides', 'Guides'],
      ['/triggers', 'Triggers'],
      ['/outbox', 'Outbox'],
      ['/settings', 'Settings'],
    ] as const) {
      await open(page, path, heading);
      if (path === '/outbox') await page.locator('iframe.email-frame').waitFor();
    }
    // An account page draws charts; a guide page has the editor.
    await open(page, '/accounts', 'Accounts');
    await page.locator('tbody tr a').first().click();
    await page.locator('h1').first().waitFor();
    await open(page, '/insights', 'Insights');
    await page.locator('.recharts-surface').first().waitFor();
    await page.waitForTimeout(300);
    expect(csp).toEqual([]);

    // The policy is live: a script injected into the page does not run.
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { __injected?: number }).__injected;
    });
    expect(ran).toBeUndefined();
    await expect.poll(() => csp.length).toBeGreaterThan(0);
  });
});
