import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness';
import { ensureConsoleBuilt } from './console-support';

describe('serving the widget', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves /widget.js with a short cache and CORS, naming the content-hashed UI bundle', async () => {
    const res = await t.request('/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toContain('max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.text();
    expect(body).toMatch(/widget\/ui\.[a-f0-9]{12}\.js/);
    const etag = res.headers.get('etag')!;
    expect((await t.request('/widget.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('serves the UI bundle immutable for a year, gzipped on request, and 404s unknown bundles', async () => {
    const loader = await (await t.request('/widget.js')).text();
    const file = /widget\/ui\.[a-f0-9]{12}\.js/.exec(loader)![0];
    const res = await t.request(`/${file}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const code = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8');
    expect(code).toContain('attachShadow');
    expect((await t.request('/widget/ui.0123456789ab.js')).status).toBe(404);
    expect((await t.request('/widget/../package.json')).status).toBe(404);
  });

  it('sends brotli to clients that accept it, gzip to those that take only gzip, and plain text otherwise', async () => {
    const loader = await (await t.request('/widget.js')).text();
    const file = /widget\/ui\.[a-f0-9]{12}\.js/.exec(loader)![0];
    for (const path of ['/widget.js', `/${file}`, '/docs/scalar.js']) {
      const identity = await t.request(path, { headers: { 'accept-encoding': 'identity' } });
      expect(identity.headers.get('content-encoding')).toBeNull();
      const plain = await identity.text();

      const br = await t.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
      expect(br.status).toBe(200);
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('vary')).toContain('Accept-Encoding');
      const compressed = Buffer.from(await br.arrayBuffer());
      expect(brotliDecompressSync(compressed).toString('utf8')).toBe(plain);
      expect(compressed.length).toBeLessThan(plain.length / 2);

      const gz = await t.request(path, { headers: { 'accept-encoding': 'br;q=0, gzip' } });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(plain);
    }
  });

  it("serves the console's scripts in the brotli its build wrote, and compresses gzip on request", async () => {
    ensureConsoleBuilt();
    const index = await (await t.request('/', { headers: { accept: 'text/html' } })).text();
    const asset = /\/assets\/[A-Za-z0-9_-]+\.js/.exec(index)![0];
    const plain = await (await t.request(asset, { headers: { 'accept-encoding': 'identity' } })).text();
    const br = await t.request(asset, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    const body = Buffer.from(await br.arrayBuffer());
    // Byte for byte the build's file: no process spends seconds compressing it on a first visit.
    expect(body.equals(readFileSync(new URL(`../../console/dist${asset}.br`, import.meta.url)))).toBe(true);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(plain);
    const gz = await t.request(asset, { headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(plain);
  });
});
