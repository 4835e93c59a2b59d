import { createLoginLink } from '@candor/api/auth/login-links';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { guideFixture, invite, seedWorkspace } from '../support/interview-fixtures';

// Mail security scanners (Safe Links, Mimecast, Proofpoint) fetch every link in an email,
// with GET and HEAD, before the person sees it. Fetching must use nothing up and start nothing.
describe(`emailed links opened by a mail scanner (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const signInPost = (token: string, headers: Record<string, string> = {}) =>
    t.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ token }),
      headers,
      redirect: 'manual',
    });

  async function loginLink(email: string) {
    const { ws } = await seedWorkspace(t);
    const { url } = await createLoginLink(t.deps, { workspaceId: ws.id, email, role: 'admin' });
    const link = new URL(url);
    return { ws, path: link.pathname + link.search, token: link.searchParams.get('token')! };
  }

  it('GET and HEAD of a sign-in link set no cookie and leave the link usable; only the POST signs in, once', async () => {
    const { ws, path, token } = await loginLink('ada@acme.io');
    for (const method of ['GET', 'HEAD', 'GET', 'HEAD']) {
      const res = await t.request(path, { method, redirect: 'manual' });
      expect(res.status, method).toBe(200);
      expect(res.headers.getSetCookie(), method).toEqual([]);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const page = await (await t.request(path)).text();
    expect(page).toContain('Sign in as ada@acme.io');
    expect(page).toContain('<form method="post" action="/login">');
    // The page runs no script at all, so a scanner that renders it cannot press the button.
    expect(page).not.toContain('<script');
    expect(await t.deps.db.selectFrom('auth_sessions').select('id').execute()).toEqual([]);

    const signedIn = await signInPost(token);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/');
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(cookie).toMatch(/^candor\.session_token=/);
    const me = await readJson(await t.request('/console/api/me', { headers: { cookie } }));
    expect(me).toMatchObject({ member: { email: 'ada@acme.io', role: 'admin' }, workspace: { id: ws.id } });

    const again = await signInPost(token);
    expect(again.status).toBe(400);
    expect(again.headers.getSetCookie()).toEqual([]);
    const reopened = await t.request(path);
    expect(reopened.status).toBe(400);
    expect(await reopened.text()).toContain('This sign-in link no longer works');
  });

  it('refuses a sign-in POST sent from another site and keeps the link usable', async () => {
    const { token } = await loginLink('grace@acme.io');
    const forged = await signInPost(token, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(forged.status).toBe(403);
    expect(forged.headers.getSetCookie()).toEqual([]);
    const fromOwnPage = await signInPost(token, { origin: 'http://candor.test', 'sec-fetch-site': 'same-origin' });
    expect(fromOwnPage.status).toBe(303);
    expect(fromOwnPage.headers.getSetCookie().join()).toContain('candor.session_token=');
  });

  it('answers a sign-in POST without a usable token with the friendly 400 page and no cookie', async () => {
    const attempts: RequestInit[] = [
      {},
      { body: new URLSearchParams({ token: 'x'.repeat(5000) }) },
      { body: JSON.stringify({ token: 'abc' }), headers: { 'content-type': 'application/json' } },
      { body: 'token=%E0%A4%A', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    ];
    for (const init of attempts) {
      const res = await t.request('/login', { method: 'POST', redirect: 'manual', ...init });
      expect(res.status).toBe(400);
      expect(res.headers.getSetCookie()).toEqual([]);
      expect(await res.text()).toContain('This sign-in link no longer works');
    }
  });

  it('GET and HEAD of an interview link and its unsubscribe link change nothing', async () => {
    const { ws, guideId } = await seedWorkspace(t, guideFixture());
    const { id } = await invite(t, ws, guideId, 'email');
    const [email] = await t.deps.db
      .selectFrom('outbox_emails')
      .select(['text', 'headers'])
      .where('workspace_id', '=', ws.id)
      .execute();
    const interviewUrl = new URL(/http:\/\/candor\.test\/i\/\S+/.exec(email!.text)![0]);
    const unsubscribeUrl = new URL(email!.headers['List-Unsubscribe']!.slice(1, -1));
    const state = () =>
      t.deps.db
        .selectFrom('interviews')
        .innerJoin('contacts', 'contacts.id', 'interviews.contact_id')
        .select([
          'interviews.status',
          'interviews.shown_at',
          'interviews.started_at',
          'interviews.last_activity_at',
          'contacts.opted_out_at',
        ])
        .where('interviews.id', '=', id)
        .executeTakeFirstOrThrow();
    const before = await state();
    expect(before).toMatchObject({ status: 'invited', shown_at: null, started_at: null, opted_out_at: null });

    for (const method of ['GET', 'HEAD']) {
      expect((await t.request(interviewUrl.pathname, { method })).status, method).toBe(200);
      expect((await t.request(unsubscribeUrl.pathname, { method })).status, method).toBe(200);
    }
    // What the hosted page's script reads before anyone acts: the interview, still invited.
    const link = interviewUrl.pathname.split('/i/')[1]!;
    const read = await readJson(await t.request(`/v1/widget/interviews/${id}`, { token: link }));
    expect(read).toMatchObject({ id, status: 'invited', messages: [] });
    expect(await state()).toEqual(before);
    expect(await t.deps.db.selectFrom('messages').select('id').where('interview_id', '=', id).execute()).toEqual([]);

    // The mail client's one-click unsubscribe (RFC 8058) is a POST, and still works.
    const oneClick = await t.request(unsubscribeUrl.pathname, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(200);
    expect((await state()).opted_out_at).toBeInstanceOf(Date);
  });
});
