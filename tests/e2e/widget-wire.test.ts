import { describe, expect, it } from 'vitest';
import { hasChromium, useWidgetStage } from '../support/browser';
import { eventually } from '../support/eventually';
import { guideFixture, invite, seedWorkspace } from '../support/interview-fixtures';
import { initFor, widget } from './widget-fixtures';

describe.skipIf(!hasChromium)("the widget's first call on a customer's page", () => {
  const stage = useWidgetStage();

  it('identifies with one cross-origin request and no CORS preflight', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guideFixture());
    await invite(stage.candor.t, ws, guideId);
    stage.candor.requests.length = 0;
    const page = await stage.browser.newPage();
    await page.goto(stage.host.url(initFor(ws)));
    // The identify answered (the waiting invitation is shown), so the call went through.
    await widget(page).host.getByRole('region').waitFor();
    const identify = await eventually(async () => {
      const calls = stage.candor.requests.filter((r) => r.path === '/v1/widget/identify');
      return calls.length > 0 ? calls : undefined;
    });
    expect(identify).toEqual([{ method: 'POST', path: '/v1/widget/identify' }]);
    await page.close();
  });
});
