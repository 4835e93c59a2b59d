import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

describe(`Idempotency-Key on mutating calls (${databaseKind})`, () => {
  let t: TestApp;
  let key: string;
  let otherKey: string;
  beforeAll(async () => {
    t = await startTestApp();
    key = (await createTestWorkspace(t, 'Acme')).secret_key;
    otherKey = (await createTestWorkspace(t, 'Globex')).secret_key;
  });
  afterAll(() => t?.close());

  const track = (idempotencyKey: string, events: unknown[], token = key) =>
    t.request('/v1/events', {
      method: 'POST',
      token,
      json: { events },
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  const countEvents = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('replays the first response for the same key and body, storing once', async () => {
    const events = [{ event: 'login', contact_id: 'u_1' }];
    const first = await track('key-1', events);
    expect(first.status).toBe(200);
    const firstBody = await readJson(first);
    expect(firstBody).toEqual({ recorded: 1, duplicates: 0, contacts_created: 1 });
    const again = await track('key-1', events);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    // Not a second run (which would report contacts_created 0): the stored first answer.
    expect(await readJson(again)).toEqual(firstBody);
    expect(await countEvents()).toBe(1);
  });

  it('answers 422 for the same key with a different body, and writes nothing', async () => {
    const res = await track('key-1', [{ event: 'logout', contact_id: 'u_1' }]);
    expect(res.status).toBe(422);
    expect((await readJson(res)).error.code).toBe('idempotency_key_reused');
    expect(await countEvents()).toBe(1);
  });

  it('treats the same key on another endpoint as a different request (422)', async () => {
    const res = await t.request('/v1/accounts', {
      method: 'POST',
      token: key,
      json: { accounts: [{ id: 'a', name: 'A' }] },
      headers: { 'Idempotency-Key': 'key-1' },
    });
    expect(res.status).toBe(422);
  });

  it('scopes keys per workspace', async () => {
    const res = await track('key-1', [{ event: 'logout', contact_id: 'u_9' }], otherKey);
    expect(res.status).toBe(200);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(await readJson(res)).toMatchObject({ recorded: 1 });
  });

  it('does not remember a rejected request: a corrected retry may reuse the key', async () => {
    const bad = await track('key-2', [{ event: 'login' }]);
    expect(bad.status).toBe(400);
    const good = await track('key-2', [{ event: 'login', contact_id: 'u_2' }]);
    expect(good.status).toBe(200);
    expect(good.headers.get('idempotent-replayed')).toBeNull();
  });

  it('lets concurrent duplicates through at most once', async () => {
    const before = await countEvents();
    const events = Array.from({ length: 200 }, (_, i) => ({ event: 'feature_used', contact_id: `c_${i % 20}` }));
    const responses = await Promise.all([track('key-3', events), track('key-3', events), track('key-3', events)]);
    const statuses = responses.map((r) => r.status);
    for (const s of statuses) expect([200, 409]).toContain(s);
    expect(statuses).toContain(200);
    for (const r of responses.filter((r) => r.status === 409))
      expect((await readJson(r)).error.code).toBe('idempotency_key_in_use');
    expect(await countEvents()).toBe(before + 200);
    // Once the first finished, a retry gets its answer.
    const retry = await track('key-3', events);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  });

  it('checks the key itself: longer than 255 characters → 400', async () => {
    const res = await track('k'.repeat(256), [{ event: 'login', contact_id: 'u_1' }]);
    expect(res.status).toBe(400);
  });

  it('works for DELETE too', async () => {
    const first = await t.request('/v1/contacts/u_1', {
      method: 'DELETE',
      token: key,
      headers: { 'Idempotency-Key': 'erase-u1' },
    });
    expect(first.status).toBe(200);
    const again = await t.request('/v1/contacts/u_1', {
      method: 'DELETE',
      token: key,
      headers: { 'Idempotency-Key': 'erase-u1' },
    });
    expect(again.status).toBe(200);
    expect(await readJson(again)).toEqual(await readJson(first));
    // Without the key, a repeat finds nothing left to erase.
    expect((await t.request('/v1/contacts/u_1', { method: 'DELETE', token: key })).status).toBe(404);
  });
});
