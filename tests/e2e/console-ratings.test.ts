/// <reference lib="dom" />
import type { GuideTopic } from '@candor/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CandorServer, hasChromium, startCandorServer } from '../support/browser';
import { answer, guideFixture, identify, invite, seedWorkspace } from '../support/interview-fixtures';
import { ensureConsoleBuilt, expectAccessible, signedInConsolePage } from './console-support';

const nps: GuideTopic = {
  key: 'recommend',
  kind: 'rating',
  scale: 'nps',
  question: 'How likely are you to recommend us to a colleague?',
  probing: 'Ask what drives the score.',
  follow_up: 'What score from 0 to 10 would you give?',
  required: true,
};

describe.skipIf(!hasChromium)('rating topics and scores in the console', { timeout: 120_000 }, () => {
  let server: CandorServer;
  let browser: Browser;
  let page: Page;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;

  beforeAll(async () => {
    ensureConsoleBuilt();
    server = await startCandorServer();
    const t = server.t;
    seeded = await seedWorkspace(t, guideFixture({ topics: [nps, guideFixture().topics[1]!] }));
    const { ws, guideId } = seeded;
    const post = (path: string, json: unknown) => t.request(path, { method: 'POST', token: ws.secret_key, json });
    await post('/v1/contacts', { contacts: [{ id: 'u_7', account_id: 'acme', name: 'Grace' }] });
    // Two scores through the widget API: a promoter and a detractor with the reason behind it.
    for (const [contact, score, why] of [
      ['u_42', 10, 'It saves my team a full day every single week.'],
      ['u_7', 3, 'Exports fail every Monday and support takes days to answer.'],
    ] as const) {
      const { id } = await invite(t, ws, guideId, 'in_app', contact);
      const { token } = await identify(t, ws, contact);
      await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
      const res = await t.request(`/v1/widget/interviews/${id}/messages`, {
        method: 'POST',
        token,
        json: { client_id: `${id}-s`, text: String(score), rating: score },
      });
      await res.text();
      await answer(t, id, token, `${id}-r`, why);
    }
    ({ browser, page } = await signedInConsolePage(server, {
      workspaceId: ws.id,
      email: 'ada@vendor.io',
      role: 'admin',
    }));
    page.on('pageerror', (err) => console.error('page error:', err.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('turns an open topic into a CSAT rating topic and saves it as a new version', async () => {
    await page.goto(`${server.origin}/guides/${seeded.guideId}`);
    const answerOf2 = page.getByLabel('Topic 2 answer');
    await answerOf2.waitFor();
    expect(await page.getByLabel('Topic 1 answer').inputValue()).toBe('nps');
    expect(await answerOf2.inputValue()).toBe('open');
    await answerOf2.selectOption('csat');
    await page.getByText('Customers pick a score on a scale').nth(1).waitFor();
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await page.getByText(/Saved as v2\./).waitFor();

    const res = await server.t.request(`/v1/guides/${seeded.guideId}`, { token: seeded.ws.secret_key });
    const guide = await res.json();
    expect(guide.body.topics.map((t: GuideTopic) => [t.key, t.kind ?? 'open', t.scale ?? null])).toEqual([
      ['recommend', 'rating', 'nps'],
      ['friction', 'rating', 'csat'],
    ]);
    await page.reload();
    await page.getByLabel('Topic 2 answer').waitFor();
    expect(await page.getByLabel('Topic 2 answer').inputValue()).toBe('csat');
  });

  it('shows NPS with its weekly chart and the reasons behind detractors on Insights and the account page', async () => {
    await page.goto(`${server.origin}/insights`);
    const scores = page.getByRole('region', { name: 'Scores (NPS, CSAT, CES)' });
    await scores.waitFor({ timeout: 60_000 });
    // One promoter (10), one detractor (3): NPS 0.
    // The headline, then the same figure per moment and per account.
    expect(await scores.locator('.rating-headline').getByText('NPS 0', { exact: true }).count()).toBe(1);
    expect(await scores.getByRole('row', { name: /Health pulse NPS 0 2/ }).count()).toBe(1);
    expect(await scores.getByRole('row', { name: /Acme Corp NPS 0 2/ }).count()).toBe(1);
    expect(await scores.getByText(/2 responses · 1 promoters · 0 passives · 1 detractors/).count()).toBe(1);
    await scores.locator('.recharts-surface').first().waitFor();
    const reason = scores.getByRole('link', { name: '“Exports fail every Monday and support takes days to answer.”' });
    expect(await reason.count()).toBe(1);
    await expectAccessible(page, 'insights-ratings');
    await reason.click();
    await page.waitForURL(/\/interviews\/.+#m-/);
    await page.getByText('Exports fail every Monday and support takes days to answer.').first().waitFor();

    await page.goto(`${server.origin}/accounts/${seeded.accountId}`);
    const account = page.getByRole('region', { name: 'Scores, last 12 months' });
    await account.waitFor();
    expect(await account.getByText('NPS 0', { exact: true }).count()).toBe(1);
    expect(await account.getByText('“Exports fail every Monday and support takes days to answer.”').count()).toBe(1);
    await expectAccessible(page, 'account-ratings');
  });
});
