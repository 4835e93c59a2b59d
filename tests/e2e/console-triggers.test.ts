/// <reference lib="dom" />
import { tenant } from '@candor/api/db/tenant';
import { createEndpoint } from '@candor/api/webhooks/endpoint-store';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium, startCandorServer } from '../support/browser';
import { ensureConsoleBuilt, expectAccessible, signedInConsolePage } from './console-support';

describe.skipIf(!hasChromium)('console trigger editing in Chromium', { timeout: 90_000 }, () => {
  let server: CandorServer;
  let browser: Browser;
  let page: Page;
  let ws: { id: string };

  beforeAll(async () => {
    ensureConsoleBuilt();
    // The play's webhook step needs an endpoint; a local one is allowed here only.
    server = await startCandorServer({ CANDOR_WEBHOOKS_ALLOW_PRIVATE: 'true' });
    const { seedDemoWorkspace } = await import('@candor/api/demo/seed-demo');
    ws = { id: (await seedDemoWorkspace(server.t.deps)).workspace.id };
    const admin = await server.t.deps.db
      .selectFrom('members')
      .select('email')
      .where('workspace_id', '=', ws.id)
      .where('role', '=', 'admin')
      .orderBy('email')
      .executeTakeFirstOrThrow();
    ({ browser, page } = await signedInConsolePage(server, { workspaceId: ws.id, email: admin.email, role: 'admin' }));
    page.on('pageerror', (err) => console.error('page error:', err.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const rule = (name: string) =>
    tenant(server.t.deps.db, ws).selectFrom('triggers').selectAll().where('name', '=', name).executeTakeFirst();
  const enterpriseContacts = async () => {
    const rows = await tenant(server.t.deps.db, ws)
      .selectFrom('contacts')
      .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
      .select('contacts.id')
      .where('accounts.plan', '=', 'enterprise')
      .execute();
    return rows.length;
  };

  it('creates a rule after a dry run, shows the server message beside a bad field, then edits, pauses and deletes it', async () => {
    await page.goto(`${server.origin}/triggers`);
    await page.getByRole('heading', { level: 1, name: 'Triggers' }).waitFor();
    await page.getByRole('button', { name: 'New trigger' }).click();
    const form = page.getByRole('form', { name: 'New trigger' });
    await form.waitFor();
    await form.getByLabel('Name').fill('Enterprise pulse');
    await form.getByLabel('Value').fill('enterprise');
    await form.getByLabel('Who is asked').selectOption('account_contacts');
    const invitationsBefore = (await tenant(server.t.deps.db, ws).selectFrom('invitations').select('id').execute())
      .length;
    await form.getByRole('button', { name: 'Dry run' }).click();
    const expected = await enterpriseContacts();
    await form
      .getByRole('status')
      .filter({ hasText: `Would match ${expected} contact` })
      .waitFor();
    expect((await tenant(server.t.deps.db, ws).selectFrom('invitations').select('id').execute()).length).toBe(
      invitationsBefore,
    );
    expect(await rule('Enterprise pulse')).toBeUndefined();
    await expectAccessible(page, 'trigger-new');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'phone-trigger-new');
    await page.setViewportSize({ width: 1360, height: 900 });

    // A schedule too far out: the server's 400 names the field, shown beside it.
    await form.getByLabel('Fires when').selectOption('schedule');
    await form.getByLabel('Days after (negative: before)').fill('9999');
    await form.getByRole('button', { name: 'Create trigger' }).click();
    const offset = form.getByLabel('Days after (negative: before)');
    await page.waitForFunction(() => document.querySelector('[aria-invalid=true]') !== null);
    const describedBy = await offset.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/365/);
    expect(await rule('Enterprise pulse')).toBeUndefined();
    await expectAccessible(page, 'trigger-field-error');

    await offset.fill('-60');
    await form.getByRole('button', { name: 'Create trigger' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'Enterprise pulse' });
    await row.waitFor();
    const created = await rule('Enterprise pulse');
    expect(created).toMatchObject({ enabled: true });
    expect((created?.rule as { when: unknown } | undefined)?.when).toEqual({
      type: 'schedule',
      anchor: 'renewal_date',
      offset_days: -60,
    });

    await row.getByRole('button', { name: 'Edit Enterprise pulse' }).click();
    const edit = page.getByRole('form', { name: 'Edit “Enterprise pulse”' });
    await edit.getByLabel('Name').fill('Enterprise renewal pulse');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    const renamed = page.getByRole('row').filter({ hasText: 'Enterprise renewal pulse' });
    await renamed.waitFor();

    await renamed.getByRole('button', { name: 'Pause Enterprise renewal pulse' }).click();
    await renamed.getByRole('button', { name: 'Resume Enterprise renewal pulse' }).waitFor();
    expect((await rule('Enterprise renewal pulse'))?.enabled).toBe(false);

    await renamed.getByRole('button', { name: 'Delete Enterprise renewal pulse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Enterprise renewal pulse”?' });
    await dialog.getByRole('button', { name: 'Delete trigger' }).click();
    await renamed.waitFor({ state: 'detached' });
    expect(await rule('Enterprise renewal pulse')).toBeUndefined();
  });

  it('builds a play: a signal when, several steps, the server message beside a bad link, then edits and deletes it', async () => {
    await page.setViewportSize({ width: 1360, height: 900 });
    const endpoint = await createEndpoint(server.t.deps, ws, {
      url: 'http://127.0.0.1:9/sales-hook',
      event_types: ['brief.ready'],
    });
    await page.goto(`${server.origin}/triggers`);
    await page.getByRole('heading', { level: 1, name: 'Triggers' }).waitFor();
    await page.getByRole('button', { name: 'New trigger' }).click();
    const form = page.getByRole('form', { name: 'New trigger' });
    await form.getByLabel('Name').fill('Expansion to sales');
    await form.getByLabel('Fires when').selectOption('signal');
    // All five signals are offered.
    expect(await form.getByLabel('Signal', { exact: true }).locator('option').allTextContents()).toEqual([
      'High churn risk',
      'Expansion intent',
      'Asks for a person',
      'NPS detractor (score 0–6)',
      'Names a competitor',
    ]);
    await form.getByLabel('Signal', { exact: true }).selectOption('expansion_intent');
    await form.getByLabel('Only for plans').fill('enterprise, business');

    // A play's dry run says why it cannot be counted ahead of time.
    await form.getByRole('button', { name: 'Dry run' }).click();
    await form.getByRole('status').filter({ hasText: 'yields the signal' }).waitFor();

    await form.getByLabel('Step 1', { exact: true }).selectOption('notify');
    await form.getByLabel('To (step 1)').selectOption('ae');
    await form.getByRole('button', { name: 'Add a step' }).click();
    await form.getByLabel('Step 2', { exact: true }).selectOption('in_app_message');
    await form.getByLabel('Message title (step 2)').fill('Growing your team?');
    await form.getByLabel('Message text (step 2)').fill('Here is how seat upgrades work.');
    await form.getByLabel('Resource link (https) (step 2)').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Add a step' }).click();
    await form.getByLabel('Step 3', { exact: true }).selectOption('webhook');
    await form.getByLabel('Endpoint (step 3)').selectOption(endpoint.id);
    await form.getByRole('button', { name: 'Add a step' }).click();
    await form.getByLabel('Step 4', { exact: true }).selectOption('crm_task');
    await form.getByLabel('For (step 4)').selectOption('ae');

    await form.getByRole('button', { name: 'Create trigger' }).click();
    const link = form.getByLabel('Resource link (https) (step 2)');
    await page.waitForFunction(() => document.querySelector('[aria-invalid=true]') !== null);
    const describedBy = await link.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('must be an https:// link');
    expect(await rule('Expansion to sales')).toBeUndefined();
    await expectAccessible(page, 'trigger-play-error');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'phone-trigger-play');
    // Nothing in the form is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1360, height: 900 });

    await link.fill('https://help.example.com/seats');
    await form.getByRole('button', { name: 'Create trigger' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'Expansion to sales' });
    await row.waitFor();
    expect(await row.textContent()).toContain('expansion intent · 4 steps · plans: enterprise, business');
    const created = (await rule('Expansion to sales'))?.rule as Record<string, unknown>;
    expect(created.when).toEqual({ type: 'signal', signal: 'expansion_intent' });
    expect(created.plans).toEqual(['enterprise', 'business']);
    expect(created.do).toEqual([
      { type: 'notify', channel: 'slack', to: 'ae' },
      {
        type: 'in_app_message',
        title: 'Growing your team?',
        body: 'Here is how seat upgrades work.',
        link_url: 'https://help.example.com/seats',
      },
      { type: 'webhook', endpoint_id: endpoint.id },
      { type: 'crm_task', to: 'ae' },
    ]);
    const outcomes = page.getByRole('region', { name: 'Play outcomes' });
    await outcomes.getByRole('heading', { name: 'Expansion to sales' }).waitFor();
    expect(await outcomes.textContent()).toContain('Has not fired yet.');
    await expectAccessible(page, 'triggers-with-play');

    // Edit: the form opens with the play's steps; dropping one and clearing the plans saves both.
    await row.getByRole('button', { name: 'Edit Expansion to sales' }).click();
    const edit = page.getByRole('form', { name: 'Edit “Expansion to sales”' });
    expect(await edit.getByLabel('Message title (step 2)').inputValue()).toBe('Growing your team?');
    await edit.getByRole('button', { name: 'Remove step 4' }).click();
    await edit.getByLabel('Only for plans').fill('');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await row.filter({ hasText: '3 steps' }).waitFor();
    const edited = (await rule('Expansion to sales'))?.rule as Record<string, unknown>;
    expect((edited.do as unknown[]).length).toBe(3);
    expect(edited.plans).toBeUndefined();

    await row.getByRole('button', { name: 'Pause Expansion to sales' }).click();
    await row.getByRole('button', { name: 'Resume Expansion to sales' }).waitFor();
    expect((await rule('Expansion to sales'))?.enabled).toBe(false);
    await row.getByRole('button', { name: 'Delete Expansion to sales' }).click();
    await page
      .getByRole('dialog', { name: 'Delete “Expansion to sales”?' })
      .getByRole('button', { name: 'Delete trigger' })
      .click();
    await row.waitFor({ state: 'detached' });
    expect(await rule('Expansion to sales')).toBeUndefined();
  });

  it('New guide: the server message shows beside the name, then a template copy opens in the editor', async () => {
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(`${server.origin}/guides`);
    await page.getByRole('heading', { level: 1, name: 'Guides' }).waitFor();
    await page.getByRole('button', { name: 'New guide' }).click();
    const form = page.getByRole('form', { name: 'New guide' });
    await form.getByRole('button', { name: 'Create guide' }).click();
    const name = form.getByLabel('Name');
    await page.waitForFunction(() => document.querySelector('[aria-invalid=true]') !== null);
    const describedBy = await name.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/\S/);
    await expectAccessible(page, 'guide-new-error');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'phone-guide-new');
    await page.setViewportSize({ width: 1360, height: 900 });

    await name.fill('EMEA renewal check');
    await form.getByLabel('Start from').selectOption('pre_renewal');
    await form.getByRole('button', { name: 'Create guide' }).click();
    await page.waitForURL((u) => /^\/guides\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('heading', { level: 1, name: 'EMEA renewal check' }).waitFor();
    const stored = await tenant(server.t.deps.db, ws)
      .selectFrom('guides')
      .select(['moment', 'current_version'])
      .where('name', '=', 'EMEA renewal check')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ moment: 'pre_renewal', current_version: 1 });
  });
});
