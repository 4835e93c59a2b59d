import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type RunningServer, runCli, startServer, tempDataDir } from '../support/processes';

/** Opens a printed sign-in link as a person would: its page, then the page's "Sign in as …" button. */
async function signInWith(url: string) {
  const link = new URL(url.replace('localhost', '127.0.0.1'));
  const page = await fetch(link);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Sign in as ');
  return fetch(new URL('/login', link), {
    method: 'POST',
    body: new URLSearchParams({ token: link.searchParams.get('token') ?? '' }),
    redirect: 'manual',
  });
}

// The README's entry points as real processes on the embedded database: start, CLI while
// running, clean shutdown, kill -9 and restart.
describe('npm start and the CLI on the embedded database', () => {
  const dataDir = tempDataDir();
  let server: RunningServer | undefined;
  let port = 0;
  const env = () => ({ CANDOR_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' });

  afterAll(() => {
    server?.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts and prints where it runs', async () => {
    port = await freePort();
    server = await startServer(env());
    const out = server.output();
    expect(out).toContain(`Candor is running at http://localhost:${port}`);
    expect(out).toContain(`API reference: http://localhost:${port}/docs`);
    expect(out).toMatch(/Seeded the demo workspace \(200 accounts, [\d,]+ contacts, 5 members, [\d,]+ events\)\./);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
  }, 300_000);

  it('prints a one-time console sign-in link that signs in the demo admin', async () => {
    const line = /Console sign-in \(one-time link\): (\S+)/.exec(server!.output());
    expect(line?.[1]).toMatch(new RegExp(`^http://localhost:${port}/login\\?token=\\S+$`));
    const followed = await signInWith(line![1]!);
    expect(followed.status).toBe(303);
    const cookie = followed.headers.getSetCookie().find((c) => c.startsWith('candor.session_token='));
    const me = await fetch(`http://127.0.0.1:${port}/console/api/me`, { headers: { cookie: cookie!.split(';')[0]! } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      member: { role: 'admin' },
      workspace: { name: expect.stringMatching(/demo/i) },
    });
  }, 300_000);

  it('prints a second one-time link that signs in a CSM of the demo, whose Home has a week to show', async () => {
    const line = /A CSM's week, as (.+?) sees it \(one-time link\): (\S+)/.exec(server!.output());
    expect(line?.[2]).toMatch(new RegExp(`^http://localhost:${port}/login\\?token=\\S+$`));
    const followed = await signInWith(line![2]!);
    expect(followed.status).toBe(303);
    const cookie = followed.headers.getSetCookie().find((c) => c.startsWith('candor.session_token='));
    const me = await fetch(`http://127.0.0.1:${port}/console/api/me`, { headers: { cookie: cookie!.split(';')[0]! } });
    expect(await me.json()).toMatchObject({ member: { role: 'csm', name: line![1] } });
  });

  it('runs CLI commands through the running server without opening the database twice', async () => {
    const created = await runCli(['workspace', 'create', 'Acme', '--json'], env());
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const ws = JSON.parse(created.stdout);
    expect(ws).toMatchObject({ name: 'Acme' });
    expect(ws.secret_key).toMatch(/^sk_/);
    expect(ws.publishable_key).toMatch(/^pk_/);
    expect(ws.identity_secret).toMatch(/^[0-9a-f]{64}$/);

    // The new secret key works against the running server's API.
    const upsert = await fetch(`http://127.0.0.1:${port}/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ws.secret_key}` },
      body: JSON.stringify({ accounts: [{ id: 'acct_1', name: 'Initech', arr: 40000 }] }),
    });
    expect(upsert.status).toBe(200);
    expect(await upsert.json()).toMatchObject({ created: 1, accounts: [{ id: 'acct_1', status: 'created' }] });

    const invited = await runCli(['member', 'invite', 'ada@acme.io', '--workspace', ws.id, '--json'], env());
    expect(invited.stderr).toBe('');
    expect(invited.code).toBe(0);
    const invite = JSON.parse(invited.stdout);
    expect(invite).toMatchObject({ email: 'ada@acme.io', role: 'csm', workspace_id: ws.id });
    expect(invite.url).toMatch(new RegExp(`^http://localhost:${port}/login\\?token=\\S+$`));
    // Following the printed link signs in: a session cookie and a redirect to the console.
    const followed = await signInWith(invite.url);
    expect(followed.status).toBe(303);
    const cookie = followed.headers.getSetCookie().find((c) => c.startsWith('candor.session_token='));
    expect(cookie).toMatch(/HttpOnly/i);
    const me = await fetch(`http://127.0.0.1:${port}/console/api/me`, { headers: { cookie: cookie!.split(';')[0]! } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ member: { email: 'ada@acme.io' }, workspace: { id: ws.id, name: 'Acme' } });

    const outbox = await runCli(['outbox', '--json'], env());
    expect(outbox.code).toBe(0);
    expect(Array.isArray(JSON.parse(outbox.stdout))).toBe(true);

    const worker = await runCli(['worker'], env());
    expect(worker.code).toBe(1);
    expect(worker.stderr).toMatch(/DATABASE_URL/);
  }, 300_000);

  it('seed-demo through the running server finds the demo seeded at first start and creates nothing', async () => {
    const demo = await runCli(['seed-demo', '--json'], env());
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ created: false, counts: { accounts: 200, members: 5 } });
  }, 300_000);

  it('refuses a second server on the same data directory with one clear line', async () => {
    const second = await startServer({ ...env(), PORT: String(await freePort()) }).catch((e: Error) => e);
    expect(second).toBeInstanceOf(Error);
    expect(String(second)).toMatch(/in use by process \d+/);
  }, 300_000);

  it('shuts down cleanly on SIGINT and reuses the data on the next start', async () => {
    server!.child.kill('SIGINT');
    expect(await server!.exited).toBe(0);
    expect(fs.existsSync(`${dataDir}/candor.pid`)).toBe(false);
    server = await startServer(env());
    expect(server.output()).toContain('Candor is running at');
    expect(server.output()).not.toMatch(/Seeded the demo workspace/);
  }, 300_000);

  it('survives kill -9: the next start opens the same data', async () => {
    server!.child.kill('SIGKILL');
    await server!.exited;
    server = await startServer(env());
    const list = await runCli(['workspace', 'create', 'Second', '--json'], env());
    expect(list.code).toBe(0);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  }, 300_000);

  it('answers bad configuration with one line naming the variable', async () => {
    const bad = await startServer({ ...env(), PORT: 'abc' }).catch((e: Error) => e);
    expect(String(bad)).toMatch(/Configuration error: PORT must be a whole number from 0 to 65535 \(got "abc"\)/);
  }, 30_000);
});
