/// <reference lib="dom" />
import { tenant } from '@candor/api/db/tenant';
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
    server = await startCandorServer();
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
