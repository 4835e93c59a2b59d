import { createLoginLink } from '@candor/api/auth/login-links';
import { tenant } from '@candor/api/db/tenant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleHeaders, followLoginLink } from '../support/console-session';
import { createTestWorkspace, readJson, startTestApp, type TestApp } from '../support/harness';

/** Signs a member in through the real /login link and returns the session cookie header. */
async function signIn(t: TestApp, workspaceId: string, email: string, role: 'admin' | 'csm') {
  const link = await createLoginLink(t.deps, { workspaceId, email, role });
  return (await followLoginLink(t, link.url)).cookie;
}

describe('console guide editor and preview', () => {
  let t: TestApp;
  let ws: { id: string };
  let admin: string;
  let csm: string;
  let otherAdmin: string;
  let guideId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ws = { id: (await createTestWorkspace(t, 'Guides Co')).id };
    const other = await createTestWorkspace(t, 'Other Co');
    admin = await signIn(t, ws.id, 'admin@guides.example', 'admin');
    csm = await signIn(t, ws.id, 'csm@guides.example', 'csm');
    otherAdmin = await signIn(t, other.id, 'admin@other.example', 'admin');
    const list = await readJson(await t.request('/console/api/guides', { headers: { cookie: admin } }));
    guideId = list.items[0].id;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const send = (method: string, path: string, cookie: string, json?: unknown) =>
    t.request(`/console/api${path}`, { method, headers: consoleHeaders(cookie, method), json });
  const versions = () =>
    tenant(t.deps.db, ws)
      .selectFrom('guide_versions')
      .select(['version', 'definition'])
      .where('guide_id', '=', guideId)
      .orderBy('version')
      .execute();

  it('an admin edit stores version 2 and leaves version 1 as it was', async () => {
    const before = await versions();
    expect(before.map((v) => v.version)).toEqual([1]);
    const res = await send('PATCH', `/guides/${guideId}`, admin, {
      opening_message: 'Hi! Two minutes on how onboarding went?',
      limits: { max_turns: 4, max_minutes: 5 },
    });
    expect(res.status).toBe(200);
    const saved = await readJson(res);
    expect(saved.version).toBe(2);
    expect(saved.body.opening_message).toBe('Hi! Two minutes on how onboarding went?');
    expect(saved.body.limits).toEqual({ max_turns: 4, max_minutes: 5 });
    // Untouched fields carry over from version 1.
    expect(saved.body.objective).toBe((before[0]!.definition as { objective: string }).objective);
    const after = await versions();
    expect(after.map((v) => v.version)).toEqual([1, 2]);
    expect(after[0]!.definition).toEqual(before[0]!.definition);
    const detail = await readJson(await send('GET', `/guides/${guideId}`, csm));
    expect(detail.guide.current_version).toBe(2);
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('a csm may read guides but not edit or preview them', async () => {
    const res = await send('PATCH', `/guides/${guideId}`, csm, { opening_message: 'Sneaky edit here' });
    expect(res.status).toBe(403);
    expect((await readJson(res)).error.code).toBe('forbidden');
    expect((await send('POST', `/guides/${guideId}/preview`, csm)).status).toBe(403);
    expect((await versions()).length).toBe(2);
  });

  it('a bad body is a 400 naming the field, and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ topics: [] }, 'topics'],
      [{ limits: { max_turns: 0, max_minutes: 5 } }, 'limits.max_turns'],
      [
        { topics: [{ key: 'Bad Key', question: 'Why?', probing: '', follow_up: 'Tell me more', required: true }] },
        'topics.0',
      ],
      [{ opening_mesage: 'typo in the field name' }, 'opening_mesage'],
      [['not', 'an', 'object'], 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await send('PATCH', `/guides/${guideId}`, admin, body);
      expect(res.status).toBe(400);
      const error = (await readJson(res)).error;
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain(field);
    }
    expect((await versions()).length).toBe(2);
  });

  it("another workspace's admin cannot edit the guide", async () => {
    const res = await send('PATCH', `/guides/${guideId}`, otherAdmin, { opening_message: 'Not my guide at all' });
    expect(res.status).toBe(404);
    expect((await send('PATCH', '/guides/not-a-uuid', admin, { name: 'x' })).status).toBe(404);
    expect((await versions()).length).toBe(2);
  });

  it('a preview runs the current version through the real widget endpoints', async () => {
    const res = await send('POST', `/guides/${guideId}/preview`, admin);
    expect(res.status).toBe(201);
    const preview = await readJson(res);
    expect(preview.guide_version).toBe(2);
    const started = await t.request(`/v1/widget/interviews/${preview.interview_id}/start`, {
      method: 'POST',
      token: preview.token,
    });
    expect(started.status).toBe(200);
    const view = await readJson(started);
    expect(view.status).toBe('started');
    expect(view.messages[0].text).toContain('Hi! Two minutes on how onboarding went?');

    const reply = await t.request(`/v1/widget/interviews/${preview.interview_id}/messages`, {
      method: 'POST',
      token: preview.token,
      json: { client_id: 'p1', text: 'Setup was slow because the SSO docs were confusing for our team.' },
    });
    expect(reply.status).toBe(200);
    const stream = await reply.text();
    expect(stream).toContain('event: message');
    expect(stream).toContain('event: done');

    // One preview contact per workspace, reused by the next preview.
    const again = await readJson(await send('POST', `/guides/${guideId}/preview`, admin));
    expect(again.interview_id).not.toBe(preview.interview_id);
    const contacts = await tenant(t.deps.db, ws)
      .selectFrom('contacts')
      .select(['external_id', 'attributes'])
      .where('external_id', '=', 'candor-preview')
      .execute();
    expect(contacts).toEqual([{ external_id: 'candor-preview', attributes: { preview: true } }]);
  });
});
