import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { createTestWorkspace, readJson, startTestApp, type TestApp } from '../support/harness';

describe('console New guide', () => {
  let t: TestApp;
  let ws: Awaited<ReturnType<typeof createTestWorkspace>>;
  let admin: ReturnType<typeof consoleCall>;
  let csm: ReturnType<typeof consoleCall>;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t, 'Guides New Co');
    admin = consoleCall(t, (await signIn(t, ws.id, 'admin@new.example', 'admin')).cookie);
    csm = consoleCall(t, (await signIn(t, ws.id, 'csm@new.example', 'csm')).cookie);
  }, 120_000);
  afterAll(() => t?.close());

  it('copies a template under a new name, at version 1, listed by the API', async () => {
    const res = await admin('POST', '/guides', { name: 'Renewal check for EMEA', template: 'pre_renewal' });
    expect(res.status).toBe(201);
    const guide = await readJson(res);
    expect(guide).toMatchObject({ name: 'Renewal check for EMEA', version: 1 });
    expect(guide.body.moment).toBe('pre_renewal');
    expect(guide.body.topics.length).toBeGreaterThan(1);
    const listed = await readJson(await t.request('/v1/guides', { token: ws.secret_key }));
    expect(listed.guides.map((g: { name: string }) => g.name)).toContain('Renewal check for EMEA');
  });

  it('starts a blank guide with one topic to fill in', async () => {
    const guide = await readJson(await admin('POST', '/guides', { name: 'Blank one', moment: 'expansion' }));
    expect(guide.body).toMatchObject({ name: 'Blank one', moment: 'expansion' });
    expect(guide.body.topics).toHaveLength(1);
  });

  it('answers bad input with a 400 naming the field, and CSMs with a 403', async () => {
    const noName = await admin('POST', '/guides', { name: '', template: 'blank' });
    expect(noName.status).toBe(400);
    expect((await readJson(noName)).error.message).toMatch(/^name: /);
    const badTemplate = await admin('POST', '/guides', { name: 'x', template: 'nope' });
    expect((await readJson(badTemplate)).error.message).toMatch(/^template: /);
    expect((await csm('POST', '/guides', { name: 'CSM guide' })).status).toBe(403);
  });
});
