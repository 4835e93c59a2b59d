import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ORIGIN, signIn } from '../support/console-session';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

const SOME_ID = '00000000-0000-4000-8000-000000000000';

describe(`console changes refuse cross-site requests (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string };
  let cookie: string;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t, 'Csrf Co');
    cookie = (await signIn(t, ws.id, 'root@csrf.example', 'admin')).cookie;
  }, 120_000);
  afterAll(() => t?.close());

  const interviewerMode = async () =>
    (
      await t.deps.db
        .selectFrom('workspaces')
        .select('interviewer_mode')
        .where('id', '=', ws.id)
        .executeTakeFirstOrThrow()
    ).interviewer_mode;
  const memberEmails = async () =>
    (await t.deps.db.selectFrom('members').select('email').where('workspace_id', '=', ws.id).execute())
      .map((m) => m.email)
      .sort();
  const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    t.request(`/console/api${path}`, { method, headers: { cookie, ...headers }, body });
  // A change the console really makes: switching the workspace to the scripted interviewer.
  const scripted = JSON.stringify({ interviewer_mode: 'scripted' });
  const invite = JSON.stringify({ email: 'attacker@evil.example', role: 'admin' });

  it('refuses a cross-origin JSON change, by Origin or by Sec-Fetch-Site, and changes nothing', async () => {
    const json = { 'content-type': 'application/json' };
    for (const headers of [
      { ...json, origin: 'https://evil.example' },
      { ...json, origin: 'null' },
      { ...json, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { ...json, 'sec-fetch-site': 'same-site', origin: 'http://evil.candor.test' },
      // No Origin and no Sec-Fetch-Site: not a page of ours.
      json,
    ]) {
      const res = await send('PATCH', '/settings/workspace', headers, scripted);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await readJson(res)).error.code).toBe('forbidden');
      expect((await send('POST', '/settings/members', headers, invite)).status).toBe(403);
    }
    expect(await interviewerMode()).toBe('ai');
    expect(await memberEmails()).toEqual(['root@csrf.example']);
  });

  it('refuses the bodies an HTML form can send (text/plain, urlencoded, multipart), even from our origin', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const headers = { origin: CONSOLE_ORIGIN, 'content-type': type };
      expect((await send('PATCH', '/settings/workspace', headers, scripted)).status, type).toBe(403);
      expect((await send('POST', '/settings/members', headers, invite)).status, type).toBe(403);
    }
    expect((await send('PATCH', '/settings/workspace', { origin: CONSOLE_ORIGIN }, scripted)).status).toBe(403);
    expect(await interviewerMode()).toBe('ai');
    expect(await memberEmails()).toEqual(['root@csrf.example']);
  });

  it('guards every console change route, sign-out included', async () => {
    const changes = t.app.routes.filter(
      (r) => r.path.startsWith('/console/api/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method),
    );
    expect(changes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /console/api/sign-out', 'POST /console/api/settings/members']),
    );
    for (const route of changes) {
      const path = route.path.replace(/:[a-z]+/gi, SOME_ID).replace('/console/api', '');
      const res = await send(
        route.method,
        path,
        { origin: 'https://evil.example', 'content-type': 'application/json' },
        '{}',
      );
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
    }
    // The session survived the forged sign-out.
    expect((await send('GET', '/me', {})).status).toBe(200);
  });

  it('accepts the console itself: same origin (or a same-origin page behind a proxy) with a JSON body', async () => {
    const ok = await send(
      'PATCH',
      '/settings/workspace',
      { origin: CONSOLE_ORIGIN, 'content-type': 'application/json' },
      scripted,
    );
    expect(ok.status).toBe(200);
    expect(await interviewerMode()).toBe('scripted');
    // The dev server proxies the console: Origin is the proxy's, Sec-Fetch-Site says same-origin.
    const proxied = await send(
      'PATCH',
      '/settings/workspace',
      {
        origin: 'http://localhost:5173',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json; charset=utf-8',
      },
      JSON.stringify({ interviewer_mode: 'ai' }),
    );
    expect(proxied.status).toBe(200);
    expect(await interviewerMode()).toBe('ai');
    // Reads stay plain GETs, whatever their origin (CORS keeps other sites from reading them).
    expect((await send('GET', '/me', { origin: 'https://evil.example' })).status).toBe(200);
    // Sign-out from the console works and ends the session.
    const out = await send('POST', '/sign-out', { origin: CONSOLE_ORIGIN, 'content-type': 'application/json' });
    expect(out.status).toBe(200);
    expect((await send('GET', '/me', {})).status).toBe(401);
  });
});
