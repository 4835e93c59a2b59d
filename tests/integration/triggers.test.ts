import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

/** The workspace's first guide (every workspace gets the lifecycle templates), or one made for the test. */
async function someGuideId(t: TestApp, workspaceId: string): Promise<string> {
  const existing = await t.deps.db
    .selectFrom('guides')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (existing) return existing.id;
  const guide = await t.deps.db
    .insertInto('guides')
    .values({ workspace_id: workspaceId, name: 'Health pulse', moment: 'health_pulse' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return guide.id;
}

describe(`trigger rules API (${databaseKind})`, () => {
  let t: TestApp;
  let key: string;
  let otherKey: string;
  let guideId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const ws = await createTestWorkspace(t);
    key = ws.secret_key;
    guideId = await someGuideId(t, ws.id);
    otherKey = (await createTestWorkspace(t, 'Other')).secret_key;
  });
  afterAll(() => t?.close());

  const renewalRule = () => ({
    name: 'Pre-renewal, 60 days out',
    guide_id: guideId,
    when: { type: 'schedule', anchor: 'renewal_date', offset_days: -60 },
    who: { type: 'account_contacts', roles: ['champion', 'economic buyer'] },
    how: { channel: 'in_app_then_email', email_after_days: 3 },
  });

  it('creates, reads, changes and deletes a rule', async () => {
    const created = await t.request('/v1/triggers', { method: 'POST', token: key, json: renewalRule() });
    expect(created.status).toBe(201);
    const rule = await readJson(created);
    expect(rule).toMatchObject({ enabled: true, when: { type: 'schedule', offset_days: -60 }, throttle: {} });

    const listed = await readJson(await t.request('/v1/triggers', { token: key }));
    expect(listed.triggers.map((r: { id: string }) => r.id)).toEqual([rule.id]);

    const patched = await t.request(`/v1/triggers/${rule.id}`, {
      method: 'PATCH',
      token: key,
      json: { enabled: false, throttle: { recontact_days: 30 } },
    });
    expect(patched.status).toBe(200);
    expect(await readJson(patched)).toMatchObject({
      enabled: false,
      throttle: { recontact_days: 30 },
      name: rule.name,
    });

    const disabled = await readJson(await t.request('/v1/triggers?enabled=true', { token: key }));
    expect(disabled.triggers).toEqual([]);

    expect((await t.request(`/v1/triggers/${rule.id}`, { method: 'DELETE', token: key })).status).toBe(204);
    expect((await t.request(`/v1/triggers/${rule.id}`, { token: key })).status).toBe(404);
  });

  it('rejects an invalid rule with the field path and stores nothing', async () => {
    const res = await t.request('/v1/triggers', {
      method: 'POST',
      token: key,
      json: { ...renewalRule(), when: { type: 'usage_drop', percent: 150, days: 14 } },
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.message).toMatch(/when\.percent/);
    const unknownGuide = await t.request('/v1/triggers', {
      method: 'POST',
      token: key,
      json: { ...renewalRule(), guide_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownGuide.status).toBe(400);
    expect((await readJson(await t.request('/v1/triggers', { token: key }))).triggers).toEqual([]);
  });

  it('rejects a patch that would make the rule invalid, leaving it unchanged', async () => {
    const rule = await readJson(await t.request('/v1/triggers', { method: 'POST', token: key, json: renewalRule() }));
    const res = await t.request(`/v1/triggers/${rule.id}`, {
      method: 'PATCH',
      token: key,
      json: { how: { channel: 'in_app_then_email' } },
    });
    expect(res.status).toBe(400);
    expect(await readJson(await t.request(`/v1/triggers/${rule.id}`, { token: key }))).toEqual(rule);
  });

  it("never shows or changes another workspace's rules", async () => {
    const rule = await readJson(await t.request('/v1/triggers', { method: 'POST', token: key, json: renewalRule() }));
    expect((await t.request(`/v1/triggers/${rule.id}`, { token: otherKey })).status).toBe(404);
    expect((await t.request(`/v1/triggers/${rule.id}`, { method: 'DELETE', token: otherKey })).status).toBe(404);
    expect((await readJson(await t.request('/v1/triggers', { token: otherKey }))).triggers).toEqual([]);
    // a guide of another workspace cannot be used
    const stolen = await t.request('/v1/triggers', { method: 'POST', token: otherKey, json: renewalRule() });
    expect(stolen.status).toBe(400);
  });

  it('requires the secret key', async () => {
    expect((await t.request('/v1/triggers')).status).toBe(401);
  });
});
