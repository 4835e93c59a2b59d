import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { seedWorkspace } from '../support/interview-fixtures';

describe(`list endpoints refuse query parameters they do not know (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  let guideId: string;
  let webhookId: string;
  let admin: ReturnType<typeof consoleCall>;

  beforeAll(async () => {
    t = await startTestApp({ CANDOR_WEBHOOKS_ALLOW_PRIVATE: 'true' });
    const seeded = await seedWorkspace(t);
    ws = seeded.ws;
    guideId = seeded.guideId;
    const hook = await t.request('/v1/webhooks', {
      method: 'POST',
      token: ws.secret_key,
      json: { url: 'http://127.0.0.1:9/hook', event_types: ['interview.completed'] },
    });
    expect(hook.status).toBe(201);
    webhookId = (await readJson(hook)).id;
    admin = consoleCall(t, (await signIn(t, ws.id, 'root@acme.io', 'admin')).cookie);
  }, 120_000);
  afterAll(() => t?.close());

  const v1 = (path: string) => t.request(path, { token: ws.secret_key });
  const withParam = (path: string, param: string) => `${path}${path.includes('?') ? '&' : '?'}${param}`;

  /** The list answers without the stray parameter, and a 400 naming it with it. */
  async function expectRefused(get: (path: string) => Response | Promise<Response>, path: string, param = 'bogus') {
    const plain = await get(path);
    expect(plain.status, path).toBe(200);
    const res = await get(withParam(path, `${param}=1`));
    expect(res.status, `${path} + ${param}`).toBe(400);
    const { error } = await readJson(res);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(param);
  }

  it('answers 400 naming the parameter on the public /v1 lists', async () => {
    for (const path of [
      '/v1/guides',
      `/v1/guides/${guideId}/versions`,
      '/v1/interviews',
      '/v1/interviews?status=invited',
      '/v1/review-items',
      '/v1/triggers',
      '/v1/funnel',
      '/v1/webhooks',
      `/v1/webhooks/${webhookId}/deliveries`,
      '/v1/releases',
      '/v1/reports/portfolio?mode=rules',
    ])
      await expectRefused(v1, path);
    // A misspelt filter is the case that matters: it would otherwise list everything.
    await expectRefused(v1, '/v1/interviews', 'stauts');
    await expectRefused(v1, '/v1/review-items', 'asignee');
  });

  it('answers 400 naming the parameter on the console lists', async () => {
    const get = (path: string) => admin('GET', path);
    for (const path of [
      '/accounts',
      '/accounts?sort=arr&order=desc',
      '/accounts/facets',
      '/interviews',
      '/guides',
      '/triggers',
      '/outbox',
      '/members',
      '/settings/members',
      '/settings/webhooks',
      `/settings/webhooks/${webhookId}/deliveries`,
    ])
      await expectRefused(get, path);
    await expectRefused(get, '/interviews', 'stauts');
  });
});
