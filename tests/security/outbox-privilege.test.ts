import { consumeLoginLink } from '@candor/api/auth/login-links';
import { runCommand } from '@candor/api/cli/commands';
import { sendInvitationEmail } from '@candor/api/triggers/invitation-email';
import { loadInvitationSettings } from '@candor/api/triggers/workspace-settings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, followLoginLink, signIn } from '../support/console-session';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { invite, seedWorkspace } from '../support/interview-fixtures';

/** Every secret a stored email carries: sign-in, interview and unsubscribe tokens. */
const secretsIn = (text: string) =>
  [...text.matchAll(/https?:\/\/[^\s"'<>/]+(?:\/login\?token=|\/i\/|\/unsubscribe\/)([^\s"'<>]+)/g)].map((m) => m[1]!);

describe(`the outbox grants no privilege (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  let admin: ReturnType<typeof consoleCall>;
  let csm: ReturnType<typeof consoleCall>;
  let inviteEmail: { id: string; text: string; html: string };
  let interviewEmail: { id: string; text: string; html: string };
  const stored = (id: string) =>
    t.deps.db
      .selectFrom('outbox_emails')
      .select(['id', 'text', 'html', 'kind'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await startTestApp();
    const seeded = await seedWorkspace(t);
    ws = seeded.ws;
    admin = consoleCall(t, (await signIn(t, ws.id, 'root@acme.io', 'admin')).cookie);
    csm = consoleCall(t, (await signIn(t, ws.id, 'casey@acme.io', 'csm')).cookie);

    // An admin invites a second admin: the email holds an unused admin sign-in link.
    expect((await admin('POST', '/settings/members', { email: 'next.admin@acme.io', role: 'admin' })).status).toBe(201);
    const invited = await t.deps.db
      .selectFrom('outbox_emails')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('kind', '=', 'member_invite')
      .executeTakeFirstOrThrow();
    inviteEmail = await stored(invited.id);

    // A customer's interview invitation: an /i/ link that answers as them, and an unsubscribe link.
    const interview = await invite(t, ws, seeded.guideId, 'email');
    const emailId = await sendInvitationEmail(
      t.deps,
      ws,
      interview.id,
      false,
      await loadInvitationSettings(t.deps.db, ws),
    );
    interviewEmail = await stored(emailId!);
    expect(secretsIn(inviteEmail.text)).toHaveLength(1);
    expect(secretsIn(interviewEmail.text).length).toBeGreaterThanOrEqual(2);
  }, 120_000);

  afterAll(() => t?.close());

  it('refuses a csm the outbox list and every email in it', async () => {
    const list = await csm('GET', '/outbox');
    expect(list.status).toBe(403);
    for (const id of [inviteEmail.id, interviewEmail.id]) {
      const res = await csm('GET', `/outbox/${id}`);
      expect(res.status).toBe(403);
      const body = await res.text();
      for (const secret of [...secretsIn(inviteEmail.text), ...secretsIn(interviewEmail.text)])
        expect(body).not.toContain(secret);
    }
    expect((await csm('POST', `/outbox/${inviteEmail.id}/resend-invite`, {})).status).toBe(403);
  });

  it('shows an admin each email with its sign-in, interview and unsubscribe links redacted', async () => {
    const secrets = [...secretsIn(inviteEmail.text + inviteEmail.html), ...secretsIn(interviewEmail.text)];
    const list = await admin('GET', '/outbox');
    expect(list.status).toBe(200);
    const listed = await list.text();
    expect(JSON.parse(listed).items.map((e: { id: string }) => e.id)).toEqual(
      expect.arrayContaining([inviteEmail.id, interviewEmail.id]),
    );
    for (const secret of secrets) expect(listed).not.toContain(secret);

    for (const { id, links } of [
      { id: inviteEmail.id, links: ['/login?[redacted]'] },
      { id: interviewEmail.id, links: ['/i/[redacted]', '/unsubscribe/[redacted]'] },
    ]) {
      const res = await admin('GET', `/outbox/${id}`);
      expect(res.status).toBe(200);
      const raw = await res.text();
      for (const secret of secrets) expect(raw).not.toContain(secret);
      const email = JSON.parse(raw);
      for (const link of links) {
        expect(email.text).toContain(`http://candor.test${link}`);
        expect(email.html).toContain(`http://candor.test${link}`);
      }
      expect(email.redacted_links).toBeGreaterThanOrEqual(links.length);
    }
  });

  it('resends an invite with a fresh sign-in link for the admin, never the stored one', async () => {
    const [storedSecret] = secretsIn(inviteEmail.text);
    const res = await admin('POST', `/outbox/${inviteEmail.id}/resend-invite`, {});
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(body).toMatchObject({ email: 'next.admin@acme.io', role: 'admin' });
    expect(body.url).toMatch(/^http:\/\/candor\.test\/login\?token=/);
    expect(body.url).not.toContain(storedSecret);
    // A new email went to the invitee's own channel.
    const invites = await t.deps.db
      .selectFrom('outbox_emails')
      .select('text')
      .where('workspace_id', '=', ws.id)
      .where('to_address', '=', 'next.admin@acme.io')
      .execute();
    expect(invites).toHaveLength(2);
    expect(invites.some((e) => e.text.includes(body.url))).toBe(true);

    // An interview invitation is the customer's alone: there is nothing to resend from here.
    const notInvite = await admin('POST', `/outbox/${interviewEmail.id}/resend-invite`, {});
    expect(notInvite.status).toBe(400);

    // The link in the stored email is revoked: reading it anywhere now gets nobody in.
    expect(await consumeLoginLink(t.deps, decodeURIComponent(storedSecret!), new Headers())).toBeUndefined();

    const next = consoleCall(t, (await followLoginLink(t, body.url)).cookie);
    expect((await readJson(await next('GET', '/me'))).member).toMatchObject({
      email: 'next.admin@acme.io',
      role: 'admin',
    });
    // Once the invitee has signed in, the invite is spent: no new link for anyone.
    const spent = await admin('POST', `/outbox/${inviteEmail.id}/resend-invite`, {});
    expect(spent.status).toBe(409);
  });

  it('revokes the earlier link when a pending member is invited again from Settings', async () => {
    const invites = () =>
      t.deps.db
        .selectFrom('outbox_emails')
        .select('text')
        .where('to_address', '=', 'later@acme.io')
        .orderBy('created_at')
        .execute();
    expect((await admin('POST', '/settings/members', { email: 'later@acme.io', role: 'csm' })).status).toBe(201);
    expect((await admin('POST', '/settings/members', { email: 'later@acme.io', role: 'csm' })).status).toBe(201);
    const [first, second] = (await invites()).map((e) => decodeURIComponent(secretsIn(e.text)[0]!));
    expect(await consumeLoginLink(t.deps, first!, new Headers())).toBeUndefined();
    expect(await consumeLoginLink(t.deps, second!, new Headers())).toBeDefined();
  });

  it('keeps the CLI outbox free of live links unless the operator asks for them', async () => {
    const cli = (argv: string[]) => runCommand(t.deps, argv, { viaServer: false });
    const secrets = [...secretsIn(inviteEmail.text), ...secretsIn(interviewEmail.text)];
    for (const argv of [['outbox'], ['outbox', '--json']]) {
      const out = await cli(argv);
      expect(out.exitCode).toBe(0);
      expect(out.stdout).toContain('[redacted]');
      for (const secret of secrets) expect(out.stdout).not.toContain(secret);
    }
    const revealed = await cli(['outbox', '--json', '--reveal-links']);
    for (const secret of secrets) expect(revealed.stdout).toContain(secret);
  });
});
