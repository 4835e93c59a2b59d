import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { startBareQueue } from '../support/jobs';

describe(`system endpoints (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers /healthz', async () => {
    const res = await t.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with the database and migrations checked', async () => {
    const res = await t.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: true, migrations: true });
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await t.request('/nope');
    expect(res.status).toBe(404);
    const body = await readJson(res);
    expect(body.error.code).toBe('not_found');
  });

  it('serves the OpenAPI 3.1 document and the reference page', async () => {
    const doc = await readJson(await t.request('/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/readyz']).toBeDefined();
    const page = await t.request('/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/docs/scalar.js');
    const js = await t.request('/docs/scalar.js');
    expect(js.status).toBe(200);
  });

  it('refuses a body over 256 KB with 413, whether its length is declared or it comes chunked', async () => {
    // Over real HTTP, where a declared length is checked from the header and a chunked body is counted.
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/widget/identify`;
      const big = JSON.stringify({ key: 'pk_x', user: { id: 'u1', name: 'x'.repeat(300 * 1024) } });
      const declared = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      expect(declared.status).toBe(413);
      expect((await readJson(declared)).error.code).toBe('payload_too_large');
      const bytes = new TextEncoder().encode(big);
      const chunked = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 16 * 1024) controller.enqueue(bytes.subarray(i, i + 16 * 1024));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      expect((await readJson(chunked)).error.code).toBe('payload_too_large');
      // Under the limit, the same route reads the body as usual (and refuses the unknown key).
      const small = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"key":"pk_x","user":{"id":"u1"}}',
      });
      expect(small.status).toBe(401);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('sets security headers', async () => {
    const res = await t.request('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('runs a background job through the queue', async () => {
    await t.deps.jobs.send('ping', { token: 'abc' });
    const deadline = Date.now() + 15_000;
    let row: { value: string } | undefined;
    while (!row && Date.now() < deadline) {
      row = await t.deps.db
        .selectFrom('instance_settings')
        .select('value')
        .where('key', '=', 'ping:abc')
        .executeTakeFirst();
      if (!row) await new Promise((r) => setTimeout(r, 100));
    }
    expect(row).toBeDefined();
  });

  it('puts every recurring job on its clock once, and drops a retired schedule', async () => {
    const schedules = async () =>
      (
        await sql<{ name: string; cron: string }>`select name, cron from pgboss.schedule order by name`.execute(
          t.deps.db,
        )
      ).rows.map((r) => `${r.name} ${r.cron}`);
    const expected = [
      'erase-expired-transcripts 45 3 * * *',
      'evaluate-triggers */5 * * * *',
      'recompute-all-health 0 5 * * *',
      'renewal-briefs 30 5 * * *',
      'sweep-abandoned-interviews * * * * *',
      'sweep-deliveries * * * * *',
      'sync-crm-accounts 20 * * * *',
      'weekly-briefings 5 * * * *',
    ];
    expect(await schedules()).toEqual(expected);
    // A database from before the webhook sweep took its new name still holds the old schedule.
    const boss = await startBareQueue(t);
    await boss.createQueue('sweep-webhook-deliveries');
    await boss.schedule('sweep-webhook-deliveries', '* * * * *', {});
    await boss.stop({ graceful: false, close: true });
    expect(await schedules()).toContain('sweep-webhook-deliveries * * * * *');
    await t.deps.jobs.scheduleRecurring();
    expect(await schedules()).toEqual(expected);
  });
});
