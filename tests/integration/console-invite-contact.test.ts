import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { identify, invite, seedWorkspace } from '../support/interview-fixtures';

describe(`inviting a contact from the account page (${databaseKind})`, () => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let carol: ReturnType<typeof consoleCall>;
  let carolId: string;
  let stranger: ReturnType<typeof consoleCall>;
  let ada: string;
  let noEmail: string;
  let optedOut: string;

  const contactId = async (externalId: string, values: { email: string | null; opted_out_at?: Date }) => {
    const row = await t.deps.db
      .insertInto('contacts')
      .values({
        workspace_id: seeded.ws.id,
        account_id: seeded.accountId,
        external_id: externalId,
        name: externalId,
        attributes: {},
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const interviewsOf = async (contact: string) =>
    (await t.deps.db.selectFrom('interviews').select('id').where('contact_id', '=', contact).execute()).length;
  const check = async (contact: string, channel = 'in_app') =>
    readJson(await carol('GET', `/contacts/${contact}/invitation-check?guide_id=${seeded.guideId}&channel=${channel}`));

  beforeAll(async () => {
    t = await startTestApp();
    t.deps.now = () => new Date('2026-12-07T15:00:00Z');
    seeded = await seedWorkspace(t);
    ada = (
      await t.deps.db.selectFrom('contacts').select('id').where('external_id', '=', 'u_42').executeTakeFirstOrThrow()
    ).id;
    noEmail = await contactId('no_mail', { email: null });
    optedOut = await contactId('gone', { email: 'gone@acme.io', opted_out_at: new Date('2026-11-01T00:00:00Z') });
    const signedIn = await signIn(t, seeded.ws.id, 'carol@vendor.io', 'csm');
    carol = consoleCall(t, signedIn.cookie);
    carolId = signedIn.memberId;
    const other = await seedWorkspace(t);
    stranger = consoleCall(t, (await signIn(t, other.ws.id, 'eve@other.io', 'admin')).cookie);
  }, 120_000);
  afterAll(() => t?.close());

  it('checks the fatigue rules, sends, and records a manual invitation with its sender', async () => {
    expect(await check(ada)).toEqual({ blocked_by: null, can_send_anyway: false });
    const res = await carol('POST', `/contacts/${ada}/invitations`, { guide_id: seeded.guideId, channel: 'in_app' });
    expect(res.status).toBe(201);
    const sent = await readJson(res);
    expect(sent).toMatchObject({ outcome: 'invited', overrode: null, interview: { status: 'invited' } });
    const interview = await t.request(`/v1/interviews/${sent.interview.id}`, { token: seeded.ws.secret_key });
    expect(await readJson(interview)).toMatchObject({ status: 'invited', channel: 'in_app', contact_id: 'u_42' });
    // A manual send: an invitation without a trigger, so the funnel counts it.
    const invitation = await t.deps.db
      .selectFrom('invitations')
      .selectAll()
      .where('interview_id', '=', sent.interview.id)
      .executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ trigger_id: null, decision: 'invited', account_id: seeded.accountId });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'interview.invited')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor: `member:${carolId}`, target: sent.interview.id });
  });

  it('holds back a second invitation by the fatigue rules until the CSM knowingly sends it anyway', async () => {
    const held = await check(ada);
    expect(held.blocked_by).toMatch(/recontact_window|already_asked_guide|account_budget/);
    expect(held.can_send_anyway).toBe(true);
    const before = await interviewsOf(ada);
    const blocked = await carol('POST', `/contacts/${ada}/invitations`, {
      guide_id: seeded.guideId,
      channel: 'in_app',
    });
    expect(blocked.status).toBe(200);
    expect(await readJson(blocked)).toEqual({ outcome: 'blocked', ...held });
    expect(await interviewsOf(ada)).toBe(before);

    const anyway = await carol('POST', `/contacts/${ada}/invitations`, {
      guide_id: seeded.guideId,
      channel: 'in_app',
      send_anyway: true,
    });
    expect(anyway.status).toBe(201);
    expect(await readJson(anyway)).toMatchObject({ outcome: 'invited', overrode: held.blocked_by });
    expect(await interviewsOf(ada)).toBe(before + 1);
  });

  it('never overrides an opt-out or a missing email address', async () => {
    for (const [contact, channel, reason] of [
      [optedOut, 'in_app', 'opted_out'],
      [noEmail, 'email', 'no_email'],
    ] as const) {
      expect(await check(contact, channel)).toEqual({ blocked_by: reason, can_send_anyway: false });
      const res = await carol('POST', `/contacts/${contact}/invitations`, {
        guide_id: seeded.guideId,
        channel,
        send_anyway: true,
      });
      expect(await readJson(res)).toEqual({ outcome: 'blocked', blocked_by: reason, can_send_anyway: false });
      expect(await interviewsOf(contact)).toBe(0);
    }
  });

  // Only the invitation itself sees an opt-out from one moment; the CSM gets the same answer as for any opt-out.
  it('answers a contact who declined this moment for good as blocked, and makes no interview', async () => {
    const { token } = await identify(t, seeded.ws, 'moment_out');
    const first = await invite(t, seeded.ws, seeded.guideId, 'in_app', 'moment_out');
    const declined = await t.request(`/v1/widget/interviews/${first.id}/decline`, {
      method: 'POST',
      token,
      json: { forever: true },
    });
    expect(declined.status).toBe(200);
    const contact = (
      await t.deps.db
        .selectFrom('contacts')
        .select('id')
        .where('external_id', '=', 'moment_out')
        .executeTakeFirstOrThrow()
    ).id;
    const res = await carol('POST', `/contacts/${contact}/invitations`, {
      guide_id: seeded.guideId,
      channel: 'in_app',
      send_anyway: true,
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ outcome: 'blocked', blocked_by: 'opted_out', can_send_anyway: false });
    expect(await interviewsOf(contact)).toBe(1);
  });

  it('sends an email invitation with a link through the triggered email path', async () => {
    const contact = await contactId('mail_me', { email: 'mail.me@acme.io' });
    const res = await carol('POST', `/contacts/${contact}/invitations`, { guide_id: seeded.guideId, channel: 'email' });
    expect(res.status).toBe(201);
    const sent = await readJson(res);
    expect(sent.interview.url).toMatch(/^http:\/\/candor\.test\/i\//);
    const interview = await t.deps.db
      .selectFrom('interviews')
      .select('channel')
      .where('id', '=', sent.interview.id)
      .executeTakeFirstOrThrow();
    expect(interview.channel).toBe('email');
  });

  it('answers bad input with a clear error and changes nothing', async () => {
    const before = await interviewsOf(noEmail);
    const badGuide = await carol('POST', `/contacts/${noEmail}/invitations`, { guide_id: 'nope', channel: 'in_app' });
    expect(badGuide.status).toBe(400);
    expect((await readJson(badGuide)).error.message).toContain('guide_id');
    const badChannel = await carol('POST', `/contacts/${noEmail}/invitations`, {
      guide_id: seeded.guideId,
      channel: 'sms',
    });
    expect(badChannel.status).toBe(400);
    expect((await readJson(badChannel)).error.message).toContain('channel');
    expect(
      (await carol('POST', '/contacts/not-a-uuid/invitations', { guide_id: seeded.guideId, channel: 'in_app' })).status,
    ).toBe(404);
    await t.deps.db.updateTable('guides').set({ archived_at: new Date() }).where('id', '=', seeded.guideId).execute();
    const archived = await carol('POST', `/contacts/${noEmail}/invitations`, {
      guide_id: seeded.guideId,
      channel: 'in_app',
    });
    expect(archived.status).toBe(409);
    await t.deps.db.updateTable('guides').set({ archived_at: null }).where('id', '=', seeded.guideId).execute();
    expect(await interviewsOf(noEmail)).toBe(before);
  });

  it("cannot reach another workspace's contacts", async () => {
    const before = await interviewsOf(noEmail);
    const res = await stranger('POST', `/contacts/${noEmail}/invitations`, {
      guide_id: seeded.guideId,
      channel: 'in_app',
      send_anyway: true,
    });
    expect(res.status).toBe(404);
    expect(
      (await stranger('GET', `/contacts/${noEmail}/invitation-check?guide_id=${seeded.guideId}&channel=in_app`)).status,
    ).toBe(404);
    expect(await interviewsOf(noEmail)).toBe(before);
  });
});
