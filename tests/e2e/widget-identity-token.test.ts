import { describe, expect, it } from 'vitest';
import { hasChromium, useWidgetStage, watchPageErrors } from '../support/browser';
import { inSeconds, signIdentityToken } from '../support/identity-token';
import { guideFixture, invite, seedWorkspace } from '../support/interview-fixtures';
import { longAnswer, sendAnswer, waitForInterviewerMessages, widget } from './widget-fixtures';

const guide = guideFixture();

describe.skipIf(!hasChromium)('the widget signed in with an identity token', () => {
  const stage = useWidgetStage();

  it("runs an interview with Candor('init', { key, token }) and keeps its state under the token's user", async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    const { id } = await invite(stage.candor.t, ws, guideId);
    const token = signIdentityToken(ws.identity_secret, {
      sub: 'u_42',
      email: 'ada@acme.io',
      name: 'Ada Lovelace',
      account: { id: 'acme', name: 'Acme Corp' },
      exp: inSeconds(3600),
    });
    const page = await stage.browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(stage.host.url({ key: ws.publishable_key, token, locale: 'en' }));

    const w = widget(page);
    await w.button('Start').click();
    expect(await waitForInterviewerMessages(page, 1)).toContain('Hi Ada');
    await sendAnswer(page, longAnswer('weekly reporting'));
    expect(await waitForInterviewerMessages(page, 2)).toBe(guide.topics[1]?.question);
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('candor:')));
    expect(keys).toEqual([`candor:${ws.publishable_key}:u_42`]);
    const stored = await stage.candor.t.deps.db
      .selectFrom('messages')
      .select('role')
      .where('interview_id', '=', id)
      .where('role', '=', 'customer')
      .execute();
    expect(stored).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows nothing for a token signed with another secret, and the host page sees no error', async () => {
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    await invite(stage.candor.t, ws, guideId);
    const forged = signIdentityToken('not-the-identity-secret', { sub: 'u_42', exp: inSeconds(3600) });
    const page = await stage.browser.newPage();
    const errors = watchPageErrors(page);
    const refused = page.waitForResponse((r) => r.url().endsWith('/v1/widget/identify'));
    await page.goto(stage.host.url({ key: ws.publishable_key, token: forged }));
    expect((await refused).status()).toBe(401);
    await page.waitForTimeout(500);
    expect(await page.locator('candor-widget').count()).toBe(0);
    // The refused identify is the browser's own network log line, not a page error.
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    await page.close();
  });
});
