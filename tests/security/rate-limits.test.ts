import { ConfigError, loadConfig, rateLimitDefaults } from '@candor/api/config';
import { identityHash } from '@candor/api/widget-auth/identity-proof';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/console-session';
import { createTestWorkspace, readJson, startAppBeside, startTestApp, type TestApp } from '../support/harness';

// Tight limits, so a flood is a few dozen requests; one trusted proxy, so each test can
// speak from its own client address through X-Forwarded-For.
const limits = {
  widget_address: { points: 10, seconds: 60 },
  widget_key: { points: 15, seconds: 60 },
  login_link_recipient: { points: 3, seconds: 3600 },
  login_link_address: { points: 100, seconds: 3600 },
  api_writes_key: { points: 5, seconds: 60 },
};
const env = { CANDOR_RATE_LIMITS: JSON.stringify(limits), CANDOR_TRUST_PROXY: '1' };

type Requester = TestApp['request'];

// Signed like a real page (identity verification is on by default), so the flood is
// counted by the limiter and not refused for its identity first.
const identify = (
  request: Requester,
  ws: { publishable_key: string; identity_secret: string },
  address: string,
  userId: string,
) =>
  request('/v1/widget/identify', {
    method: 'POST',
    headers: { 'x-forwarded-for': address },
    json: {
      key: ws.publishable_key,
      user: { id: userId },
      account: { id: `acct_${userId}`, name: `Account ${userId}` },
      userHash: identityHash(ws.identity_secret, userId),
    },
  });

async function countRows(t: TestApp, table: 'contacts' | 'accounts', workspaceId: string) {
  const row = await t.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function expectRateLimited(res: Response, limit: keyof typeof limits) {
  expect(res.status).toBe(429);
  const { points, seconds } = limits[limit];
  expect(res.headers.get('ratelimit-policy')).toContain(`"${limit}";q=${points};w=${seconds}`);
  expect(res.headers.get('ratelimit')).toMatch(new RegExp(`"${limit}";r=0;t=\\d+`));
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(seconds);
  const body = await readJson(res);
  expect(body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/Too many requests/) } });
}

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(env);
  });
  afterAll(() => t?.close());

  it('stops an identify flood with the public key at the per-address limit, then at the per-workspace one', async () => {
    const ws = await createTestWorkspace(t);
    const flood = await Promise.all(
      Array.from({ length: 25 }, (_, i) => identify(t.request, ws, '203.0.113.7', `flood_${i}`)),
    );
    const statuses = flood.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const refused = flood.find((r) => r.status === 429) as Response;
    // Cross-origin pages can read how long to back off.
    expect(refused.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after');
    await expectRateLimited(refused, 'widget_address');
    const ok = flood.find((r) => r.status === 200) as Response;
    expect(ok.headers.get('ratelimit-policy')).toContain('"widget_address";q=10;w=60');
    expect(await countRows(t, 'contacts', ws.id)).toBe(10);
    expect(await countRows(t, 'accounts', ws.id)).toBe(10);

    // Another address gets its own budget, until the workspace's budget (15) is spent.
    const other = [];
    for (let i = 0; i < 8; i++) other.push(await identify(t.request, ws, '198.51.100.9', `other_${i}`));
    expect(other.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    await expectRateLimited(other[5] as Response, 'widget_key');
    expect(await countRows(t, 'contacts', ws.id)).toBe(15);
    expect(await countRows(t, 'accounts', ws.id)).toBe(15);

    // A body that is not JSON still counts, and gets the route's own 400 once under the limit.
    const garbled = await t.request('/v1/widget/identify', {
      method: 'POST',
      headers: { 'x-forwarded-for': '192.0.2.200', 'content-type': 'application/json' },
      body: '{"key": ',
    });
    expect(garbled.status).toBe(400);
    expect(garbled.headers.get('ratelimit-policy')).toContain('"widget_address"');

    // The widget's other writes count too: a token from before the flood is refused as well.
    const { token } = await readJson(ok.clone());
    const track = await t.request('/v1/widget/track', {
      method: 'POST',
      token,
      headers: { 'x-forwarded-for': '192.0.2.44' },
      json: { event: 'page_viewed' },
    });
    await expectRateLimited(track, 'widget_key');
  });

  it('stops sign-in links to one inbox at the per-recipient limit: no more mail goes out', async () => {
    const ws = await createTestWorkspace(t);
    const { cookie } = await signIn(t, ws.id, 'admin@acme.io', 'admin');
    const inviteTo = (email: string) =>
      t.request('/console/api/settings/members', {
        method: 'POST',
        headers: { cookie, origin: 'http://candor.test', 'x-forwarded-for': '203.0.113.50' },
        json: { email, role: 'csm' },
      });
    const mails = async (to: string) =>
      (
        await t.deps.db
          .selectFrom('outbox_emails')
          .select('id')
          .where('workspace_id', '=', ws.id)
          .where('to_address', '=', to)
          .execute()
      ).length;

    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await inviteTo('victim@example.com')).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
    expect(await mails('victim@example.com')).toBe(3);
    await expectRateLimited(await inviteTo('Victim@Example.com'), 'login_link_recipient');
    expect(await mails('victim@example.com')).toBe(3);

    // Someone else can still be invited.
    expect((await inviteTo('colleague@example.com')).status).toBe(201);
  });

  it('limits server API writes per secret key, not reads or other keys', async () => {
    const ws = await createTestWorkspace(t);
    const other = await createTestWorkspace(t, 'Other Co');
    const write = (token: string, i: number) =>
      t.request('/v1/accounts', { method: 'POST', token, json: { accounts: [{ id: `a_${i}`, name: `A ${i}` }] } });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await write(ws.secret_key, i)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    await expectRateLimited(await write(ws.secret_key, 99), 'api_writes_key');
    expect(await countRows(t, 'accounts', ws.id)).toBe(5);

    expect((await t.request('/v1/webhooks', { token: ws.secret_key })).status).toBe(200);
    expect((await write(other.secret_key, 0)).status).toBe(200);
  });

  it('shares the counts between two API processes on the same database', async () => {
    const ws = await createTestWorkspace(t);
    const second = await startAppBeside(t, env);
    try {
      const statuses = [];
      for (let i = 0; i < 12; i++) {
        const request = i % 2 === 0 ? t.request : second.request;
        statuses.push((await identify(request, ws, '203.0.113.99', `shared_${i}`)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
      expect(await countRows(t, 'contacts', ws.id)).toBe(10);
    } finally {
      await second.close();
    }
  });

  it('is configured by CANDOR_RATE_LIMITS, and trusts X-Forwarded-For only when told to', async () => {
    const config = loadConfig({ CANDOR_RATE_LIMITS: '{"widget_address": {"points": 2, "seconds": 5}}' });
    expect(config.rateLimits.limits).toEqual({ ...rateLimitDefaults, widget_address: { points: 2, seconds: 5 } });
    expect(config.rateLimits.trustProxyHops).toBe(0);
    for (const bad of [
      '{"widget_adress": {"points": 2, "seconds": 5}}',
      '{"widget_key": {"points": 0, "seconds": 5}}',
      'x',
    ])
      expect(() => loadConfig({ CANDOR_RATE_LIMITS: bad })).toThrow(ConfigError);

    // Without a trusted proxy, a client cannot get a fresh budget by claiming another address.
    const ws = await createTestWorkspace(t);
    const untrusting = await startAppBeside(t, {
      CANDOR_RATE_LIMITS: JSON.stringify({ ...limits, widget_address: { points: 2, seconds: 60 } }),
    });
    try {
      const statuses = [];
      for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3'])
        statuses.push((await identify(untrusting.request, ws, address, `spoof_${address}`)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await untrusting.close();
    }
  });
});
