import { createHmac } from 'node:crypto';
import { openSecret } from '@candor/api/secrets/sealed-secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, consoleHeaders, signIn } from '../support/console-session';
import { createTestWorkspace, readJson, startTestApp, type TestApp } from '../support/harness';

const OPENAI_KEY = 'sk-live-do-not-show-0123456789';

describe('console settings: keys, identity secret, workspace settings, model', () => {
  let t: TestApp;
  let ws: Awaited<ReturnType<typeof createTestWorkspace>>;
  let other: Awaited<ReturnType<typeof createTestWorkspace>>;
  let admin: ReturnType<typeof consoleCall>;
  let csm: ReturnType<typeof consoleCall>;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp({
      OPENAI_API_KEY: OPENAI_KEY,
      OPENAI_BASE_URL: 'http://llm.internal:8000/v1',
      CANDOR_INTERVIEW_MODEL: 'gpt-4.1-mini',
      CANDOR_SYNTHESIS_MODEL: 'local-llama',
      CANDOR_MODEL_PRICES: '{"local-llama": {"input": 0, "output": 0}}',
    });
    ws = await createTestWorkspace(t, 'Settings Co');
    other = await createTestWorkspace(t, 'Other Co');
    const a = await signIn(t, ws.id, 'admin@settings.example', 'admin');
    adminId = a.memberId;
    admin = consoleCall(t, a.cookie);
    csm = consoleCall(t, (await signIn(t, ws.id, 'csm@settings.example', 'csm')).cookie);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const audit = (action: string) =>
    t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('workspace_id', '=', ws.id)
      .where('action', '=', action)
      .orderBy('created_at')
      .execute();
  const workspaceRow = () =>
    t.deps.db.selectFrom('workspaces').selectAll().where('id', '=', ws.id).executeTakeFirstOrThrow();

  it('answers every settings endpoint with 403 for a csm and changes nothing', async () => {
    const before = await workspaceRow();
    const calls: [string, string, unknown?][] = [
      ['GET', '/settings'],
      ['PATCH', '/settings/workspace', { retention_days: 90 }],
      ['POST', '/settings/keys/secret/rotate', { confirm: true }],
      ['POST', '/settings/keys/publishable', { confirm: true }],
      ['POST', '/settings/identity-secret/reveal'],
      ['POST', '/settings/identity-secret/rotate', { confirm: true }],
      ['GET', '/settings/model'],
      ['GET', '/settings/members'],
      ['POST', '/settings/members', { email: 'x@settings.example', role: 'admin' }],
      ['GET', '/settings/webhooks'],
      ['POST', '/settings/webhooks', { url: 'https://hooks.example.com/x', event_types: ['brief.ready'] }],
    ];
    for (const [method, path, body] of calls) {
      const res = await csm(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await readJson(res)).error.code).toBe('forbidden');
    }
    expect(await workspaceRow()).toEqual(before);
    expect(await audit('api_key.rotated')).toEqual([]);
    // Signed out is a 401, not a 403.
    expect((await consoleCall(t, undefined)('GET', '/settings')).status).toBe(401);
  });

  it('shows the publishable key in full and the secret key only as a prefix', async () => {
    const res = await admin('GET', '/settings');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await readJson(res);
    expect(body.keys.publishable.key).toBe(ws.publishable_key);
    expect(body.keys.secret.display_prefix).toBe(`${ws.secret_key.slice(0, 11)}…`);
    expect(body.public_url).toBe('http://candor.test');
    expect(body.workspace).toMatchObject({ name: 'Settings Co', interviewer_mode: 'ai', retention_days: null });
    const text = JSON.stringify(body);
    expect(text).not.toContain(ws.secret_key);
    expect(text).not.toContain(ws.identity_secret);
    expect(text).not.toContain('key_hash');
  });

  it('refuses a rotation without confirmation and keeps the key working', async () => {
    for (const body of [undefined, {}, { confirm: 'yes' }, { confirm: true, extra: 1 }]) {
      const res = await admin('POST', '/settings/keys/secret/rotate', body);
      expect(res.status).toBe(400);
      expect((await readJson(res)).error.code).toMatch(/invalid_(request|json)/);
    }
    expect((await t.request('/v1/webhooks', { token: ws.secret_key })).status).toBe(200);
    expect(await audit('api_key.rotated')).toEqual([]);
  });

  it('rotates the secret key: the new one works, the old one is refused at once, the audit has no secret', async () => {
    const res = await admin('POST', '/settings/keys/secret/rotate', { confirm: true });
    expect(res.status).toBe(201);
    const rotated = await readJson(res);
    expect(rotated.secret_key).toMatch(/^sk_/);
    expect(rotated.secret_key).not.toBe(ws.secret_key);

    const old = await t.request('/v1/webhooks', { token: ws.secret_key });
    expect(old.status).toBe(401);
    expect((await readJson(old)).error.code).toBe('unauthorized');
    expect((await t.request('/v1/webhooks', { token: rotated.secret_key })).status).toBe(200);

    const overview = await readJson(await admin('GET', '/settings'));
    expect(overview.keys.secret.display_prefix).toBe(rotated.display_prefix);
    expect(JSON.stringify(overview)).not.toContain(rotated.secret_key);

    const [entry] = await audit('api_key.rotated');
    expect(entry).toMatchObject({ actor: `member:${adminId}`, details: { kind: 'secret' } });
    expect(JSON.stringify(entry)).not.toContain(rotated.secret_key);
    expect(JSON.stringify(entry)).not.toContain(ws.secret_key);
    ws.secret_key = rotated.secret_key;
  });

  it('issues a new readable publishable key while the old one keeps working in pages', async () => {
    const res = await admin('POST', '/settings/keys/publishable', { confirm: true });
    expect(res.status).toBe(201);
    const { publishable_key } = await readJson(res);
    expect(publishable_key).toMatch(/^pk_/);
    expect((await readJson(await admin('GET', '/settings'))).keys.publishable.key).toBe(publishable_key);
    for (const key of [ws.publishable_key, publishable_key]) {
      const identify = await t.request('/v1/widget/identify', {
        method: 'POST',
        json: {
          key,
          user: { id: 'u_1' },
          userHash: createHmac('sha256', ws.identity_secret).update('u_1').digest('hex'),
        },
      });
      expect(identify.status).toBe(200);
    }
  });

  const storedIdentitySecret = (row: { identity_secret: string }) =>
    openSecret(t.deps, 'identity-secret', row.identity_secret);

  it('reveals and rotates the identity secret; userHash follows the new secret', async () => {
    const revealed = await readJson(await admin('POST', '/settings/identity-secret/reveal'));
    expect(revealed.identity_secret).toBe(ws.identity_secret);
    expect(await audit('identity_secret.revealed')).toHaveLength(1);

    expect((await admin('POST', '/settings/identity-secret/rotate', {})).status).toBe(400);
    expect(storedIdentitySecret(await workspaceRow())).toBe(ws.identity_secret);

    const res = await admin('POST', '/settings/identity-secret/rotate', { confirm: true });
    expect(res.status).toBe(201);
    const { identity_secret } = await readJson(res);
    expect(identity_secret).toMatch(/^[0-9a-f]{64}$/);
    const stored = await workspaceRow();
    expect(stored.identity_secret).not.toContain(identity_secret); // sealed at rest
    expect(storedIdentitySecret(stored)).toBe(identity_secret);
    const [entry] = await audit('identity_secret.rotated');
    expect(JSON.stringify(entry)).not.toContain(identity_secret);

    // A new workspace verifies identity from the start; switching it on again changes nothing.
    expect((await workspaceRow()).identity_verification).toBe(true);
    expect((await admin('PATCH', '/settings/workspace', { identity_verification: true })).status).toBe(200);
    const hash = (secret: string) => createHmac('sha256', secret).update('u_42').digest('hex');
    const identify = (userHash: string) =>
      t.request('/v1/widget/identify', {
        method: 'POST',
        json: { key: ws.publishable_key, user: { id: 'u_42' }, userHash },
      });
    expect((await identify(hash(ws.identity_secret))).status).toBe(401);
    expect((await identify(hash(identity_secret))).status).toBe(200);
    expect((await admin('PATCH', '/settings/workspace', { identity_verification: false })).status).toBe(200);
  });

  it('rejects bad workspace settings with 400 naming the field, and changes nothing', async () => {
    const before = await workspaceRow();
    const bad: [unknown, string][] = [
      [{ retention_days: 91 }, 'retention_days'],
      [{ retention_days: '90' }, 'retention_days'],
      [{ interviewer_mode: 'robot' }, 'interviewer_mode'],
      [{ interviewer_mode: 'scripted', retention_days: -1 }, 'retention_days'],
      [{ name: 'Renamed' }, 'name'],
      [{}, 'at least one setting'],
      [[], 'body'],
    ];
    for (const [body, field] of bad) {
      const res = await admin('PATCH', '/settings/workspace', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await readJson(res)).error.message).toContain(field);
    }
    const notJson = await t.request('/console/api/settings/workspace', {
      method: 'PATCH',
      headers: consoleHeaders((await signIn(t, ws.id, 'admin@settings.example', 'admin')).cookie),
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    expect(await workspaceRow()).toEqual(before);
  });

  it('changes the interviewer mode and the retention period, audited with before and after', async () => {
    const res = await admin('PATCH', '/settings/workspace', { interviewer_mode: 'scripted', retention_days: 180 });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({
      interviewer_mode: 'scripted',
      retention_days: 180,
      identity_verification: false,
      default_language: 'en',
    });
    const row = await workspaceRow();
    expect(row).toMatchObject({ interviewer_mode: 'scripted', retention_days: 180 });
    const entries = await audit('settings.updated');
    expect(entries.at(-1)?.details).toEqual({
      interviewer_mode: { from: 'ai', to: 'scripted' },
      retention_days: { from: null, to: 180 },
    });
    expect((await readJson(await admin('PATCH', '/settings/workspace', { retention_days: null }))).retention_days).toBe(
      null,
    );
    // Another workspace is untouched.
    const theirs = await t.deps.db
      .selectFrom('workspaces')
      .select(['interviewer_mode', 'retention_days'])
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(theirs).toEqual({ interviewer_mode: 'ai', retention_days: null });
  });

  it('shows the model set-up from the environment without ever showing the key', async () => {
    const res = await admin('GET', '/settings/model');
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.provider).toEqual({
      base_url: 'http://llm.internal:8000/v1',
      base_url_from_env: true,
      api_key_set: true,
      available: true,
    });
    expect(body.interview_model).toEqual({ name: 'gpt-4.1-mini', priced: true });
    expect(body.synthesis_model).toEqual({ name: 'local-llama', priced: true });
    expect(body.prices.find((p: { model: string }) => p.model === 'local-llama')).toEqual({
      model: 'local-llama',
      input_per_million: 0,
      output_per_million: 0,
      source: 'CANDOR_MODEL_PRICES',
      in_use: true,
    });
    expect(body.prices.find((p: { model: string }) => p.model === 'gpt-4.1-mini')).toMatchObject({
      source: 'default',
      in_use: true,
    });
    expect(body.month).toMatchObject({ interviews: 0, interview_cost_micros: 0 });
    expect(JSON.stringify(body)).not.toContain(OPENAI_KEY);
  });

  it('keeps each workspace’s settings to its own admins', async () => {
    const theirAdmin = consoleCall(t, (await signIn(t, other.id, 'admin@other.example', 'admin')).cookie);
    const theirs = await readJson(await theirAdmin('GET', '/settings'));
    expect(theirs.keys.publishable.key).toBe(other.publishable_key);
    expect(JSON.stringify(theirs)).not.toContain(ws.publishable_key);
    await theirAdmin('POST', '/settings/keys/secret/rotate', { confirm: true });
    expect((await t.request('/v1/webhooks', { token: ws.secret_key })).status).toBe(200);
    expect((await t.request('/v1/webhooks', { token: other.secret_key })).status).toBe(401);
  });
});
