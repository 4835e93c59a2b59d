// The app (and with it the OpenAPI extension of zod) loads before the CLI module evaluates
// the shared schemas, as in the server process.
import '@candor/api/app';
import { runCommand } from '@candor/api/cli/commands';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { consoleHeaders, submitLoginLink } from '../support/console-session';
import { createTestWorkspace, readJson, startTestApp, type TestApp } from '../support/harness';

type Role = 'admin' | 'csm';

/** Invites through the real CLI command and returns the printed link. */
async function invite(t: TestApp, workspaceId: string, email: string, role: Role = 'csm'): Promise<string> {
  const result = await runCommand(
    t.deps,
    ['member', 'invite', email, '--workspace', workspaceId, '--role', role, '--json'],
    {
      viaServer: false,
    },
  );
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout).url;
}

/** Follows a sign-in link the way a person would (the page, then its button) and returns the session cookie pair. */
async function follow(t: TestApp, url: string) {
  const res = await submitLoginLink(t, url);
  const setCookie = res.headers.getSetCookie().find((c) => c.includes('session_token='));
  return { res, setCookie, cookie: setCookie?.split(';')[0] };
}

async function signIn(t: TestApp, workspaceId: string, email: string, role: Role = 'csm') {
  const { cookie } = await follow(t, await invite(t, workspaceId, email, role));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

const me = (t: TestApp, cookie?: string) => t.request('/console/api/me', { headers: cookie ? { cookie } : {} });

describe('member sign-in with one-time links', () => {
  let t: TestApp;
  let acme: { id: string; name: string };
  let globex: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp();
    acme = await createTestWorkspace(t, 'Acme');
    globex = await createTestWorkspace(t, 'Globex');
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('prints a link under the public URL that signs the member in and redirects to the console', async () => {
    const url = await invite(t, acme.id, 'Ada@Acme.io', 'admin');
    expect(url).toMatch(/^http:\/\/candor\.test\/login\?token=[\w-]{20,}$/);
    const { res, setCookie, cookie } = await follow(t, url);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(setCookie).toBeDefined();

    const body = await readJson(await me(t, cookie));
    expect(body).toEqual({
      member: { id: expect.any(String), email: 'ada@acme.io', name: null, role: 'admin' },
      workspace: { id: acme.id, name: 'Acme' },
    });
  });

  it('sets an HttpOnly, SameSite=Lax cookie that is not Secure over http', async () => {
    const { setCookie } = await follow(t, await invite(t, acme.id, 'flags@acme.io'));
    expect(setCookie).toMatch(/^candor\.session_token=/);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(setCookie).toMatch(/; Max-Age=\d+/i);
    expect(setCookie).not.toMatch(/; Secure/i);
  });

  it('works once: the same link a second time shows a friendly page and no session', async () => {
    const url = await invite(t, acme.id, 'once@acme.io');
    expect((await follow(t, url)).cookie).toBeDefined();
    const again = await follow(t, url);
    expect(again.res.status).toBe(400);
    expect(again.setCookie).toBeUndefined();
    const html = await again.res.text();
    expect(html).toContain('This sign-in link no longer works');
    expect(html).toContain('npm run candor -- member invite');
  });

  it('refuses a link after it expires (24 hours)', async () => {
    const url = await invite(t, acme.id, 'late@acme.io');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 24 * 60 * 60 * 1000 + 60_000);
    const late = await follow(t, url);
    expect(late.res.status).toBe(400);
    expect(late.cookie).toBeUndefined();
  });

  it('accepts a link just before it expires', async () => {
    const url = await invite(t, acme.id, 'early@acme.io');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 23 * 60 * 60 * 1000);
    expect((await follow(t, url)).res.status).toBe(303);
  });

  it('refuses an unknown or tampered token without a session', async () => {
    const url = new URL(await invite(t, acme.id, 'tamper@acme.io'));
    const token = url.searchParams.get('token') ?? '';
    const flipped = `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`;
    const res = await t.request(`/login?token=${flipped}`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie()).toEqual([]);
    const long = await t.request(`/login?token=${'x'.repeat(5000)}`);
    expect(long.status).toBe(400);
  });

  it('explains how to get a link when /login is opened without one', async () => {
    const res = await t.request('/login');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Sign in to Candor</h1>');
    expect(html).toContain('npm run candor -- member invite you@example.com');
  });

  it('answers 401 in the error shape when signed out or with a forged cookie', async () => {
    const signedOut = await me(t);
    expect(signedOut.status).toBe(401);
    expect(await readJson(signedOut)).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    const forged = await me(t, 'candor.session_token=abc.def');
    expect(forged.status).toBe(401);
  });

  it('ends the session on sign-out: the cookie is cleared and no longer works', async () => {
    const cookie = await signIn(t, acme.id, 'bye@acme.io');
    expect((await me(t, cookie)).status).toBe(200);
    const out = await t.request('/console/api/sign-out', { method: 'POST', headers: consoleHeaders(cookie) });
    expect(out.status).toBe(200);
    expect(await readJson(out)).toEqual({ signed_out: true });
    expect(out.headers.getSetCookie().find((c) => c.startsWith('candor.session_token='))).toMatch(/Max-Age=0/);
    // The server forgot the session: replaying the old cookie fails.
    expect((await me(t, cookie)).status).toBe(401);
    const twice = await t.request('/console/api/sign-out', { method: 'POST', headers: consoleHeaders(cookie) });
    expect(twice.status).toBe(200);
  });

  it('expires a session after 14 days', async () => {
    const cookie = await signIn(t, acme.id, 'twoweeks@acme.io');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 13 * 24 * 60 * 60 * 1000);
    expect((await me(t, cookie)).status).toBe(200);
    vi.setSystemTime(Date.now() + 15 * 24 * 60 * 60 * 1000);
    expect((await me(t, cookie)).status).toBe(401);
  });

  it('shuts a removed member out at once', async () => {
    const cookie = await signIn(t, acme.id, 'leaver@acme.io');
    expect((await me(t, cookie)).status).toBe(200);
    await t.deps.db.deleteFrom('members').where('email', '=', 'leaver@acme.io').execute();
    expect((await me(t, cookie)).status).toBe(401);
  });

  it('lets admins list members and answers 403 to a csm', async () => {
    const admin = await signIn(t, acme.id, 'boss@acme.io', 'admin');
    const csm = await signIn(t, acme.id, 'csm@acme.io', 'csm');
    const denied = await t.request('/console/api/members', { headers: { cookie: csm } });
    expect(denied.status).toBe(403);
    expect(await readJson(denied)).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    const listed = await t.request('/console/api/members', { headers: { cookie: admin } });
    expect(listed.status).toBe(200);
    const emails = (await readJson(listed)).members.map((m: { email: string }) => m.email);
    expect(emails).toEqual(expect.arrayContaining(['boss@acme.io', 'csm@acme.io']));
    expect((await t.request('/console/api/members')).status).toBe(401);
  });

  it('keeps workspaces apart: a member sees only their own workspace and members', async () => {
    const inGlobex = await signIn(t, globex.id, 'gina@globex.io', 'admin');
    const body = await readJson(await me(t, inGlobex));
    expect(body.workspace).toEqual({ id: globex.id, name: 'Globex' });
    const members = (await readJson(await t.request('/console/api/members', { headers: { cookie: inGlobex } })))
      .members as { email: string }[];
    expect(members.map((m) => m.email)).toEqual(['gina@globex.io']);
  });

  it('signs a person who belongs to two workspaces into the one the link was for', async () => {
    const inAcme = await signIn(t, acme.id, 'both@example.com', 'csm');
    const inGlobex = await signIn(t, globex.id, 'both@example.com', 'admin');
    expect((await readJson(await me(t, inAcme))).workspace.id).toBe(acme.id);
    expect((await readJson(await me(t, inGlobex))).workspace.id).toBe(globex.id);
    expect((await readJson(await me(t, inGlobex))).member.role).toBe('admin');
  });
});

describe('member invite (CLI)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const cli = (argv: string[]) => runCommand(t.deps, argv, { viaServer: false });

  it('says so when there is no workspace yet', async () => {
    const result = await cli(['member', 'invite', 'ada@acme.io']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/no workspace yet/);
  });

  it('uses the only workspace when none is named, as a csm by default, and records the email in the outbox', async () => {
    const ws = await createTestWorkspace(t, 'Solo');
    const result = await cli(['member', 'invite', 'sam@solo.io']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^One-time sign-in link for sam@solo\.io \(csm\):\n {2}http:\/\/candor\.test\/login\?token=\S+\n$/,
    );
    const url = result.stdout.trim().split('\n')[1]?.trim() ?? '';
    const outbox = JSON.parse((await cli(['outbox', '--json'])).stdout);
    expect(outbox[0]).toMatchObject({ workspace_id: ws.id, to: 'sam@solo.io', kind: 'member_invite' });
    // The live link is redacted unless the operator asks for it.
    expect(outbox[0].text).not.toContain(url);
    expect(outbox[0].text).toContain('http://candor.test/login?[redacted]');
    const revealed = JSON.parse((await cli(['outbox', '--json', '--reveal-links'])).stdout);
    expect(revealed[0].text).toContain(url);
  });

  it('uses the demo workspace when several exist and none is named', async () => {
    await createTestWorkspace(t, 'Other');
    const ambiguous = await cli(['member', 'invite', 'x@y.io']);
    expect(ambiguous.exitCode).toBe(1);
    expect(ambiguous.stderr).toMatch(/choose one with --workspace/);
    const demo = await t.deps.db
      .insertInto('workspaces')
      .values({ name: 'Demo', identity_secret: 'x'.repeat(64), settings: {}, is_demo: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const result = await cli(['member', 'invite', 'x@y.io', '--json']);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      url: expect.stringMatching(/^http:\/\/candor\.test\/login\?token=/),
      role: 'csm',
      email: 'x@y.io',
      workspace_id: demo.id,
    });
  });

  it('rejects a bad email, a bad role and an unknown workspace without writing anything', async () => {
    const before = await t.deps.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const badEmail = await cli(['member', 'invite', 'not-an-email']);
    expect(badEmail.exitCode).toBe(1);
    expect(badEmail.stderr).toMatch(/email: "not-an-email" is not a valid email address/);
    const badRole = await cli(['member', 'invite', 'a@b.io', '--role', 'owner']);
    expect(badRole.stderr).toMatch(/role: must be "admin" or "csm"/);
    const unknown = await cli(['member', 'invite', 'a@b.io', '--workspace', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.stderr).toMatch(/No workspace with id "00000000-0000-4000-8000-000000000000"/);
    const garbage = await cli(['member', 'invite', 'a@b.io', '--workspace', 'nope']);
    expect(garbage.stderr).toMatch(/No workspace with id "nope"/);
    const after = await t.deps.db
      .selectFrom('members')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after?.n).toBe(before?.n);
  });

  it('sets the Secure flag when the public URL is https', async () => {
    const https = await startTestApp({ CANDOR_PUBLIC_URL: 'https://candor.example.com' });
    try {
      const ws = await createTestWorkspace(https, 'Secure Co');
      const url = await invite(https, ws.id, 'sec@secure.co');
      expect(url).toMatch(/^https:\/\/candor\.example\.com\/login\?token=/);
      const { setCookie, cookie } = await follow(https, url);
      expect(setCookie).toMatch(/; Secure/i);
      expect(setCookie).toMatch(/; HttpOnly/i);
      expect((await me(https, cookie)).status).toBe(200);
    } finally {
      await https.close();
    }
  });
});
