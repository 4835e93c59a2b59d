import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, followLoginLink, signIn } from '../support/console-session';
import { createTestWorkspace, readJson, startTestApp, type TestApp } from '../support/harness';

type MemberRow = { id: string; email: string; role: string; status: string; is_you: boolean };

describe('console settings: members and invites', () => {
  let t: TestApp;
  let ws: { id: string };
  let other: { id: string };
  let admin: ReturnType<typeof consoleCall>;
  let adminId: string;
  let csmCookie: string;
  let csmId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ws = { id: (await createTestWorkspace(t, 'Members Co')).id };
    other = { id: (await createTestWorkspace(t, 'Other Co')).id };
    const a = await signIn(t, ws.id, 'root@members.example', 'admin');
    admin = consoleCall(t, a.cookie);
    adminId = a.memberId;
    const c = await signIn(t, ws.id, 'casey@members.example', 'csm');
    csmCookie = c.cookie;
    csmId = c.memberId;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const members = async (): Promise<MemberRow[]> => (await readJson(await admin('GET', '/settings/members'))).members;
  const memberRows = () =>
    t.deps.db
      .selectFrom('members')
      .select(['email', 'role'])
      .where('workspace_id', '=', ws.id)
      .orderBy('email')
      .execute();
  const outbox = () =>
    t.deps.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('workspace_id', '=', ws.id)
      .where('kind', '=', 'member_invite')
      .orderBy('created_at', 'desc')
      .execute();

  it('lists members with their role, whether they have signed in, and which one is me', async () => {
    const list = await members();
    expect(list.map((m) => [m.email, m.role, m.status, m.is_you])).toEqual([
      ['root@members.example', 'admin', 'active', true],
      ['casey@members.example', 'csm', 'active', false],
    ]);
    expect((await consoleCall(t, csmCookie)('GET', '/settings/members')).status).toBe(403);
  });

  it('refuses a bad invite with 400 and adds no one and sends nothing', async () => {
    const before = await memberRows();
    const bad: [unknown, string][] = [
      [{ email: 'not-an-email', role: 'csm' }, 'email'],
      [{ email: 'new@members.example', role: 'owner' }, 'role'],
      [{ email: 'new@members.example' }, 'role'],
      [{ role: 'csm' }, 'email'],
      [{ email: 'new@members.example', role: 'csm', name: 'x' }, 'name'],
    ];
    for (const [body, field] of bad) {
      const res = await admin('POST', '/settings/members', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await readJson(res)).error.message).toContain(field);
    }
    expect(await memberRows()).toEqual(before);
    expect(await outbox()).toEqual([]);
  });

  it('invites by email with a role: a pending member, and a sign-in email in the outbox that works once', async () => {
    const res = await admin('POST', '/settings/members', { email: ' Dana@Members.example ', role: 'admin' });
    expect(res.status).toBe(201);
    expect(await readJson(res)).toMatchObject({ email: 'dana@members.example', role: 'admin', status: 'invited' });
    expect((await members()).find((m) => m.email === 'dana@members.example')).toMatchObject({
      role: 'admin',
      status: 'invited',
    });

    const [email] = await outbox();
    expect(email).toMatchObject({ to_address: 'dana@members.example', transport: 'outbox', status: 'stored' });
    // The console's outbox page lists it for the workspace.
    const listed = await readJson(await admin('GET', '/outbox'));
    expect(listed.items.map((e: { to_address: string }) => e.to_address)).toContain('dana@members.example');
    const url = /http:\/\/candor\.test\/login\?token=\S+/.exec(email!.text)?.[0];
    expect(url).toBeDefined();
    expect(email!.html).toContain(url!.replace(/&/g, '&amp;'));

    const dana = consoleCall(t, (await followLoginLink(t, url!)).cookie);
    const me = await readJson(await dana('GET', '/me'));
    expect(me.member).toMatchObject({ email: 'dana@members.example', role: 'admin' });
    expect((await members()).find((m) => m.email === 'dana@members.example')?.status).toBe('active');
    // Used once: the same link does not sign in again.
    const again = await t.request(new URL(url!).pathname + new URL(url!).search, { redirect: 'manual' });
    expect(again.headers.getSetCookie().some((c) => c.includes('session_token='))).toBe(false);

    const [entry] = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('workspace_id', '=', ws.id)
      .where('action', '=', 'member.invited')
      .execute();
    expect(entry).toMatchObject({
      actor: `member:${adminId}`,
      details: { email: 'dana@members.example', role: 'admin' },
    });
    expect(JSON.stringify(entry)).not.toContain('token=');
  });

  it('answers 409 for inviting someone who is already an active member, and changes nothing', async () => {
    const before = await memberRows();
    const res = await admin('POST', '/settings/members', { email: 'casey@members.example', role: 'admin' });
    expect(res.status).toBe(409);
    expect((await readJson(res)).error.code).toBe('already_member');
    expect(await memberRows()).toEqual(before);
  });

  it('changes a role, but never my own and never to an unknown role', async () => {
    const bad = await admin('PATCH', `/settings/members/${csmId}`, { role: 'superuser' });
    expect(bad.status).toBe(400);
    const self = await admin('PATCH', `/settings/members/${adminId}`, { role: 'csm' });
    expect(self.status).toBe(400);
    expect((await readJson(self)).error.message).toMatch(/yourself/);
    expect((await memberRows()).find((m) => m.email === 'root@members.example')?.role).toBe('admin');

    const ok = await admin('PATCH', `/settings/members/${csmId}`, { role: 'admin' });
    expect(ok.status).toBe(200);
    expect((await readJson(await consoleCall(t, csmCookie)('GET', '/me'))).member.role).toBe('admin');
    expect((await admin('PATCH', `/settings/members/${csmId}`, { role: 'csm' })).status).toBe(200);
    expect((await consoleCall(t, csmCookie)('GET', '/settings')).status).toBe(403);
  });

  it('keeps the last admin: the only admin can neither demote nor remove themselves', async () => {
    const solo = await createTestWorkspace(t, 'Solo Co');
    const only = await signIn(t, solo.id, 'only@solo.example', 'admin');
    const call = consoleCall(t, only.cookie);
    expect((await call('PATCH', `/settings/members/${only.memberId}`, { role: 'csm' })).status).toBe(400);
    expect((await call('DELETE', `/settings/members/${only.memberId}`)).status).toBe(400);
    const admins = await t.deps.db
      .selectFrom('members')
      .select('email')
      .where('workspace_id', '=', solo.id)
      .where('role', '=', 'admin')
      .execute();
    expect(admins).toEqual([{ email: 'only@solo.example' }]);
  });

  it('an admin demoted by another admin can no longer change members', async () => {
    const dana = (await members()).find((m) => m.email === 'dana@members.example')!;
    const danaCall = consoleCall(t, (await signIn(t, ws.id, 'dana@members.example', 'admin')).cookie);
    expect((await admin('PATCH', `/settings/members/${dana.id}`, { role: 'csm' })).status).toBe(200);
    const res = await danaCall('PATCH', `/settings/members/${adminId}`, { role: 'csm' });
    expect(res.status).toBe(403);
    expect((await memberRows()).find((m) => m.email === 'root@members.example')?.role).toBe('admin');
  });

  it('removes a member: gone from the list, their session ends at once, audited', async () => {
    const casey = consoleCall(t, csmCookie);
    expect((await casey('GET', '/home')).status).toBe(200);
    const res = await admin('DELETE', `/settings/members/${csmId}`);
    expect(res.status).toBe(204);
    expect((await members()).map((m) => m.email)).not.toContain('casey@members.example');
    expect((await casey('GET', '/home')).status).toBe(401);
    expect((await admin('DELETE', `/settings/members/${csmId}`)).status).toBe(404);
    const entries = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('workspace_id', '=', ws.id)
      .where('action', '=', 'member.removed')
      .execute();
    expect(entries).toEqual([{ action: 'member.removed', target: csmId }]);
  });

  it('never reaches another workspace’s members', async () => {
    const theirs = await signIn(t, other.id, 'them@other.example', 'admin');
    const before = await memberRows();
    const victim = (await members()).find((m) => !m.is_you)!;
    const call = consoleCall(t, theirs.cookie);
    expect((await call('PATCH', `/settings/members/${victim.id}`, { role: 'admin' })).status).toBe(404);
    expect((await call('DELETE', `/settings/members/${victim.id}`)).status).toBe(404);
    expect((await call('DELETE', '/settings/members/not-a-uuid')).status).toBe(404);
    const list = (await readJson(await call('GET', '/settings/members'))).members;
    expect(list.map((m: MemberRow) => m.email)).toEqual(['them@other.example']);
    expect(await memberRows()).toEqual(before);
    // Inviting an email that is a member elsewhere adds them here only.
    expect((await call('POST', '/settings/members', { email: 'root@members.example', role: 'csm' })).status).toBe(201);
    expect((await memberRows()).find((m) => m.email === 'root@members.example')?.role).toBe('admin');
  });
});
