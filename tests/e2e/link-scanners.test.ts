import { createLoginLink } from '@candor/api/auth/login-links';
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshot, useWidgetStage, watchPageErrors } from '../support/browser';
import { eventually } from '../support/eventually';
import { guideFixture, invite, seedWorkspace } from '../support/interview-fixtures';
import { seriousViolations, waitForInterviewerMessages, widget } from './widget-fixtures';

// Some mail security scanners open every emailed link in a real browser and run its
// JavaScript. Chromium here plays that scanner: it opens the link and waits, and only a
// click (which scanners do not do) may start an interview or sign anyone in.
describe.skipIf(!hasChromium)('emailed links opened in a browser that runs their JavaScript', () => {
  const stage = useWidgetStage();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

  it('leaves the interview invited on /i/{token} until Start is clicked', async () => {
    const guide = guideFixture();
    const { ws, guideId } = await seedWorkspace(stage.candor.t, guide);
    const { id, url } = await invite(stage.candor.t, ws, guideId, 'email');
    const row = () =>
      stage.candor.t.deps.db
        .selectFrom('interviews')
        .select(['status', 'shown_at', 'started_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const messages = () =>
      stage.candor.t.deps.db.selectFrom('messages').select('id').where('interview_id', '=', id).execute();

    const page = await stage.browser.newPage();
    const errors = watchPageErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
    // Opened twice, as scanners often do, with every script run and every request answered.
    for (let visit = 0; visit < 2; visit++) {
      await page.goto(url!, { waitUntil: 'networkidle' });
      await widget(page).button('Start').waitFor();
      await settle();
      expect(await row()).toEqual({ status: 'invited', shown_at: null, started_at: null });
      expect(await messages()).toEqual([]);
    }
    expect(requests).toContain(`GET /v1/widget/interviews/${id}`);
    expect(requests.filter((r) => r.startsWith('POST '))).toEqual([]);

    await widget(page).button('Start').click();
    expect(await waitForInterviewerMessages(page, 1)).toContain(guide.topics[0]!.question);
    expect(await row()).toMatchObject({ status: 'started', started_at: expect.any(Date) });
    expect(requests).toContain(`POST /v1/widget/interviews/${id}/start`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not sign in on the login page until its button is clicked', async () => {
    const { t } = stage.candor;
    const { ws } = await seedWorkspace(t);
    const email = 'scanned@acme.io';
    const { url } = await createLoginLink(t.deps, { workspaceId: ws.id, email, role: 'admin' });
    const sessions = () =>
      t.deps.db
        .selectFrom('auth_sessions')
        .innerJoin('auth_users', 'auth_users.id', 'auth_sessions.user_id')
        .select('auth_sessions.id')
        .where('auth_users.email', '=', email)
        .execute();
    const context = await stage.browser.newContext();
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    for (let visit = 0; visit < 2; visit++) {
      const res = await page.goto(url, { waitUntil: 'networkidle' });
      expect(res?.status()).toBe(200);
      await page.getByRole('button', { name: `Sign in as ${email}` }).waitFor();
      await settle();
      expect(await context.cookies()).toEqual([]);
      expect(await sessions()).toEqual([]);
    }
    expect((await page.request.get(`${stage.candor.origin}/console/api/me`)).status()).toBe(401);
    await screenshot(page, 'login-link-page');
    expect(await seriousViolations(page, 'body')).toEqual([]);
    // (Checked before the click: the console itself is not built for this test.)
    expect(errors).toEqual([]);

    await page.getByRole('button', { name: `Sign in as ${email}` }).click();
    await page.waitForURL(`${stage.candor.origin}/`);
    expect((await context.cookies()).map((c) => c.name)).toContain('candor.session_token');
    await eventually(async () => ((await sessions()).length === 1 ? true : undefined));
    const me = await page.request.get(`${stage.candor.origin}/console/api/me`);
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ member: { email, role: 'admin' }, workspace: { id: ws.id } });
    await context.close();
  });
});
