import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from './post-webhook';

describe('postWebhook', () => {
  let server: Server;
  let port = 0;
  const seen: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        seen.push({ path: req.url ?? '', headers: req.headers, body });
        if (req.url === '/hang') return; // never answers
        if (req.url === '/redirect') return res.writeHead(302, { location: '/ok' }).end();
        res.writeHead(req.url === '/ok' ? 204 : 503).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  const local = [{ address: '127.0.0.1', family: 4 as const }];

  it('connects only to the pinned address, whatever the host name resolves to', async () => {
    const result = await postWebhook(new URL(`http://hooks.example.invalid:${port}/ok`), local, {}, '{"a":1}', 2000);
    expect(result).toEqual({ ok: true, status: 204 });
    const last = seen.at(-1);
    expect(last?.headers.host).toBe(`hooks.example.invalid:${port}`);
    expect(last?.headers['content-type']).toBe('application/json');
    expect(last?.body).toBe('{"a":1}');
  });

  it('reports a non-2xx answer and does not follow redirects', async () => {
    expect(await postWebhook(new URL(`http://127.0.0.1:${port}/down`), local, {}, '{}', 2000)).toEqual({
      ok: false,
      status: 503,
      error: 'HTTP 503',
    });
    const before = seen.length;
    expect(await postWebhook(new URL(`http://127.0.0.1:${port}/redirect`), local, {}, '{}', 2000)).toMatchObject({
      ok: false,
      status: 302,
    });
    expect(seen.length).toBe(before + 1);
  });

  it('gives up when the receiver does not answer in time', async () => {
    const started = Date.now();
    const result = await postWebhook(new URL(`http://127.0.0.1:${port}/hang`), local, {}, '{}', 300);
    expect(result).toEqual({ ok: false, status: null, error: 'timed out after 300 ms' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
