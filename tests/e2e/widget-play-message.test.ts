import { tenant } from '@candor/api/db/tenant';
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot, useWidgetStage, watchPageErrors } from '../support/browser';
import { eventually } from '../support/eventually';
import type { TestApp } from '../support/harness';
import { guideFixture, seedWorkspace } from '../support/interview-fixtures';
import { initFor, seriousViolations, widget } from './widget-fixtures';

/**
 * Leaves a message for u_42 the way a play's step does (plays themselves are covered over
 * HTTP in integration/play-steps.test.ts). Written straight to the store, so the widget's
 * own defences can be tried with content the API would have refused.
 */
async function leaveMessage(t: TestApp, wsId: string, content: { title: string; body: string; link_url: string }) {
  const contact = await tenant(t.deps.db, { id: wsId })
    .selectFrom('contacts')
    .select('id')
    .where('external_id', '=', 'u_42')
    .executeTakeFirstOrThrow();
  return tenant(t.deps.db, { id: wsId })
    .insertInto('in_app_messages')
    .values({ contact_id: contact.id, link_label: null, ...content })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const stored = (t: TestApp, id: string) =>
  t.deps.db
    .selectFrom('in_app_messages')
    .select(['shown_at', 'dismissed_at', 'clicked_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe.skipIf(!hasChromium)("a play's in-app message in the widget", () => {
  const stage = useWidgetStage();

  it('shows title, body and link as text, is accessible at desktop and phone width, and records the dismissal once', async () => {
    const { ws } = await seedWorkspace(stage.candor.t, guideFixture());
    const message = await leaveMessage(stage.candor.t, ws.id, {
      title: 'New: <img src=x onerror="window.pwned=1"> seat guide',
      body: 'Read how upgrades work.\n<script>window.pwned=2</script>',
      link_url: 'https://help.example.com/seats',
    });
    const page = await stage.browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(stage.host.url(initFor(ws)));
    const w = widget(page);
    const card = w.host.getByRole('region', { name: /seat guide/ });
    await card.waitFor();
    expect(await card.getByRole('heading').textContent()).toBe('New: <img src=x onerror="window.pwned=1"> seat guide');
    expect(await card.locator('p').textContent()).toBe('Read how upgrades work.\n<script>window.pwned=2</script>');
    expect(await card.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    const link = card.getByRole('link', { name: 'Read more' });
    expect(await link.getAttribute('href')).toBe('https://help.example.com/seats');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'widget-play-message');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'widget-play-message-phone');
    expect((await stored(stage.candor.t, message.id)).shown_at).not.toBeNull();

    // Keyboard only: the dismiss button is reachable and closes the card.
    await card.getByRole('button', { name: 'Dismiss' }).focus();
    await page.keyboard.press('Enter');
    await card.waitFor({ state: 'detached' });
    await eventually(async () => (await stored(stage.candor.t, message.id)).dismissed_at !== null);
    expect((await stored(stage.candor.t, message.id)).clicked_at).toBeNull();

    // Shown once: a reload brings no card back.
    await page.reload();
    await page.waitForTimeout(800);
    expect(await w.host.getByRole('region').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('records a click on the link, and never turns a non-https link into an anchor', async () => {
    const { ws } = await seedWorkspace(stage.candor.t, guideFixture());
    const message = await leaveMessage(stage.candor.t, ws.id, {
      title: 'Seat guide',
      body: 'How upgrades work.',
      link_url: 'https://help.example.com/seats',
    });
    const page = await stage.browser.newPage();
    await page.goto(stage.host.url(initFor(ws)));
    const card = widget(page).host.getByRole('region', { name: 'Seat guide' });
    // The link opens a new tab; keep it from going anywhere.
    await page.context().route('https://help.example.com/**', (route) => route.fulfill({ body: 'ok' }));
    await card.getByRole('link', { name: 'Read more' }).click();
    await card.waitFor({ state: 'detached' });
    await eventually(async () => (await stored(stage.candor.t, message.id)).clicked_at !== null);

    // Content that slipped past the server's checks still cannot run script from the card.
    const hostile = await leaveMessage(stage.candor.t, ws.id, {
      title: 'Hostile link',
      body: 'Click me.',
      link_url: 'javascript:window.pwned=3',
    });
    await page.reload();
    const second = widget(page).host.getByRole('region', { name: 'Hostile link' });
    await second.waitFor();
    expect(await second.locator('a').count()).toBe(0);
    expect((await stored(stage.candor.t, hostile.id)).shown_at).not.toBeNull();
    await page.close();
  });
});
