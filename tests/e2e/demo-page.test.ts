import { createWorkspace } from '@candor/api/workspaces/create-workspace';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CandorServer,
  hasChromium,
  launchBrowser,
  screenshot,
  startCandorServer,
  watchPageErrors,
} from '../support/browser';
import { createTestWorkspace, readJson } from '../support/harness';
import { waitForInterviewerMessages, widget } from './widget-fixtures';

describe.skipIf(!hasChromium)('the /demo page', () => {
  let candor: CandorServer;
  let browser: Browser;

  beforeAll(async () => {
    candor = await startCandorServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await candor?.close();
  });

  it('explains how to get a demo workspace when there is none', async () => {
    const res = await candor.t.request('/demo');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('seed-demo');
  });

  it("embeds the widget like a customer, and a lifecycle button brings up that moment's invitation within seconds", async () => {
    // A small demo workspace: its guides come from the templates every workspace gets.
    const ws = await createWorkspace(candor.t.deps, { name: 'Northwind Analytics (demo)', isDemo: true });
    const other = await createTestWorkspace(candor.t);
    for (const w of [ws, other]) {
      await candor.t.request('/v1/accounts', {
        method: 'POST',
        token: w.secret_key,
        json: { accounts: [{ id: 'globex', name: 'Globex' }] },
      });
      await candor.t.request('/v1/contacts', {
        method: 'POST',
        token: w.secret_key,
        json: {
          contacts: [
            { id: 'c_1', account_id: 'globex', name: 'Grace Hopper', email: 'grace@globex.example', role: 'champion' },
          ],
        },
      });
    }

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchPageErrors(page);
    await page.goto(`${candor.origin}/demo`);
    await page.getByRole('heading', { name: 'Welcome back, Grace' }).waitFor();
    const started = Date.now();
    await page.getByRole('button', { name: 'Usage drops 60%' }).click();
    const w = widget(page);
    await w.host.getByRole('region', { name: 'Is anything getting in your way?' }).waitFor({ timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    await page.getByText('The invitation is open in the corner').waitFor();
    await screenshot(page, 'demo-page');

    // A second moment replaces the card that was not answered.
    await page.getByRole('button', { name: 'Add 10 seats' }).click();
    await w.host.getByRole('region', { name: 'Where could we help your team next?' }).waitFor({ timeout: 5_000 });
    await w.button('Start').click();
    expect(await waitForInterviewerMessages(page, 1)).toBeTruthy();
    expect(errors).toEqual([]);

    // The interview belongs to the demo workspace's contact, and nothing touched the other workspace.
    const list = await readJson(await candor.t.request('/v1/interviews', { token: ws.secret_key }));
    expect(JSON.stringify(list)).toContain('c_1');
    const others = await readJson(await candor.t.request('/v1/interviews', { token: other.secret_key }));
    expect(JSON.stringify(others)).not.toContain('"started"');
    await page.close();
  });

  it('refuses the demo invite endpoint for an unknown moment', async () => {
    const res = await candor.t.request('/demo/invite', { method: 'POST', json: { moment: 'free_pizza' } });
    expect(res.status).toBe(400);
  });
});
