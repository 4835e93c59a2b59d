import { runCommand } from '@candor/api/cli/commands';
import { onFirstStart } from '@candor/api/first-start';
import { createWorkspace } from '@candor/api/workspaces/create-workspace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

/** A workspace flagged as the demo, with one account and its champion (what /demo invites). */
async function demoLikeWorkspace(t: TestApp) {
  const ws = await createWorkspace(t.deps, { name: 'Northwind (demo)', isDemo: true });
  const account = await t.deps.db
    .insertInto('accounts')
    .values({ workspace_id: ws.id, external_id: 'acct_1', name: 'Acme', attributes: {}, health_reasons: [] })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.deps.db
    .insertInto('contacts')
    .values({
      workspace_id: ws.id,
      account_id: account.id,
      external_id: 'user_1',
      name: 'Dana Champion',
      email: 'dana@acme.example',
      role: 'champion',
      attributes: {},
    })
    .execute();
  return ws;
}

const interviewsIn = (t: TestApp, workspaceId: string) =>
  t.deps.db.selectFrom('interviews').select('id').where('workspace_id', '=', workspaceId).execute();
const demoInvite = (t: TestApp) => t.request('/demo/invite', { method: 'POST', json: { moment: 'onboarding' } });

describe(`CANDOR_DEMO=false switches the demo off (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CANDOR_DEMO: 'false' });
  }, 120_000);
  afterAll(() => t?.close());

  it('seeds no demo workspace on first start, and the CLI will not seed one', async () => {
    const banner = await onFirstStart(t.deps);
    expect(banner).not.toContain('/demo');
    expect(await t.deps.db.selectFrom('workspaces').select('id').execute()).toEqual([]);
    const seeded = await runCommand(t.deps, ['seed-demo'], { viaServer: false });
    expect(seeded.exitCode).toBe(1);
    expect(seeded.stderr).toContain('CANDOR_DEMO=false');
    expect(await t.deps.db.selectFrom('workspaces').select('id').execute()).toEqual([]);
  });

  it('answers 404 for the demo page, its script and its invite, even with a demo workspace left over', async () => {
    const ws = await demoLikeWorkspace(t);
    expect((await t.request('/demo')).status).toBe(404);
    expect((await t.request('/demo/app.js')).status).toBe(404);
    const res = await demoInvite(t);
    expect(res.status).toBe(404);
    expect(await interviewsIn(t, ws.id)).toEqual([]);
  });
});

describe(`the demo invite acts only on the demo workspace (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t?.close());

  it('invites nobody without a demo workspace, and only the demo champion with one', async () => {
    const customer = await createTestWorkspace(t, 'Real Customer Co');
    await t.deps.db
      .insertInto('contacts')
      .values({ workspace_id: customer.id, external_id: 'user_1', email: 'real@customer.example', attributes: {} })
      .execute();
    expect((await demoInvite(t)).status).toBe(404);
    expect(await interviewsIn(t, customer.id)).toEqual([]);

    const demo = await demoLikeWorkspace(t);
    const res = await demoInvite(t);
    expect(res.status).toBe(201);
    const { interview_id } = await readJson(res);
    expect((await interviewsIn(t, demo.id)).map((i) => i.id)).toEqual([interview_id]);
    expect(await interviewsIn(t, customer.id)).toEqual([]);
    expect((await t.request('/demo')).status).toBe(200);
  });
});
