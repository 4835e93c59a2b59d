import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Analytics } from '@segment/analytics-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

describe(`POST /v1/segment (${databaseKind})`, () => {
  let t: TestApp;
  let server: ServerType;
  let baseUrl: string;
  let key: string;
  beforeAll(async () => {
    t = await startTestApp();
    key = (await createTestWorkspace(t, 'Acme')).secret_key;
    // A real listening server, so the Segment library talks to Candor over HTTP as it would in production.
    await new Promise<void>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  const client = (writeKey: string) => {
    const analytics = new Analytics({ writeKey, host: baseUrl, path: '/v1/segment', flushAt: 50, maxRetries: 0 });
    const errors: unknown[] = [];
    analytics.on('error', (err) => errors.push(err));
    return { analytics, errors };
  };
  const contact = async (id: string) => readJson(await t.request(`/v1/contacts/${id}`, { token: key }));
  const eventsOf = (externalId: string) =>
    t.deps.db
      .selectFrom('events')
      .innerJoin('contacts', 'contacts.id', 'events.contact_id')
      .leftJoin('accounts', 'accounts.id', 'events.account_id')
      .select(['events.name', 'events.properties', 'events.occurred_at', 'accounts.external_id as account'])
      .where('contacts.external_id', '=', externalId)
      .orderBy('events.occurred_at')
      .execute();

  it('takes identify, group and track from @segment/analytics-node with the secret key as write key', async () => {
    const { analytics, errors } = client(key);
    analytics.identify({
      userId: 'u_42',
      traits: { email: 'ada@acme.io', firstName: 'Ada', lastName: 'Lovelace', title: 'VP Ops', seats: 12 },
    });
    analytics.group({
      userId: 'u_42',
      groupId: 'acme',
      traits: { name: 'Acme Inc', plan: 'enterprise', arr: 52000, industry: 'retail' },
    });
    analytics.track({
      userId: 'u_42',
      event: 'Report Exported',
      properties: { format: 'csv' },
      timestamp: new Date('2026-06-01T09:00:00Z'),
      context: { groupId: 'acme' },
    });
    analytics.track({ userId: 'u_42', event: 'Dashboard Viewed', timestamp: new Date('2026-06-02T09:00:00Z') });
    analytics.track({ anonymousId: 'anon-1', event: 'Pricing Viewed' });
    await analytics.closeAndFlush({ timeout: 15_000 });
    expect(errors).toEqual([]);

    expect(await contact('u_42')).toMatchObject({
      id: 'u_42',
      account_id: 'acme',
      email: 'ada@acme.io',
      name: 'Ada Lovelace',
      role: 'VP Ops',
      attributes: { seats: 12 },
    });
    const account = await readJson(await t.request('/v1/accounts/acme', { token: key }));
    expect(account).toMatchObject({
      name: 'Acme Inc',
      plan: 'enterprise',
      arr: 52000,
      attributes: { industry: 'retail' },
    });
    const events = await eventsOf('u_42');
    expect(events.map((e) => [e.name, e.account, new Date(e.occurred_at).toISOString()])).toEqual([
      ['Report Exported', 'acme', '2026-06-01T09:00:00.000Z'],
      ['Dashboard Viewed', 'acme', '2026-06-02T09:00:00.000Z'],
    ]);
    expect(events[0]!.properties).toEqual({ format: 'csv' });
  });

  it('stores a track once per messageId, even when Segment retries it', async () => {
    const { analytics } = client(key);
    for (let i = 0; i < 2; i++)
      analytics.track({
        userId: 'u_42',
        event: 'Seat Added',
        messageId: 'msg-seat-1',
        timestamp: new Date('2026-06-03T00:00:00Z'),
      });
    await analytics.closeAndFlush({ timeout: 15_000 });
    const res = await t.request('/v1/segment', {
      method: 'POST',
      token: key,
      json: { type: 'track', userId: 'u_42', event: 'Seat Added', messageId: 'msg-seat-1' },
    });
    expect(await readJson(res)).toMatchObject({ tracked: 0, duplicates: 1 });
    expect((await eventsOf('u_42')).filter((e) => e.name === 'Seat Added')).toHaveLength(1);
  });

  it('accepts a single message with HTTP Basic auth, as Segment destinations send it', async () => {
    const res = await fetch(`${baseUrl}/v1/segment`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
      },
      body: JSON.stringify({ type: 'identify', userId: 'u_7', traits: { name: 'Grace', email: 'not-an-email' } }),
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({
      success: true,
      identified: 1,
      grouped: 0,
      tracked: 0,
      duplicates: 0,
      ignored: 0,
    });
    // A malformed email is kept as an attribute rather than lost or stored as an address.
    expect(await contact('u_7')).toMatchObject({ name: 'Grace', email: null, attributes: { email: 'not-an-email' } });
  });

  it('rejects a wrong write key with 401 and stores nothing', async () => {
    const { analytics, errors } = client('sk_wrong');
    analytics.track({ userId: 'u_intruder', event: 'Login' });
    await analytics.closeAndFlush({ timeout: 15_000 });
    expect(errors.length).toBeGreaterThan(0);
    expect(String((errors[0] as { reason?: unknown }).reason ?? errors[0])).toMatch(/401/);
    expect((await t.request('/v1/contacts/u_intruder', { token: key })).status).toBe(404);
    const none = await fetch(`${baseUrl}/v1/segment`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'track', userId: 'x', event: 'Login' }),
    });
    expect(none.status).toBe(401);
  });

  it('rejects an invalid message with its path and writes nothing from the batch', async () => {
    const res = await t.request('/v1/segment', {
      method: 'POST',
      token: key,
      json: {
        batch: [
          { type: 'identify', userId: 'u_new_1', traits: { name: 'New' } },
          { type: 'track', userId: 'u_new_1', event: '' },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.message).toContain('batch.1.event');
    expect((await t.request('/v1/contacts/u_new_1', { token: key })).status).toBe(404);
    const single = await readJson(
      await t.request('/v1/segment', { method: 'POST', token: key, json: { type: 'group', userId: 'u_1' } }),
    );
    expect(single.error.message).toContain('groupId');
    const tooMany = await t.request('/v1/segment', {
      method: 'POST',
      token: key,
      json: { batch: Array.from({ length: 1001 }, () => ({ type: 'track', userId: 'u_1', event: 'x' })) },
    });
    expect(tooMany.status).toBe(400);
    expect((await readJson(tooMany)).error.message).toMatch(/at most 1000 messages/);
  });

  it('is documented in /openapi.json with both ways to send the key', async () => {
    const doc = await readJson(await t.request('/openapi.json'));
    const op = doc.paths['/v1/segment'].post;
    expect(op.security).toEqual([{ secretKey: [] }, { segmentWriteKey: [] }]);
    expect(doc.components.securitySchemes.segmentWriteKey).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(op.description).toMatch(/All or nothing/);
  });
});
