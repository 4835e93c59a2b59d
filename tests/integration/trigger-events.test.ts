import { identityHash } from '@candor/api/widget-auth/identity-proof';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

describe(`event triggers from the widget (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string; publishable_key: string; identity_secret: string };
  let guideId: string;
  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    const guide = await t.deps.db
      .selectFrom('guides')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('moment', '=', 'feature_launch')
      .executeTakeFirstOrThrow();
    guideId = guide.id;
    const res = await t.request('/v1/triggers', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        name: 'Tried the new reports',
        holdout_percent: 0,
        guide_id: guideId,
        when: { type: 'event', event: 'feature_used', filter: { feature: 'reports' } },
        how: { channel: 'in_app' },
      },
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => t?.close());

  async function identify(userId: string) {
    const res = await t.request('/v1/widget/identify', {
      method: 'POST',
      json: {
        key: ws.publishable_key,
        user: { id: userId, name: 'Ada' },
        account: { id: 'acme', name: 'Acme' },
        userHash: identityHash(ws.identity_secret, userId),
      },
    });
    expect(res.status).toBe(200);
    return (await readJson(res)).token as string;
  }
  const track = async (token: string, event: string, properties: object) =>
    readJson(await t.request('/v1/widget/track', { method: 'POST', token, json: { event, properties } }));

  it('answers the matching track call with the in-app invitation', async () => {
    const token = await identify('u-1');
    expect((await track(token, 'feature_used', { feature: 'exports' })).invitation).toBeNull();
    const { invitation } = await track(token, 'feature_used', { feature: 'reports' });
    expect(invitation).toMatchObject({ moment: 'feature_launch' });
    expect(invitation.message.length).toBeGreaterThan(10);
  });

  it('does not invite the same contact twice for repeated events', async () => {
    const token = await identify('u-2');
    await track(token, 'feature_used', { feature: 'reports' });
    await track(token, 'feature_used', { feature: 'reports' });
    const contact = await t.deps.db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('external_id', '=', 'u-2')
      .executeTakeFirstOrThrow();
    const interviews = await t.deps.db
      .selectFrom('interviews')
      .select('id')
      .where('contact_id', '=', contact.id)
      .execute();
    expect(interviews).toHaveLength(1);
  });
});

describe(`event triggers from POST /v1/events (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    const guide = await t.deps.db
      .selectFrom('guides')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('moment', '=', 'onboarding')
      .executeTakeFirstOrThrow();
    await t.request('/v1/accounts', {
      method: 'POST',
      token: ws.secret_key,
      json: { accounts: [{ id: 'acme', name: 'Acme' }] },
    });
    const contacts = Array.from({ length: 12 }, (_, i) => ({
      id: `c-${i}`,
      account_id: 'acme',
      email: `c${i}@acme.io`,
    }));
    expect((await t.request('/v1/contacts', { method: 'POST', token: ws.secret_key, json: { contacts } })).status).toBe(
      200,
    );
    const res = await t.request('/v1/triggers', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        name: 'Onboarding done',
        holdout_percent: 0,
        guide_id: guide.id,
        when: { type: 'event', event: 'onboarding_completed' },
        how: { channel: 'email' },
        throttle: { recontact_days: 0 },
      },
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => t?.close());

  const invitedContacts = async () =>
    (
      await t.deps.db
        .selectFrom('invitations')
        .innerJoin('contacts', 'contacts.id', 'invitations.contact_id')
        .select(['contacts.external_id', 'invitations.decision', 'invitations.skip_reason'])
        .where('invitations.workspace_id', '=', ws.id)
        .execute()
    ).sort((a, b) => a.external_id.localeCompare(b.external_id));

  it('offers a small batch in the request and a large one through the job queue, within the account budget', async () => {
    const events = (ids: number[]) => ({
      events: ids.map((i) => ({ event: 'onboarding_completed', contact_id: `c-${i}` })),
    });
    expect((await t.request('/v1/events', { method: 'POST', token: ws.secret_key, json: events([0]) })).status).toBe(
      200,
    );
    expect(await invitedContacts()).toEqual([{ external_id: 'c-0', decision: 'invited', skip_reason: null }]);

    // 11 more contacts of the same account: more matches than the request evaluates inline
    const rest = Array.from({ length: 11 }, (_, i) => i + 1);
    expect((await t.request('/v1/events', { method: 'POST', token: ws.secret_key, json: events(rest) })).status).toBe(
      200,
    );
    const decided = await eventually(async () => {
      const rows = await invitedContacts();
      return rows.length === 12 && rows;
    });
    // the account budget (3 per 30 days by default) holds across the batch
    expect(decided.filter((r) => r.decision === 'invited')).toHaveLength(3);
    expect(decided.filter((r) => r.skip_reason === 'account_budget')).toHaveLength(9);
  });
});
