import { describe, expect, it } from 'vitest';
import { hasChromium, useWidgetStage } from '../support/browser';
import { eventually } from '../support/eventually';
import { guideFixture, invite, seedWorkspace } from '../support/interview-fixtures';
import { initFor, transcript, widget } from './widget-fixtures';

const hostEvents = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as { candorEvents: [string, unknown][] }).candorEvents);

describe.skipIf(!hasChromium)('declining an invitation in the widget', () => {
  const stage = useWidgetStage();

  it('"Not now" closes the card, declines this interview only, and a later invitation is shown again', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guideFixture());
    const first = await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage();
    await page.goto(stage.host.url(initFor(ws)));
    const w = widget(page);
    await w.button('Not now').click();
    await eventually(async () => (await w.host.getByRole('button').count()) === 0);
    expect(await hostEvents(page)).toEqual([
      ['shown', { interview_id: first.id, moment: 'health_pulse' }],
      ['declined', { interview_id: first.id, reason: 'not_now' }],
    ]);
    await eventually(async () => (await transcript(stage.candor.t, ws, first.id)).status === 'declined');

    await page.reload();
    await page.waitForTimeout(800);
    expect(await w.host.getByRole('button', { name: 'Start' }).count()).toBe(0);

    // Not a permanent no: the next invitation for the same moment is allowed and shown.
    const second = await invite(stage.candor.t, ws, guideId);
    await page.reload();
    await w.button('Start').waitFor();
    expect((await hostEvents(page))[0]).toEqual(['shown', { interview_id: second.id, moment: 'health_pulse' }]);
    await page.close();
  });

  it('"Don\'t ask again" declines and opts the contact out of that moment', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guideFixture());
    const { id } = await invite(stage.candor.t, ws, guideId);
    const page = await stage.browser.newPage();
    await page.goto(stage.host.url(initFor(ws)));
    const w = widget(page);
    await w.button("Don't ask again").click();
    await eventually(async () => (await transcript(stage.candor.t, ws, id)).status === 'declined');
    expect((await hostEvents(page)).at(-1)).toEqual(['declined', { interview_id: id, reason: 'dont_ask_again' }]);

    const again = await stage.candor.t.request('/v1/interviews', {
      method: 'POST',
      token: ws.secret_key,
      json: { contact_id: 'u_42', guide_id: guideId, channel: 'in_app' },
    });
    expect(again.status).toBe(409);
    await page.reload();
    await page.waitForTimeout(800);
    expect(await w.host.getByRole('button').count()).toBe(0);
    await page.close();
  });
});
