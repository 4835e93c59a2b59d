import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { createTestWorkspace, readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, guideFixture, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';
import { jobsSettled } from '../support/jobs';
import { type Receiver, startReceiver } from '../support/webhook-receiver';

async function deliveries(t: TestApp, token: string, endpointId: string) {
  const res = await t.request(`/v1/webhooks/${endpointId}/deliveries`, { token });
  expect(res.status).toBe(200);
  return (await readJson(res)).deliveries as Array<Record<string, unknown>>;
}

describe('outgoing webhooks to a local receiver (private targets allowed)', () => {
  let t: TestApp;
  let rx: Receiver;
  beforeAll(async () => {
    rx = await startReceiver();
    t = await startTestApp({ CANDOR_WEBHOOKS_ALLOW_PRIVATE: 'true', CANDOR_WEBHOOK_RETRY_MS: '100' });
  });
  afterAll(async () => {
    await t?.close();
    await rx?.close();
  });

  async function createEndpoint(token: string, path: string, eventTypes: string[], plan?: number[]) {
    const res = await t.request('/v1/webhooks', {
      method: 'POST',
      token,
      json: { url: `${rx.base}${path}`, event_types: eventTypes },
    });
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    rx.expect(path, body.secret, plan);
    return body as { id: string; secret: string; url: string };
  }

  it('sends a verified interview.completed (and signal events) when a scripted interview completes', async () => {
    const guide = guideFixture({
      taxonomy: {
        churn_reasons: [{ key: 'price', label: 'Price', keywords: ['too expensive'] }],
        expansion_kinds: [{ key: 'seats', label: 'More seats', keywords: ['more seats'] }],
      },
    });
    const { ws, guideId, accountId } = await seedWorkspace(t, guide);
    await t.deps.db.updateTable('accounts').set({ health_state: 'healthy' }).where('id', '=', accountId).execute();
    const all = await createEndpoint(ws.secret_key, '/all', [
      'interview.completed',
      'signal.churn_risk',
      'signal.expansion_intent',
      'account.state_changed',
    ]);
    const briefsOnly = await createEndpoint(ws.secret_key, '/briefs-only', ['brief.ready']);

    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
    await answer(t, id, token, 'c1', longAnswer('reporting'));
    await answer(t, id, token, 'c2', 'Honestly it is too expensive and we will cancel at renewal unless that changes.');
    const last = await answer(t, id, token, 'c3', 'We would need twenty more seats next quarter for the support team.');
    expect(last.done).toEqual({ status: 'completed' });

    const got = await eventually(async () => {
      const mine = rx.received.filter((r) => r.path === '/all');
      return mine.length >= 4 ? mine : undefined;
    });
    for (const r of got) expect(r.error).toBeUndefined();
    const byType = new Map(got.map((r) => [(r.verified as { type: string }).type, r]));
    const completed = byType.get('interview.completed');
    expect(completed?.verified).toMatchObject({
      type: 'interview.completed',
      data: { interview_id: id, account_id: 'acme', contact_id: 'u_42', mode: 'scripted' },
    });
    const data = (completed?.verified as { data: { signals: { kind: string }[] } } | undefined)?.data;
    expect(data?.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(['churn_risk', 'expansion_intent']));
    expect(byType.get('signal.churn_risk')?.verified).toMatchObject({
      data: { interview_id: id, signal: { kind: 'churn_risk', value: { level: 'high', reasons: ['price'] } } },
    });
    expect(byType.get('signal.expansion_intent')?.verified).toMatchObject({
      data: { signal: { kind: 'expansion_intent', value: { kind: 'seats' } } },
    });
    expect(completed?.headers['webhook-id']).toMatch(/^msg_/);
    // The high churn risk moves the healthy account to at risk.
    expect(byType.get('account.state_changed')?.verified).toMatchObject({
      data: { account_id: 'acme', from: 'healthy', to: 'at_risk' },
    });

    const log = await eventually(async () => {
      const rows = await deliveries(t, ws.secret_key, all.id);
      return rows.length === 4 && rows.every((d) => d.status === 'delivered') ? rows : undefined;
    });
    for (const d of log) expect(d).toMatchObject({ attempts: 1, last_status_code: 200, last_error: null });
    expect(rx.received.filter((r) => r.path === '/briefs-only')).toHaveLength(0);
    expect(await deliveries(t, ws.secret_key, briefsOnly.id)).toHaveLength(0);

    // Re-running extraction replaces the signals but notifies nobody twice.
    await t.deps.jobs.send('extract-interview', { workspaceId: ws.id, interviewId: id });
    await jobsSettled(t);
    expect(rx.received.filter((r) => r.path === '/all')).toHaveLength(4);
  });

  it('retries a receiver that answers 500 twice, then logs the delivery as delivered after 3 attempts', async () => {
    const ws = await createTestWorkspace(t);
    const ep = await createEndpoint(ws.secret_key, '/flaky', ['brief.ready'], [500, 500, 200]);
    const res = await t.request(`/v1/webhooks/${ep.id}/test`, { method: 'POST', token: ws.secret_key });
    expect(res.status).toBe(202);
    const { delivery_id } = await readJson(res);

    const [row] = await eventually(async () => {
      const rows = await deliveries(t, ws.secret_key, ep.id);
      return rows[0]?.status === 'delivered' ? rows : undefined;
    });
    expect(row).toMatchObject({
      id: delivery_id,
      event_type: 'webhook.test',
      attempts: 3,
      last_status_code: 200,
      last_error: null,
      next_attempt_at: null,
    });
    expect(row?.delivered_at).toBeTruthy();
    const hits = rx.received.filter((r) => r.path === '/flaky');
    expect(hits).toHaveLength(3);
    for (const h of hits) expect(h.error).toBeUndefined();
    // Idempotent re-delivery: one message id across every attempt.
    expect(new Set(hits.map((h) => h.headers['webhook-id']))).toEqual(new Set([`msg_${delivery_id}`]));
    expect(hits[0]?.verified).toMatchObject({ type: 'webhook.test' });
  });

  it('gives up after the last attempt against a receiver that always answers 500', async () => {
    const ws = await createTestWorkspace(t);
    const ep = await createEndpoint(ws.secret_key, '/down', ['brief.ready'], [500]);
    await t.request(`/v1/webhooks/${ep.id}/test`, { method: 'POST', token: ws.secret_key });

    const seen: Array<Record<string, unknown>> = [];
    const [row] = await eventually(async () => {
      const rows = await deliveries(t, ws.secret_key, ep.id);
      if (rows[0]) seen.push(rows[0]);
      return rows[0]?.status === 'failed' ? rows : undefined;
    }, 25_000);
    expect(row).toMatchObject({ attempts: 6, last_status_code: 500, last_error: 'HTTP 500', next_attempt_at: null });
    expect(row?.delivered_at).toBeNull();
    // Between attempts the log says when the next one is due.
    expect(seen.some((d) => d.status === 'retrying' && typeof d.next_attempt_at === 'string')).toBe(true);
    expect(rx.received.filter((r) => r.path === '/down')).toHaveLength(6);
  }, 40_000);

  it('re-queues a delivery whose job was lost, and it is delivered once', async () => {
    const ws = await createTestWorkspace(t);
    const ep = await createEndpoint(ws.secret_key, '/stranded', ['brief.ready']);
    // A delivery stored while the queue refused its job, five minutes ago.
    const row = await t.deps.db
      .insertInto('webhook_deliveries')
      .values({
        workspace_id: ws.id,
        endpoint_id: ep.id,
        event_type: 'brief.ready',
        payload: { type: 'brief.ready', timestamp: new Date().toISOString(), data: { brief_id: 'b1' } },
        created_at: new Date(Date.now() - 5 * 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.deps.jobs.send('sweep-deliveries', {});
    const [d] = await eventually(async () => {
      const rows = await deliveries(t, ws.secret_key, ep.id);
      return rows[0]?.status === 'delivered' ? rows : undefined;
    });
    expect(d).toMatchObject({ id: row.id, attempts: 1 });
    await t.deps.jobs.send('sweep-deliveries', {});
    await jobsSettled(t);
    const hits = rx.received.filter((r) => r.path === '/stranded');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.verified).toMatchObject({ type: 'brief.ready', data: { brief_id: 'b1' } });
  });

  it('sends brief.ready when a renewal brief version is generated', async () => {
    const { ws } = await seedWorkspace(t);
    await createEndpoint(ws.secret_key, '/briefs', ['brief.ready']);
    const res = await t.request('/v1/accounts/acme/brief', { method: 'POST', token: ws.secret_key });
    expect(res.status).toBe(201);
    const brief = await readJson(res);
    const hit = await eventually(async () => rx.received.find((r) => r.path === '/briefs'));
    expect(hit.error).toBeUndefined();
    expect(hit.verified).toMatchObject({
      type: 'brief.ready',
      data: { brief_id: brief.id, kind: 'renewal', version: brief.version, account_id: 'acme' },
    });
  });

  it('rotates the secret: later deliveries verify only with the new one', async () => {
    const ws = await createTestWorkspace(t);
    const ep = await createEndpoint(ws.secret_key, '/rotate', ['brief.ready']);
    const res = await t.request(`/v1/webhooks/${ep.id}`, {
      method: 'PATCH',
      token: ws.secret_key,
      json: { rotate_secret: true },
    });
    expect(res.status).toBe(200);
    const rotated = await readJson(res);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(ep.secret);
    const got = await readJson(await t.request(`/v1/webhooks/${ep.id}`, { token: ws.secret_key }));
    expect(got.secret).toBeUndefined();

    rx.expect('/rotate', rotated.secret);
    await t.request(`/v1/webhooks/${ep.id}/test`, { method: 'POST', token: ws.secret_key });
    const hit = await eventually(async () => rx.received.find((r) => r.path === '/rotate'));
    expect(hit.error).toBeUndefined();
    expect(() => new Webhook(ep.secret).verify(hit.body, hit.headers as Record<string, string>)).toThrow();
  });

  it('keeps endpoints to their workspace: another workspace gets 404 and sees none', async () => {
    const a = await createTestWorkspace(t, 'Owner');
    const b = await createTestWorkspace(t, 'Other');
    const ep = await createEndpoint(a.secret_key, '/private', ['brief.ready']);
    const other = b.secret_key;
    expect((await t.request(`/v1/webhooks/${ep.id}`, { token: other })).status).toBe(404);
    expect((await t.request(`/v1/webhooks/${ep.id}/deliveries`, { token: other })).status).toBe(404);
    expect((await t.request(`/v1/webhooks/${ep.id}/test`, { method: 'POST', token: other })).status).toBe(404);
    expect(
      (await t.request(`/v1/webhooks/${ep.id}`, { method: 'PATCH', token: other, json: { enabled: false } })).status,
    ).toBe(404);
    expect((await t.request(`/v1/webhooks/${ep.id}`, { method: 'DELETE', token: other })).status).toBe(404);
    expect((await readJson(await t.request('/v1/webhooks', { token: other }))).webhooks).toEqual([]);
    const mine = await readJson(await t.request(`/v1/webhooks/${ep.id}`, { token: a.secret_key }));
    expect(mine).toMatchObject({ id: ep.id, enabled: true, event_types: ['brief.ready'] });
    expect((await t.request(`/v1/webhooks/${ep.id}`, { method: 'DELETE', token: a.secret_key })).status).toBe(204);
    expect((await t.request(`/v1/webhooks/${ep.id}`, { token: a.secret_key })).status).toBe(404);
  });
});

describe('webhook endpoint rules with the default configuration', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['http://127.0.0.1/hook', '127.0.0.1'],
    ['https://127.0.0.1/hook', '127.0.0.1'],
    ['http://10.0.0.5/hook', '10.0.0.5'],
    ['https://[::1]/hook', '::1'],
    ['http://[::ffff:192.168.1.1]/hook', '192.168.1.1'],
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['https://100.64.0.1/hook', '100.64.0.1'],
    ['https://0.0.0.0/hook', '0.0.0.0'],
    ['https://localhost/hook', 'localhost'],
  ])('refuses %s with a clear 400 and stores nothing', async (url, host) => {
    const ws = await createTestWorkspace(t);
    const res = await t.request('/v1/webhooks', {
      method: 'POST',
      token: ws.secret_key,
      json: { url, event_types: ['interview.completed'] },
    });
    expect(res.status).toBe(400);
    const body = await readJson(res);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain('url:');
    expect(body.error.message).toMatch(/private, loopback|non-public/);
    expect(body.error.message).toContain(host.replace(/^::ffff:/, ''));
    expect((await readJson(await t.request('/v1/webhooks', { token: ws.secret_key }))).webhooks).toEqual([]);
    const rows = await t.deps.db
      .selectFrom('webhook_endpoints')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('refuses bad input with a field path: unknown event type, missing url, non-URL', async () => {
    const ws = await createTestWorkspace(t);
    const bad = async (json: unknown) => {
      const res = await t.request('/v1/webhooks', { method: 'POST', token: ws.secret_key, json });
      expect(res.status).toBe(400);
      return (await readJson(res)).error.message as string;
    };
    expect(await bad({ url: 'https://hooks.example.com/x', event_types: ['interview.done'] })).toContain(
      'event_types.0',
    );
    expect(await bad({ event_types: ['brief.ready'] })).toContain('url');
    expect(await bad({ url: 'not a url', event_types: ['brief.ready'] })).toContain('url');
    expect(await bad({ url: 'ftp://hooks.example.com/x', event_types: ['brief.ready'] })).toContain('url');
    expect(await bad({ url: 'https://hooks.example.com/x', event_types: [] })).toContain('event_types');
    expect((await readJson(await t.request('/v1/webhooks', { token: ws.secret_key }))).webhooks).toEqual([]);
  });

  it('checks the address again at delivery time and sends nothing to a host that now resolves privately', async () => {
    let hits = 0;
    const local = createServer((_req, res) => {
      hits++;
      res.writeHead(200).end();
    });
    await new Promise<void>((r) => local.listen(0, '127.0.0.1', () => r()));
    try {
      const ws = await createTestWorkspace(t);
      // As if DNS for an accepted host changed after creation: the stored URL now points at loopback.
      const { port } = local.address() as AddressInfo;
      const ep = await t.deps.db
        .insertInto('webhook_endpoints')
        .values({
          workspace_id: ws.id,
          url: `http://127.0.0.1:${port}/hook`,
          secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
          event_types: ['brief.ready'],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect((await t.request(`/v1/webhooks/${ep.id}/test`, { method: 'POST', token: ws.secret_key })).status).toBe(
        202,
      );
      const [row] = await eventually(async () => {
        const rows = await deliveries(t, ws.secret_key, ep.id);
        return rows[0]?.status === 'retrying' ? rows : undefined;
      });
      expect(row).toMatchObject({ attempts: 1, last_status_code: null, delivered_at: null });
      expect(String(row?.last_error)).toContain('127.0.0.1');
      expect(String(row?.last_error)).toMatch(/non-public/);
      expect(typeof row?.next_attempt_at).toBe('string');
      expect(hits).toBe(0);
    } finally {
      await new Promise((r) => local.close(() => r(undefined)));
    }
  });

  it('requires a secret key', async () => {
    expect((await t.request('/v1/webhooks')).status).toBe(401);
  });

  it('lists the webhook routes in the OpenAPI document', async () => {
    const doc = await readJson(await t.request('/openapi.json'));
    for (const p of ['/v1/webhooks', '/v1/webhooks/{id}', '/v1/webhooks/{id}/deliveries', '/v1/webhooks/{id}/test'])
      expect(doc.paths[p]).toBeDefined();
  });
});
