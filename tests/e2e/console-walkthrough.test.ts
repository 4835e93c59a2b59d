/// <reference lib="dom" />
import { createLoginLink } from '@candor/api/auth/login-links';
import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium, launchBrowser, startCandorServer } from '../support/browser';
import { addConsoleFixtures, EXPANSION_QUOTE, PRICE_QUOTE, XSS_ANSWER } from './console-fixtures';
import { ensureConsoleBuilt, expectAccessible, signInThroughLink } from './console-support';

describe.skipIf(!hasChromium)('console in Chromium on the seeded demo', { timeout: 60_000 }, () => {
  let server: CandorServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let workspaceId: string;
  let fixtures: Awaited<ReturnType<typeof addConsoleFixtures>>;

  /** A real one-time link, pointed at this server instead of the configured public URL. */
  async function loginUrl(email: string, role: 'admin' | 'csm') {
    return createLoginLink(server.t.deps, { workspaceId, email, role });
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    server = await startCandorServer();
    const { deps } = server.t;
    // Loaded after the app so zod's OpenAPI extension is in place before the seed's schemas load.
    const { seedDemoWorkspace } = await import('@candor/api/demo/seed-demo');
    const demo = await seedDemoWorkspace(deps);
    workspaceId = demo.workspace.id;
    const admin = await deps.db
      .selectFrom('members')
      .select(['id', 'email'])
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'admin')
      .orderBy('email')
      .executeTakeFirstOrThrow();
    fixtures = await addConsoleFixtures(deps, workspaceId, admin.id);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    const { url } = await loginUrl(admin.email, 'admin');
    await signInThroughLink(page, url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, heading: string | RegExp) {
    await page.goto(`${server.origin}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page
      .locator('[role=status]')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
  }

  it('signs in with a one-time link and lands on Home with KPIs and my review queue', async () => {
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { level: 1, name: /Good to see you/ }).waitFor();
    const kpis = page.getByRole('region', { name: 'Key figures' });
    const kpiText = await kpis.textContent();
    for (const label of ['Response rate', 'Completion rate', 'Interviews this week', 'Accounts at risk', 'ARR at risk'])
      expect(kpiText).toContain(label);
    // Three interviews completed in the last week, from the fixtures.
    expect(
      Number(await kpis.locator('.kpi', { hasText: 'Interviews this week' }).locator('.value').textContent()),
    ).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('heading', { name: /My review queue \(1\)/ }).count()).toBe(1);
    expect(await page.getByText('A churn-risk interview flagged high risk.').count()).toBe(1);
    await expectAccessible(page, 'home');
  });

  it('lists accounts, sorts by ARR on the server and filters by health', async () => {
    await open('/accounts', 'Accounts');
    expect(await page.locator('tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: /^ARR/ }).click();
    await page.waitForURL(/sort=arr/);
    await page.waitForFunction(() =>
      document.querySelector('th[aria-sort="descending"]')?.textContent?.includes('ARR'),
    );
    // The header flips at once; the rows follow when the server's sorted page arrives.
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('tbody tr td:nth-child(3)')].map((td) =>
        Number((td.textContent ?? '').replace(/[^0-9]/g, '')),
      );
      return cells.length > 1 && cells.every((v, i) => i === 0 || v <= cells[i - 1]!);
    });
    const arrs = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    const values = arrs.map((a) => Number(a.replace(/[^0-9]/g, '')));
    expect(values.length).toBeGreaterThan(1);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    await expectAccessible(page, 'accounts');
    await page.getByLabel('Health').selectOption('at_risk');
    await page.waitForURL(/health=at_risk/);
    await page.getByRole('link', { name: fixtures.atRisk.name }).waitFor();
    const healths = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(healths.length).toBeGreaterThan(0);
    expect(healths.every((h) => h === 'At risk')).toBe(true);
  });

  it('shows an account with health reasons, contacts, timeline and its cited renewal brief', async () => {
    await open(`/accounts/${fixtures.atRisk.id}`, fixtures.atRisk.name);
    expect(await page.getByText('High churn risk in a recent interview').count()).toBe(1);
    expect(await page.getByRole('heading', { name: /Contacts \(\d+\)/ }).count()).toBe(1);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    // Conversations first: the interview and its signals, not the flood of usage events.
    expect(await timeline.locator('li .pill', { hasText: 'Signal' }).count()).toBe(3);
    expect(await timeline.locator('li .pill', { hasText: 'Event' }).count()).toBe(0);
    await timeline.getByRole('button', { name: 'Usage events' }).click();
    expect(await timeline.locator('li .pill', { hasText: 'Event' }).count()).toBeGreaterThan(0);
    await timeline.getByRole('button', { name: 'Conversations' }).click();
    expect(await page.getByRole('heading', { name: 'Usage, last 30 days' }).count()).toBe(1);
    expect(await page.getByText('Price is seen as out of line with value.').count()).toBe(1);
    await expectAccessible(page, 'account');
    // The brief's citation opens the transcript on the quoted message.
    await page.getByRole('link', { name: 'See in transcript' }).click();
    const cited = fixtures.interviews[0]!.customerMessageIds[0]!;
    await page.waitForURL(new RegExp(`/interviews/${fixtures.interviews[0]!.id}#m-${cited}`));
    await page.locator(`#m-${cited} mark.signal`).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`m-${cited}`);
  });

  it('maps the people a demo account’s interviews name, with their part in the deal and what changed', async () => {
    // A seeded conversation in which the champion left: its account, as extraction stored it.
    const left = await server.t.deps.db
      .selectFrom('signals')
      .innerJoin('accounts', 'accounts.id', 'signals.account_id')
      .select(['accounts.id', 'accounts.name', 'signals.value', 'signals.quote'])
      .where('signals.workspace_id', '=', workspaceId)
      .where('signals.kind', '=', 'stakeholder')
      .where(sql<boolean>`(signals.value->>'champion_change')::boolean`)
      .where(sql<string>`signals.value->>'role'`, '=', 'champion')
      .where(sql<string>`signals.value->>'name'`, 'is not', null)
      .orderBy('accounts.name')
      .executeTakeFirstOrThrow();
    const name = String((left.value as { name: string }).name);
    await open(`/accounts/${left.id}`, left.name);
    const map = page.getByRole('region', { name: /^Stakeholders \(\d+\)$/ });
    const person = map.getByRole('listitem').filter({ has: page.locator('strong', { hasText: name }) });
    await person.waitFor();
    expect(await person.locator('.pill').allInnerTexts()).toEqual(['Champion', 'left last month']);
    // Named by the person who answered, who is on the map too.
    expect(await person.textContent()).toMatch(/named by \S+ \S+ \((?:champion|admin)\)/);
    expect(await map.getByText('answered an interview').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'account-stakeholders');
    await person.getByRole('link', { name: left.quote }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]+#m-/);
    await page.getByText(left.quote).first().waitFor();
  });

  it('says so when an account has no renewal brief', async () => {
    await open(`/accounts/${fixtures.interviews[1]!.accountId}`, /.+/);
    expect(await page.getByText('No renewal brief yet').count()).toBe(1);
  });

  it('lists interviews with status and mode', async () => {
    await open('/interviews', 'Interviews');
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    await page.getByLabel('Status').selectOption('completed');
    await page.waitForURL(/status=completed/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('tbody tr td:nth-child(4)')].every((td) => td.textContent === 'Completed'),
    );
    const modes = await page.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(modes.filter((m) => m === 'Scripted').length).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'interviews');
  });

  it('highlights each signal on its quote in the transcript, and an XSS answer stays inert text', async () => {
    await open(`/interviews/${fixtures.interviews[0]!.id}`, /.+/);
    const marks = await page.locator('mark.signal').allTextContents();
    expect(marks).toEqual([PRICE_QUOTE, 'the exports keep timing out', EXPANSION_QUOTE]);
    expect(await page.getByText(XSS_ANSWER.slice(0, 40), { exact: false }).count()).toBeGreaterThan(0);
    const bubble = page.locator('.bubble.customer').nth(1);
    expect(await bubble.textContent()).toContain('<img src=x onerror=window.__xss=1>');
    expect(await bubble.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expectAccessible(page, 'transcript');
  });

  it('shows insights from the signals', async () => {
    await open('/insights', 'Insights');
    await page.getByRole('heading', { name: 'Churn reasons, ranked' }).waitFor();
    expect(await page.getByText('Price / value').count()).toBeGreaterThan(0);
    expect(await page.getByText('Faster exports').count()).toBeGreaterThan(0);
    await page.locator('.recharts-surface').first().waitFor();
    await expectAccessible(page, 'insights');
  });

  it('lists guides and opens one with its versions', async () => {
    await open('/guides', 'Guides');
    const rows = await page.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    await expectAccessible(page, 'guides');
    await page.locator('tbody tr a').first().click();
    await page.getByRole('heading', { name: 'Versions' }).waitFor();
    expect(
      await page
        .getByRole('region', { name: /^Design/ })
        .getByRole('heading', { name: 'Topics' })
        .count(),
    ).toBe(1);
    await expectAccessible(page, 'guide');
  });

  it('edits a guide into a new version and previews it as a live interview', async () => {
    await open('/guides', 'Guides');
    await page.locator('tbody tr a').first().click();
    const versions = page.getByRole('region', { name: 'Versions' });
    await versions.getByRole('button').first().waitFor();
    const before = await versions.getByRole('button').count();
    const opening = `Hi there! A quick check-in, edited at ${Date.now()}: how is it going?`;
    await page.getByLabel('Opening message', { exact: true }).fill(opening);
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await page.getByText(new RegExp(`Saved as v${before + 1}\\.`)).waitFor();
    await versions.getByRole('button', { name: `v${before + 1}` }).waitFor();
    expect(await versions.getByRole('button').count()).toBe(before + 1);

    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('button', { name: 'Start preview' }).click();
    const chat = preview.getByRole('list', { name: 'Preview conversation' });
    await chat.locator('.bubble.interviewer', { hasText: opening }).waitFor();
    const answer = 'Setup was <b>slow</b> <img src=x onerror=window.__previewXss=1> because the SSO docs confused us.';
    await preview.getByLabel('Your answer').fill(answer);
    await preview.getByRole('button', { name: 'Send' }).click();
    await chat.locator('.bubble.interviewer').nth(1).waitFor();
    await page.waitForFunction(() => !document.querySelector('.preview-chat [aria-busy="true"]'));
    const customer = chat.locator('.bubble.customer').first();
    expect(await customer.textContent()).toContain(answer);
    expect(await customer.locator('b, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __previewXss?: number }).__previewXss)).toBeUndefined();
    expect((await chat.locator('.bubble.interviewer').nth(1).textContent())?.length).toBeGreaterThan(20);
    await expectAccessible(page, 'guide-editor');
  });

  it('shows triggers (or says there are none)', async () => {
    await open('/triggers', 'Triggers');
    await page.locator('table, .state.empty').first().waitFor();
    const counts = await page
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.children[4]?.textContent) + Number(r.children[5]?.textContent)));
    // A trigger that has fired gets its funnel drawn.
    if (counts.some((n) => n > 0)) {
      await page.getByRole('heading', { name: 'Funnel per trigger' }).waitFor();
      await page.locator('.recharts-surface').first().waitFor();
      // The legend reads in the funnel's order, as the bars stand.
      expect(await page.locator('.recharts-legend-item-text').allInnerTexts()).toEqual([
        'Skipped (throttled)',
        'Invited',
        'Started',
        'Completed',
      ]);
    }
    await expectAccessible(page, 'triggers');
  });

  it('renders outbox email HTML in a sandbox where its script cannot run', async () => {
    await open('/outbox', 'Outbox');
    const frame = page.locator('iframe.email-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await page.frameLocator('iframe.email-frame').getByRole('heading', { name: 'Hi Ada' }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __outboxXss?: number }).__outboxXss)).toBeUndefined();
    await expectAccessible(page, 'outbox');
  });

  it('shows settings to an admin: API keys (the secret only as a prefix) and members', async () => {
    await open('/settings', 'Settings');
    expect(await page.locator('code', { hasText: /^sk_/ }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'settings');
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByRole('heading', { name: /Members \(\d+\)/ }).waitFor();
  });

  it('hides settings from a CSM', async () => {
    const csmContext = await browser.newContext();
    const csmPage = await csmContext.newPage();
    const { url } = await loginUrl('casey.csm@northwind.example', 'csm');
    await signInThroughLink(csmPage, url);
    await csmPage.getByRole('heading', { level: 1, name: /Good to see you/ }).waitFor();
    expect(
      await csmPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).count(),
    ).toBe(0);
    await csmPage.goto(`${server.origin}/settings`);
    await csmPage.getByText('Settings are for admins').waitFor();
    await csmContext.close();
  });

  it('sends a signed-out visitor to the sign-in page', async () => {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    await p.goto(`${server.origin}/accounts`);
    await p.waitForURL(/\/login\?/);
    expect(await p.getByRole('heading', { name: 'Sign in to Candor' }).count()).toBe(1);
    await fresh.close();
  });
});
