import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness';

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
});
