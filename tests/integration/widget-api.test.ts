import { identityHash } from '@candor/api/widget-auth/identity-proof';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';

describe('widget API: identify, track and interview tokens', () => {
  let t: TestApp;
  const realNow = () => new Date();
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterEach(() => {
    t.deps.now = realNow;
  });
  afterAll(async () => {
    await t?.close();
  });

  const contactsNamed = (wsId: string, externalId: string) =>
    t.deps.db
      .selectFrom('contacts')
      .selectAll()
      .where('workspace_id', '=', wsId)
      .where('external_id', '=', externalId)
      .execute();

  it('rejects an unknown publishable key', async () => {
    const res = await t.request('/v1/widget/identify', { method: 'POST', json: { key: 'pk_nope', user: { id: 'x' } } });
    expect(res.status).toBe(401);
  });

  it('upserts the contact and account by external id and answers a token', async () => {
    const ws = await createTestWorkspace(t);
    const body = {
      key: ws.publishable_key,
      user: { id: 'w_1', email: 'grace@navy.mil', name: 'Grace', attributes: { plan: 'team' } },
      account: { id: 'navy', name: 'US Navy' },
      userHash: identityHash(ws.identity_secret, 'w_1'),
      locale: 'en-US',
    };
    const first = await readJson(await t.request('/v1/widget/identify', { method: 'POST', json: body }));
    expect(first.token).toEqual(expect.any(String));
    expect(first.invitation).toBeNull();
    await t.request('/v1/widget/identify', {
      method: 'POST',
      json: {
        key: ws.publishable_key,
        user: { id: 'w_1', attributes: { seats: 5 } },
        userHash: identityHash(ws.identity_secret, 'w_1'),
      },
    });
    const [contact] = await contactsNamed(ws.id, 'w_1');
    expect(contact).toMatchObject({ email: 'grace@navy.mil', name: 'Grace', locale: 'en-US' });
    expect(contact?.attributes).toEqual({ plan: 'team', seats: 5 });
    const account = await t.deps.db
      .selectFrom('accounts')
      .select(['id', 'name'])
      .where('workspace_id', '=', ws.id)
      .where('external_id', '=', 'navy')
      .executeTakeFirstOrThrow();
    expect(account.name).toBe('US Navy');
    expect(contact?.account_id).toBe(account.id);
  });

  it('with identity verification on (a new workspace), a missing or wrong userHash is a 401 and stores nothing', async () => {
    const ws = await createTestWorkspace(t);
    const send = (userHash?: string) =>
      t.request('/v1/widget/identify', {
        method: 'POST',
        json: {
          key: ws.publishable_key,
          user: { id: 'v_1' },
          account: { id: 'acct_v' },
          ...(userHash ? { userHash } : {}),
        },
      });
    expect((await send()).status).toBe(401);
    expect((await send(identityHash('not-the-secret', 'v_1'))).status).toBe(401);
    expect((await send('zz')).status).toBe(401);
    expect(await contactsNamed(ws.id, 'v_1')).toHaveLength(0);
    const accounts = await t.deps.db.selectFrom('accounts').select('id').where('workspace_id', '=', ws.id).execute();
    expect(accounts).toHaveLength(0);
    const ok = await send(identityHash(ws.identity_secret, 'v_1'));
    expect(ok.status).toBe(200);
    expect(await contactsNamed(ws.id, 'v_1')).toHaveLength(1);
  });

  it('track records the event for the contact and answers the waiting invitation, marking it shown', async () => {
    const { ws, guideId, accountId } = await seedWorkspace(t);
    const { token } = await identify(t, ws);
    const none = await readJson(
      await t.request('/v1/widget/track', { method: 'POST', token, json: { event: 'report_viewed' } }),
    );
    expect(none).toEqual({ invitation: null });
    const { id } = await invite(t, ws, guideId, 'in_app');
    const res = await t.request('/v1/widget/track', {
      method: 'POST',
      token,
      json: { event: 'report_exported', properties: { format: 'csv' } },
    });
    expect((await readJson(res)).invitation).toMatchObject({ interview_id: id, moment: 'health_pulse' });
    const events = await t.deps.db
      .selectFrom('events')
      .select(['name', 'properties', 'account_id'])
      .where('workspace_id', '=', ws.id)
      .orderBy('received_at')
      .execute();
    expect(events.map((e) => e.name)).toEqual(['report_viewed', 'report_exported']);
    expect(events[1]).toMatchObject({ properties: { format: 'csv' }, account_id: accountId });
    const row = await t.deps.db
      .selectFrom('interviews')
      .select('shown_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.shown_at).not.toBeNull();
    expect((await t.request('/v1/widget/track', { method: 'POST', json: { event: 'x' } })).status).toBe(401);
  });

  it('accepts the link token and the widget token on the same interview', async () => {
    const { ws, guideId } = await seedWorkspace(t);
    const { id, url } = await invite(t, ws, guideId, 'email');
    expect(url).toMatch(/^http:\/\/candor\.test\/i\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const link = url!.split('/i/')[1]!;
    const { token } = await identify(t, ws);
    const emails = await t.deps.db
      .selectFrom('outbox_emails')
      .select(['to_address', 'text'])
      .where('workspace_id', '=', ws.id)
      .execute();
    expect(emails).toEqual([expect.objectContaining({ to_address: 'ada@acme.io' })]);
    expect(emails[0]?.text).toContain('http://candor.test/i/');

    const started = await readJson(
      await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token: link }),
    );
    expect(started.messages).toHaveLength(1);
    await answer(t, id, token, 'l1', longAnswer('alerts'));
    await answer(t, id, link, 'l2', longAnswer('audit logs'));
    const viaLink = await readJson(await t.request(`/v1/widget/interviews/${id}`, { token: link }));
    const viaWidget = await readJson(await t.request(`/v1/widget/interviews/${id}`, { token }));
    expect(viaLink).toEqual(viaWidget);
    expect(viaLink.messages).toHaveLength(5);
    // A link token opens exactly its own interview, and cannot track.
    const other = await invite(t, ws, guideId, 'in_app');
    expect((await t.request(`/v1/widget/interviews/${other.id}`, { token: link })).status).toBe(404);
    expect((await t.request('/v1/widget/track', { method: 'POST', token: link, json: { event: 'x' } })).status).toBe(
      401,
    );
  });

  it("answers 404 to another workspace's or another contact's token", async () => {
    const a = await seedWorkspace(t);
    const b = await seedWorkspace(t);
    const { id } = await invite(t, a.ws, a.guideId);
    const otherWorkspace = (await identify(t, b.ws)).token;
    expect((await t.request(`/v1/widget/interviews/${id}`, { token: otherWorkspace })).status).toBe(404);
    expect((await answer(t, id, otherWorkspace, 'z', longAnswer('nothing'))).status).toBe(404);
    await t.deps.db
      .insertInto('contacts')
      .values({ workspace_id: a.ws.id, external_id: 'u_99', attributes: {}, account_id: null })
      .execute();
    const otherContact = (await identify(t, a.ws, 'u_99')).token;
    expect((await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token: otherContact })).status).toBe(
      404,
    );
    expect((await t.request(`/v1/widget/interviews/${id}`, { token: 'not.a.token' })).status).toBe(401);
    expect((await t.request(`/v1/widget/interviews/${id}`, { token: a.ws.secret_key })).status).toBe(401);
  });

  it('rejects an expired link token and an expired widget token', async () => {
    const { ws, guideId } = await seedWorkspace(t);
    t.deps.now = () => new Date(Date.now() - 15 * 86_400_000);
    const { id, url } = await invite(t, ws, guideId, 'email');
    t.deps.now = () => new Date(Date.now() - 3 * 3_600_000);
    const { token: oldWidget } = await identify(t, ws);
    t.deps.now = realNow;
    const link = url!.split('/i/')[1]!;
    expect((await t.request(`/v1/widget/interviews/${id}`, { token: link })).status).toBe(401);
    expect((await t.request(`/v1/widget/interviews/${id}`, { token: oldWidget })).status).toBe(401);
  });

  it('stops accepting a token that has worked once it expires', async () => {
    const { ws, guideId } = await seedWorkspace(t);
    const { id, url } = await invite(t, ws, guideId, 'email');
    const { token: widget } = await identify(t, ws);
    const link = url!.split('/i/')[1]!;
    for (const token of [widget, link, widget, link])
      expect((await t.request(`/v1/widget/interviews/${id}`, { token })).status).toBe(200);
    t.deps.now = () => new Date(Date.now() + 3 * 3_600_000);
    expect((await t.request(`/v1/widget/interviews/${id}`, { token: widget })).status).toBe(401);
    expect((await t.request(`/v1/widget/interviews/${id}`, { token: link })).status).toBe(200);
    t.deps.now = () => new Date(Date.now() + 15 * 86_400_000);
    expect((await t.request(`/v1/widget/interviews/${id}`, { token: link })).status).toBe(401);
    t.deps.now = realNow;
  });
});

describe('server API: /v1/interviews', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('validates the invite and lists interviews with filters and pages', async () => {
    const { ws, guideId } = await seedWorkspace(t);
    const bad = await t.request('/v1/interviews', {
      method: 'POST',
      token: ws.secret_key,
      json: { contact_id: 'u_42', guide_id: guideId, channel: 'sms' },
    });
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).error.message).toContain('channel');
    const unknown = await t.request('/v1/interviews', {
      method: 'POST',
      token: ws.secret_key,
      json: { contact_id: 'nobody', guide_id: guideId, channel: 'in_app' },
    });
    expect(unknown.status).toBe(404);
    const other = await seedWorkspace(t);
    const foreignGuide = await t.request('/v1/interviews', {
      method: 'POST',
      token: ws.secret_key,
      json: { contact_id: 'u_42', guide_id: other.guideId, channel: 'in_app' },
    });
    expect(foreignGuide.status).toBe(404);
    expect((await t.request('/v1/interviews', { method: 'POST', json: {} })).status).toBe(401);

    const keyed = () =>
      t.request('/v1/interviews', {
        method: 'POST',
        token: ws.secret_key,
        headers: { 'Idempotency-Key': 'invite-once' },
        json: { contact_id: 'u_42', guide_id: guideId, channel: 'in_app' },
      });
    const first = await readJson(await keyed());
    expect((await readJson(await keyed())).id).toBe(first.id);
    const second = await invite(t, ws, guideId, 'email');
    const { token } = await identify(t, ws);
    await t.request(`/v1/widget/interviews/${second.id}/start`, { method: 'POST', token });

    const page1 = await readJson(await t.request('/v1/interviews?limit=1', { token: ws.secret_key }));
    expect(page1.data).toHaveLength(1);
    expect(page1.data[0].id).toBe(second.id);
    const page2 = await readJson(
      await t.request(`/v1/interviews?limit=1&cursor=${page1.next_cursor}`, { token: ws.secret_key }),
    );
    expect(page2.data.map((i: { id: string }) => i.id)).toEqual([first.id]);
    expect(page2.next_cursor).toBeNull();

    const started = await readJson(await t.request('/v1/interviews?status=started', { token: ws.secret_key }));
    expect(started.data.map((i: { id: string }) => i.id)).toEqual([second.id]);
    const byAccount = await readJson(await t.request('/v1/interviews?account_id=acme', { token: ws.secret_key }));
    expect(byAccount.data).toHaveLength(2);
    const byContact = await readJson(await t.request('/v1/interviews?contact_id=someone', { token: ws.secret_key }));
    expect(byContact.data).toHaveLength(0);
    expect((await t.request('/v1/interviews?cursor=garbage', { token: ws.secret_key })).status).toBe(400);
    expect((await t.request(`/v1/interviews/${first.id}`, { token: other.ws.secret_key })).status).toBe(404);
    const openapi = await readJson(await t.request('/openapi.json'));
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/v1/interviews', '/v1/interviews/{id}', '/v1/widget/interviews/{id}/messages']),
    );
  });
});
