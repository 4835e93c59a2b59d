import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { eventually } from '../support/eventually';
import { createTestWorkspace, readJson, startTestApp, type TestApp } from '../support/harness';

/** A receiver on 127.0.0.1 that answers 200 and keeps what it got. */
async function startReceiver() {
  const received: { body: string; headers: Record<string, string> }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers as Record<string, string> });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/candor`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('console settings: webhooks', () => {
  let t: TestApp;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  let ws: { id: string };
  let admin: ReturnType<typeof consoleCall>;
  let theirs: ReturnType<typeof consoleCall>;
  let endpointId: string;
  let secret: string;

  beforeAll(async () => {
    rx = await startReceiver();
    t = await startTestApp({ CANDOR_WEBHOOKS_ALLOW_PRIVATE: 'true', CANDOR_WEBHOOK_RETRY_MS: '100' });
    ws = { id: (await createTestWorkspace(t, 'Hooks Co')).id };
    const other = await createTestWorkspace(t, 'Other Co');
    admin = consoleCall(t, (await signIn(t, ws.id, 'admin@hooks.example', 'admin')).cookie);
    theirs = consoleCall(t, (await signIn(t, other.id, 'admin@other.example', 'admin')).cookie);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await rx?.close();
  });

  const endpoints = () =>
    t.deps.db
      .selectFrom('webhook_endpoints')
      .select(['url', 'event_types'])
      .where('workspace_id', '=', ws.id)
      .execute();

  it('lists no endpoints at first, with the event types one can choose', async () => {
    const body = await readJson(await admin('GET', '/settings/webhooks'));
    expect(body.webhooks).toEqual([]);
    expect(body.event_types).toEqual([
      'interview.completed',
      'signal.churn_risk',
      'signal.expansion_intent',
      'brief.ready',
      'account.state_changed',
    ]);
  });

  it('refuses a bad endpoint with 400 and stores nothing', async () => {
    const bad: [unknown, string][] = [
      [{ url: 'not a url', event_types: ['brief.ready'] }, 'url'],
      [{ url: 'ftp://hooks.example.com/x', event_types: ['brief.ready'] }, 'http'],
      [{ url: rx.url, event_types: [] }, 'event_types'],
      [{ url: rx.url, event_types: ['account.deleted'] }, 'event_types'],
      [{ url: rx.url }, 'event_types'],
      [{ url: rx.url, event_types: ['brief.ready'], secret: 'mine' }, 'secret'],
    ];
    for (const [body, hint] of bad) {
      const res = await admin('POST', '/settings/webhooks', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await readJson(res)).error.message).toContain(hint);
    }
    expect(await endpoints()).toEqual([]);
  });

  it('creates an endpoint with chosen events; the secret is shown once and never audited', async () => {
    const res = await admin('POST', '/settings/webhooks', {
      url: rx.url,
      event_types: ['interview.completed', 'signal.churn_risk'],
    });
    expect(res.status).toBe(201);
    const created = await readJson(res);
    expect(created).toMatchObject({
      url: rx.url,
      event_types: ['interview.completed', 'signal.churn_risk'],
      enabled: true,
    });
    expect(created.secret).toMatch(/^whsec_/);
    endpointId = created.id;
    secret = created.secret;
    const list = await readJson(await admin('GET', '/settings/webhooks'));
    expect(list.webhooks).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(secret);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('workspace_id', '=', ws.id)
      .where('action', '=', 'webhook.created')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('reveals the signing secret on request', async () => {
    const res = await admin('POST', `/settings/webhooks/${endpointId}/secret`);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ secret });
  });

  it('sends a signed test event and shows it in the delivery log with status, attempts and response code', async () => {
    const res = await admin('POST', `/settings/webhooks/${endpointId}/test`);
    expect(res.status).toBe(202);
    const { delivery_id } = await readJson(res);
    const log = await eventually(async () => {
      const body = await readJson(await admin('GET', `/settings/webhooks/${endpointId}/deliveries`));
      expect(body.deliveries[0]).toMatchObject({
        id: delivery_id,
        status: 'delivered',
        attempts: 1,
        last_status_code: 200,
      });
      return body;
    });
    expect(log.deliveries[0].event_type).toBe('webhook.test');
    expect(log.deliveries[0].delivered_at).toEqual(expect.any(String));
    expect(log.deliveries[0]).not.toHaveProperty('payload');
    const got = rx.received.at(-1)!;
    const verified = new Webhook(secret).verify(got.body, got.headers) as { type: string };
    expect(verified.type).toBe('webhook.test');
  });

  it('turns an endpoint off and changes its events; a bad patch is a 400', async () => {
    expect((await admin('PATCH', `/settings/webhooks/${endpointId}`, { url: 'https://x.example' })).status).toBe(400);
    expect((await admin('PATCH', `/settings/webhooks/${endpointId}`, {})).status).toBe(400);
    const res = await admin('PATCH', `/settings/webhooks/${endpointId}`, {
      enabled: false,
      event_types: ['brief.ready'],
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toMatchObject({ enabled: false, event_types: ['brief.ready'] });
    expect(await endpoints()).toEqual([{ url: rx.url, event_types: ['brief.ready'] }]);
  });

  it('never shows or touches another workspace’s endpoint', async () => {
    expect((await readJson(await theirs('GET', '/settings/webhooks'))).webhooks).toEqual([]);
    expect((await theirs('POST', `/settings/webhooks/${endpointId}/secret`)).status).toBe(404);
    expect((await theirs('GET', `/settings/webhooks/${endpointId}/deliveries`)).status).toBe(404);
    expect((await theirs('POST', `/settings/webhooks/${endpointId}/test`)).status).toBe(404);
    expect((await theirs('PATCH', `/settings/webhooks/${endpointId}`, { enabled: true })).status).toBe(404);
    expect((await theirs('DELETE', `/settings/webhooks/${endpointId}`)).status).toBe(404);
    expect(await endpoints()).toHaveLength(1);
  });

  it('deletes an endpoint with its log', async () => {
    expect((await admin('DELETE', `/settings/webhooks/${endpointId}`)).status).toBe(204);
    expect(await endpoints()).toEqual([]);
    expect((await admin('GET', `/settings/webhooks/${endpointId}/deliveries`)).status).toBe(404);
    expect((await admin('DELETE', `/settings/webhooks/${endpointId}`)).status).toBe(404);
  });
});
