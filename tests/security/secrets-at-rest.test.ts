import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLoginLink } from '@candor/api/auth/login-links';
import { loadConnector, saveConnector } from '@candor/api/connectors/connector-store';
import { instanceSecretFile } from '@candor/api/instance-secret';
import { openSecret } from '@candor/api/secrets/sealed-secrets';
import { readEndpointSecret } from '@candor/api/webhooks/endpoint-store';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followLoginLink, signIn } from '../support/console-session';
import { eventually } from '../support/eventually';
import {
  createTestWorkspace,
  databaseKind,
  readJson,
  startAppBeside,
  startTestApp,
  type TestApp,
} from '../support/harness';
import { guideFixture, invite, seedWorkspace } from '../support/interview-fixtures';
import { freePort, runServerToExit, tempDataDir } from '../support/processes';

const SECRET = 'test-secret-test-secret-test-secret-0123';
const ROTATED = 'rotated-secret-rotated-secret-rotated-0456';

/** A local webhook receiver that keeps what it gets. */
async function startReceiver() {
  const received: { body: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Connector credentials as the connectors' former sealing stored them: `v1.<iv>.<tag>.<ciphertext>`. */
function legacySealedCredentials(secret: string, workspaceId: string, value: unknown) {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'candor/connector-credentials/v1', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(workspaceId));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return ['v1', ...[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'))].join('.');
}

/** Every row of the tables a stolen database copy would give, as one string. */
async function dumpTables(t: TestApp, tables: string[]) {
  const rows = await Promise.all(
    tables.map((table) =>
      // biome-ignore lint/suspicious/noExplicitAny: a dump reads every table generically
      (t.deps.db as any).selectFrom(table).selectAll().execute(),
    ),
  );
  return JSON.stringify(rows);
}

const authTables = ['auth_users', 'auth_sessions', 'auth_accounts', 'auth_verifications'];

/** How better-auth signs its session cookie: HMAC-SHA256 of the token, base64, URL-encoded. */
const signedCookie = (token: string, key: string) =>
  `candor.session_token=${encodeURIComponent(`${token}.${createHmac('sha256', key).update(token).digest('base64')}`)}`;

describe('secrets at rest', () => {
  let t: TestApp;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    rx = await startReceiver();
    t = await startTestApp({ CANDOR_WEBHOOKS_ALLOW_PRIVATE: 'true', CANDOR_WEBHOOK_RETRY_MS: '100' });
  });
  afterAll(async () => {
    await t?.close();
    await rx?.close();
  });

  it('keeps session and sign-in tokens out of the auth tables: only their hashes are stored', async () => {
    const ws = await createTestWorkspace(t);
    const { cookie } = await signIn(t, ws.id, 'ada@acme.io', 'admin');
    const sessionToken = decodeURIComponent(cookie.split('=')[1] ?? '').split('.')[0] ?? '';
    expect(sessionToken.length).toBeGreaterThanOrEqual(32);
    const pending = await createLoginLink(t.deps, { workspaceId: ws.id, email: 'grace@acme.io' });
    const loginToken = new URL(pending.url).searchParams.get('token') ?? '';
    expect(loginToken.length).toBeGreaterThanOrEqual(16);

    const dump = await dumpTables(t, authTables);
    expect(dump).toContain('grace@acme.io');
    expect(dump).not.toContain(sessionToken);
    expect(dump).not.toContain(loginToken);

    // The session and the pending link still work.
    expect((await t.request('/console/api/me', { headers: { cookie } })).status).toBe(200);
    const { cookie: second } = await followLoginLink(t, pending.url);
    expect((await t.request('/console/api/me', { headers: { cookie: second } })).status).toBe(200);
  });

  it('stores webhook and identity secrets encrypted, and both still sign and verify', async () => {
    const ws = await createTestWorkspace(t);
    const stored = await t.deps.db
      .selectFrom('workspaces')
      .select('identity_secret')
      .where('id', '=', ws.id)
      .executeTakeFirstOrThrow();
    expect(stored.identity_secret).not.toContain(ws.identity_secret);
    await t.deps.db.updateTable('workspaces').set({ identity_verification: true }).where('id', '=', ws.id).execute();
    const userHash = createHmac('sha256', ws.identity_secret).update('u_1').digest('hex');
    const ok = await t.request('/v1/widget/identify', {
      method: 'POST',
      json: { key: ws.publishable_key, user: { id: 'u_1' }, userHash },
    });
    expect(ok.status).toBe(200);
    const forged = await t.request('/v1/widget/identify', {
      method: 'POST',
      json: { key: ws.publishable_key, user: { id: 'u_2' }, userHash },
    });
    expect(forged.status).toBe(401);

    const created = await t.request('/v1/webhooks', {
      method: 'POST',
      token: ws.secret_key,
      json: { url: rx.url, event_types: ['interview.completed'] },
    });
    expect(created.status).toBe(201);
    const endpoint = (await readJson(created)) as { id: string; secret: string };
    const row = await t.deps.db
      .selectFrom('webhook_endpoints')
      .select('secret')
      .where('id', '=', endpoint.id)
      .executeTakeFirstOrThrow();
    expect(row.secret).not.toContain(endpoint.secret.replace(/^whsec_/, ''));

    const test = await t.request(`/v1/webhooks/${endpoint.id}/test`, { method: 'POST', token: ws.secret_key });
    expect(test.status).toBe(202);
    const hit = await eventually(async () => rx.received.at(-1));
    expect(new Webhook(endpoint.secret).verify(hit.body, hit.headers as Record<string, string>)).toMatchObject({
      type: 'webhook.test',
    });
  });

  it('after a rotation, opens secrets and verifies links made under the previous secret, and reseals them', async () => {
    const { ws, guideId } = await seedWorkspace(t, guideFixture());
    // One connector saved as today, one still in the connectors' former sealed format.
    const slack = { bot_token: 'xoxb-rotation-token-0001' };
    const hubspot = { access_token: 'pat-na1-rotation-token' };
    await saveConnector(t.deps, ws, 'slack', { credentials: slack, settings: { channel: null } });
    await t.deps.db
      .insertInto('connectors')
      .values({
        workspace_id: ws.id,
        kind: 'hubspot',
        settings: {},
        credentials: legacySealedCredentials(SECRET, ws.id, hubspot),
        enabled: true,
      })
      .execute();
    const storedCredentials = async () =>
      Object.fromEntries(
        (
          await t.deps.db
            .selectFrom('connectors')
            .select(['kind', 'credentials'])
            .where('workspace_id', '=', ws.id)
            .execute()
        ).map((r) => [r.kind, r.credentials]),
      );
    const credentialsBefore = await storedCredentials();
    expect(credentialsBefore.hubspot).toMatch(/^v1\./);
    expect(await loadConnector(t.deps, ws, { kind: 'hubspot' })).toBeDefined();
    await t.deps.db.updateTable('workspaces').set({ identity_verification: true }).where('id', '=', ws.id).execute();
    const created = await t.request('/v1/webhooks', {
      method: 'POST',
      token: ws.secret_key,
      json: { url: rx.url, event_types: ['interview.completed'] },
    });
    const endpoint = (await readJson(created)) as { id: string; secret: string };
    const { url } = await invite(t, ws, guideId, 'email');
    const linkPath = new URL(url ?? '').pathname;
    expect((await t.request(linkPath)).status).toBe(200);
    const before = await t.deps.db
      .selectFrom('workspaces')
      .select('identity_secret')
      .where('id', '=', ws.id)
      .executeTakeFirstOrThrow();

    // A process with the new secret and the old one as previous: everything made before still works.
    const rotated = await startAppBeside(t, { CANDOR_SECRET: ROTATED, CANDOR_SECRET_PREVIOUS: SECRET });
    try {
      expect((await rotated.request(linkPath)).status).toBe(200);
      const userHash = createHmac('sha256', ws.identity_secret).update('u_42').digest('hex');
      const identified = await rotated.request('/v1/widget/identify', {
        method: 'POST',
        json: { key: ws.publishable_key, user: { id: 'u_42' }, userHash },
      });
      expect(identified.status).toBe(200);
      expect(await readEndpointSecret(rotated.deps, ws, endpoint.id)).toBe(endpoint.secret);
      expect(await loadConnector(rotated.deps, ws, { kind: 'slack' })).toMatchObject({ enabled: true });
      expect(await loadConnector(rotated.deps, ws, { kind: 'hubspot' })).toMatchObject({ enabled: true });
    } finally {
      await rotated.close();
    }
    // The start resealed the connector credentials under the new secret, the former format included.
    const credentialsAfter = await storedCredentials();
    for (const kind of ['slack', 'hubspot']) {
      expect(credentialsAfter[kind]).toMatch(/^sealed:v1:/);
      expect(credentialsAfter[kind]).not.toBe(credentialsBefore[kind]);
    }
    const after = await t.deps.db
      .selectFrom('workspaces')
      .select('identity_secret')
      .where('id', '=', ws.id)
      .executeTakeFirstOrThrow();
    expect(after.identity_secret).not.toBe(before.identity_secret);

    // Once the previous secret is dropped, the resealed secrets still open; old links no longer verify.
    const only = await startAppBeside(t, { CANDOR_SECRET: ROTATED });
    try {
      expect(await readEndpointSecret(only.deps, ws, endpoint.id)).toBe(endpoint.secret);
      const opened = (kind: string) =>
        JSON.parse(openSecret(only.deps, 'connector-credentials', credentialsAfter[kind] ?? '', ws.id));
      expect(opened('slack')).toEqual(slack);
      expect(opened('hubspot')).toEqual(hubspot);
      expect(await loadConnector(only.deps, ws, { kind: 'slack' })).toBeDefined();
      expect(await loadConnector(only.deps, ws, { kind: 'hubspot' })).toBeDefined();
      expect((await only.request(linkPath)).status).toBe(404);
    } finally {
      await only.close();
    }
  });

  it('a read-only copy of the database is not enough to forge an admin session', async () => {
    // The embedded database generates its signing secret when CANDOR_SECRET is not set; on
    // Postgres CANDOR_SECRET is required, so there the copy is simply the test database.
    const dataDir = tempDataDir();
    const app = databaseKind === 'pglite' ? await startTestApp({ CANDOR_SECRET: '', CANDOR_DATA_DIR: dataDir }) : t;
    try {
      const ws = await createTestWorkspace(app);
      const { cookie } = await signIn(app, ws.id, 'root@acme.io', 'admin');
      expect((await app.request('/console/api/me', { headers: { cookie } })).status).toBe(200);

      // Everything an attacker could try as the signing key, and every session token, from the copy.
      const tables = ['instance_settings', 'workspaces', 'api_keys', 'webhook_endpoints', ...authTables];
      const copy = JSON.parse(await dumpTables(app, tables)) as Record<string, unknown>[][];
      const strings = copy
        .flat()
        .flatMap((row) => Object.values(row).filter((v): v is string => typeof v === 'string'));
      const keys = [...new Set(strings.filter((s) => s.length >= 16))];
      const tokens = copy[tables.indexOf('auth_sessions')]?.map((row) => String(row.token)) ?? [];
      expect(tokens.length).toBeGreaterThan(0);
      for (const token of tokens)
        for (const key of keys) {
          const me = await app.request('/console/api/me', { headers: { cookie: signedCookie(token, key) } });
          expect(me.status, 'a cookie forged from the database copy').toBe(401);
        }
      // The generated secret lives in the data directory instead, readable by its owner only.
      if (databaseKind === 'pglite') expect(fs.statSync(instanceSecretFile(dataDir)).mode & 0o777).toBe(0o600);
    } finally {
      if (app !== t) await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it.skipIf(databaseKind !== 'pglite')(
    'moves a generated secret kept in the database by an older version to the 0600 file',
    async () => {
      const dataDir = tempDataDir();
      const app = await startTestApp({ CANDOR_SECRET: '', CANDOR_DATA_DIR: dataDir });
      const legacy = 'legacy-secret-kept-in-the-database-0789';
      try {
        await app.deps.db.insertInto('instance_settings').values({ key: 'secret', value: legacy }).execute();
        const movedDir = tempDataDir();
        const next = await startAppBeside(app, { CANDOR_SECRET: '', CANDOR_DATA_DIR: movedDir });
        try {
          expect(next.deps.secret).toBe(legacy);
          expect(fs.readFileSync(instanceSecretFile(movedDir), 'utf8').trim()).toBe(legacy);
          expect(fs.statSync(instanceSecretFile(movedDir)).mode & 0o777).toBe(0o600);
          const row = await app.deps.db
            .selectFrom('instance_settings')
            .select('value')
            .where('key', '=', 'secret')
            .executeTakeFirst();
          expect(row).toBeUndefined();
        } finally {
          await next.close();
          fs.rmSync(movedDir, { recursive: true, force: true });
        }
      } finally {
        await app.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it('refuses to start on Postgres without CANDOR_SECRET, in one line', async () => {
    const result = await runServerToExit({
      DATABASE_URL: t.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/test',
      CANDOR_SECRET: '',
      PORT: String(await freePort()),
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: CANDOR_SECRET must be set when DATABASE_URL is set/);
  }, 60_000);
});
