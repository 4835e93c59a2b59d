import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

describe(`event triggers from the widget (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string; publishable_key: string };
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
      json: { key: ws.publishable_key, user: { id: userId, name: 'Ada' }, account: { id: 'acme', name: 'Acme' } },
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
