/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium } from '../support/browser';
import { recordAnswer } from '../support/signal-fixtures';
import {
  insertAccount,
  screenshotPage,
  seriousA11yViolations,
  signedInAsCsm,
  startWithWorkspace,
} from './console-support';

const SSO = 'The SSO setup took two days because the docs were unclear.';

describe.skipIf(!hasChromium)('correcting signals from the transcript', { timeout: 60_000 }, () => {
  let candor: CandorServer;
  let browser: Browser;
  let page: Page;
  let interviewId: string;

  beforeAll(async () => {
    const started = await startWithWorkspace('Correct Co');
    ({ candor } = started);
    const { t, ws } = started;
    const accountId = await insertAccount(t, ws.id, { external_id: 'acme', name: 'Acme' });
    ({ interviewId } = await recordAnswer(t, ws.id, {
      accountId,
      text: `${SSO} We are comparing with Looker.`,
      signals: [
        // What keyword rules got wrong: setup friction read as a plan upgrade.
        { kind: 'expansion_intent', value: { kind: 'plan_upgrade', size: null, timing: null }, quote: 'SSO setup' },
        { kind: 'competitor', value: { name: 'Lookr' }, quote: 'comparing with Looker' },
      ],
    }));
    ({ browser, page } = await signedInAsCsm(candor, ws.id));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await candor?.close();
  });

  it('changes a signal value and dismisses a false one', async () => {
    await page.goto(`${candor.origin}/interviews/${interviewId}`);
    const list = page.getByRole('region', { name: /Signals/ });
    await list.getByRole('heading', { name: 'Signals (2)' }).waitFor();

    const competitor = list.getByRole('listitem', { name: 'Competitor: Lookr' });
    await competitor.getByRole('button', { name: 'Correct…' }).click();
    await competitor.getByRole('textbox', { name: 'Competitor', exact: true }).fill('Looker');
    await screenshotPage(page, 'correct-signal-form');
    await competitor.getByRole('button', { name: 'Save' }).click();
    const fixed = list.getByRole('listitem', { name: 'Competitor: Looker' });
    await fixed.getByText('Corrected by a CSM').waitFor();

    const expansion = list.getByRole('listitem', { name: /^Expansion intent/ });
    await expansion.getByRole('button', { name: 'Correct…' }).click();
    await expansion.getByRole('button', { name: 'Dismiss signal' }).click();
    await list.getByRole('heading', { name: 'Signals (1)' }).waitFor();
    expect(await list.getByRole('listitem', { name: /^Expansion intent/ }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshotPage(page, 'correct-signal-done');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshotPage(page, 'correct-signal-390');
  });
});
