import { identityHash } from '@candor/api/widget-auth/identity-proof';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

// The widget sends identify as text/plain (a CORS-simple request: no preflight). The body is
// still JSON and still validated as such; nothing else accepts text/plain for JSON.
describe(`identify as a CORS-simple request (${databaseKind})`, () => {
  let t: TestApp;
  let ws: Awaited<ReturnType<typeof createTestWorkspace>>;
  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
  });
  afterAll(() => t?.close());

  const plain = (path: string, body: string, headers: Record<string, string> = {}) =>
    t.request(path, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://app.customer.example', ...headers },
      body,
    });

  it('identifies from a text/plain JSON body, with CORS headers on the answer', async () => {
    const res = await plain(
      '/v1/widget/identify',
      JSON.stringify({
        key: ws.publishable_key,
        user: { id: 'u_plain', name: 'Plain' },
        locale: 'en',
        userHash: identityHash(ws.identity_secret, 'u_plain'),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await readJson(res);
    expect(body.token).toEqual(expect.any(String));
    const contact = await t.deps.db
      .selectFrom('contacts')
      .select(['name'])
      .where('workspace_id', '=', ws.id)
      .where('external_id', '=', 'u_plain')
      .executeTakeFirstOrThrow();
    expect(contact.name).toBe('Plain');
    // The token works for the calls that follow (JSON with a bearer token, as before).
    const track = await t.request('/v1/widget/track', { method: 'POST', token: body.token, json: { event: 'opened' } });
    expect(track.status).toBe(200);
  });

  it('still accepts application/json', async () => {
    const res = await t.request('/v1/widget/identify', {
      method: 'POST',
      json: { key: ws.publishable_key, user: { id: 'u_json' }, userHash: identityHash(ws.identity_secret, 'u_json') },
    });
    expect(res.status).toBe(200);
  });

  it('validates a text/plain body exactly as JSON: malformed or invalid is a 400, a wrong key a 401', async () => {
    expect((await plain('/v1/widget/identify', '{"key": ')).status).toBe(400);
    const invalid = await plain('/v1/widget/identify', JSON.stringify({ key: ws.publishable_key, user: { id: '' } }));
    expect(invalid.status).toBe(400);
    const wrongKey = await plain('/v1/widget/identify', JSON.stringify({ key: 'pk_nope', user: { id: 'x' } }));
    expect(wrongKey.status).toBe(401);
  });

  it('takes text/plain nowhere else: track and the server API refuse it', async () => {
    const { token } = await readJson(
      await t.request('/v1/widget/identify', {
        method: 'POST',
        json: { key: ws.publishable_key, user: { id: 'u_t' }, userHash: identityHash(ws.identity_secret, 'u_t') },
      }),
    );
    const track = await plain('/v1/widget/track', JSON.stringify({ event: 'plain_track' }), {
      authorization: `Bearer ${token}`,
    });
    expect(track.status).not.toBe(200);
    const events = await plain('/v1/events', JSON.stringify({ events: [{ event: 'plain_events' }] }), {
      authorization: `Bearer ${ws.secret_key}`,
    });
    expect(events.status).not.toBe(200);
    const stored = await t.deps.db
      .selectFrom('events')
      .select('name')
      .where('workspace_id', '=', ws.id)
      .where('name', 'in', ['plain_track', 'plain_events'])
      .execute();
    expect(stored).toEqual([]);
  });
});
