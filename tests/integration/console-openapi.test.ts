import { consoleOpenApiDocument } from '@candor/api/routes/console-routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedInConsoleApiTypes, consoleApiTypes } from '../../console/scripts/api-schema';
import { signIn } from '../support/console-session';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

describe(`the console API contract (${databaseKind})`, () => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    t = await startTestApp();
    const ws = await createTestWorkspace(t);
    ({ cookie } = await signIn(t, ws.id, 'csm@vendor.io', 'csm'));
  });
  afterAll(() => t?.close());

  it('publishes its own OpenAPI document to signed-in members only', async () => {
    expect((await t.request('/console/api/openapi.json')).status).toBe(401);
    const res = await t.request('/console/api/openapi.json', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const doc = await readJson(res);
    expect(doc).toEqual(JSON.parse(JSON.stringify(consoleOpenApiDocument())));
    expect(doc.servers).toEqual([{ url: '/console/api' }]);
    expect(doc.paths['/brief-runs/{id}'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/BriefRun',
    });
  });

  it('keeps the console routes out of the public /openapi.json, but for the session’s own two', async () => {
    const publicPaths = Object.keys((await readJson(await t.request('/openapi.json'))).paths);
    const consolePaths = Object.keys(consoleOpenApiDocument().paths ?? {});
    expect(consolePaths).toContain('/brief-runs/{id}');
    // Who is signed in and signing out are documented publicly (with the session scheme) and
    // are part of the console's contract too, from the same route definitions.
    expect(publicPaths.filter((p) => consolePaths.some((c) => p === c || p === `/console/api${c}`))).toEqual([
      '/console/api/me',
      '/console/api/sign-out',
    ]);
  });

  it('has its checked-in console types generated from the current document (npm run generate -w console)', async () => {
    expect(checkedInConsoleApiTypes()).toBe(await consoleApiTypes());
  });
});
