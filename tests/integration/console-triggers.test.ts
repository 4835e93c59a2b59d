import { tenant } from '@candor/api/db/tenant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { createTestWorkspace, readJson, startTestApp, type TestApp } from '../support/harness';

describe('console trigger editing and dry run', () => {
  let t: TestApp;
  let ws: Awaited<ReturnType<typeof createTestWorkspace>>;
  let admin: ReturnType<typeof consoleCall>;
  let csm: ReturnType<typeof consoleCall>;
  let otherAdmin: ReturnType<typeof consoleCall>;
  let guideId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t, 'Plays Co');
    const other = await createTestWorkspace(t, 'Other Co');
    admin = consoleCall(t, (await signIn(t, ws.id, 'admin@plays.example', 'admin')).cookie);
    csm = consoleCall(t, (await signIn(t, ws.id, 'csm@plays.example', 'csm')).cookie);
    otherAdmin = consoleCall(t, (await signIn(t, other.id, 'admin@other.example', 'admin')).cookie);
    guideId = (await readJson(await admin('GET', '/guides'))).items[0].id;
    await t.request('/v1/accounts', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        accounts: [
          { id: 'acme', name: 'Acme', plan: 'enterprise' },
          { id: 'beta', name: 'Beta', plan: 'enterprise' },
          { id: 'gamma', name: 'Gamma', plan: 'starter' },
        ],
      },
    });
    await t.request('/v1/contacts', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        contacts: [
          { id: 'ada', account_id: 'acme', email: 'ada@acme.io', role: 'champion' },
          { id: 'bo', account_id: 'acme', email: 'bo@acme.io', role: 'user' },
          { id: 'cy', account_id: 'beta', email: 'cy@beta.io', role: 'Champion' },
          { id: 'di', account_id: 'gamma', email: 'di@gamma.io', role: 'champion' },
        ],
      },
    });
  }, 120_000);
  afterAll(() => t?.close());

  const enterprise = { type: 'attribute', target: 'account', attribute: 'plan', op: 'eq', value: 'enterprise' };
  const counts = async () => ({
    triggers: (await tenant(t.deps.db, ws).selectFrom('triggers').select('id').execute()).length,
    invitations: (await tenant(t.deps.db, ws).selectFrom('invitations').select('id').execute()).length,
  });

  it('a dry run counts the contacts a rule would match now, and records nothing', async () => {
    const before = await counts();
    const all = await admin('POST', '/triggers/dry-run', { when: enterprise, who: { type: 'account_contacts' } });
    expect(all.status).toBe(200);
    expect(await readJson(all)).toEqual({ evaluable: true, contacts: 3 });
    const champions = await admin('POST', '/triggers/dry-run', {
      when: enterprise,
      who: { type: 'account_contacts', roles: ['champion'] },
    });
    expect(await readJson(champions)).toEqual({ evaluable: true, contacts: 2 });
    expect(await counts()).toEqual(before);

    const event = await readJson(await admin('POST', '/triggers/dry-run', { when: { type: 'event', event: 'x' } }));
    expect(event).toMatchObject({ evaluable: false, contacts: null });
    expect(event.reason).toMatch(/when the event arrives/);
  });

  it('a dry run in another workspace sees none of these contacts', async () => {
    const res = await otherAdmin('POST', '/triggers/dry-run', { when: enterprise, who: { type: 'account_contacts' } });
    expect(await readJson(res)).toEqual({ evaluable: true, contacts: 0 });
  });

  it('creates, pauses, edits and deletes a rule; the API lists what the console made', async () => {
    const created = await admin('POST', '/triggers', {
      name: 'Enterprise check-in',
      guide_id: guideId,
      when: enterprise,
      who: { type: 'account_contacts', roles: ['champion'] },
      how: { channel: 'email' },
      do: [{ type: 'invite' }, { type: 'crm_task', to: 'owner' }],
    });
    expect(created.status).toBe(201);
    const rule = await readJson(created);
    expect(rule).toMatchObject({ name: 'Enterprise check-in', enabled: true, how: { channel: 'email' } });

    const paused = await admin('PATCH', `/triggers/${rule.id}`, { enabled: false });
    expect(paused.status).toBe(200);
    expect((await readJson(paused)).enabled).toBe(false);
    const renamed = await readJson(await admin('PATCH', `/triggers/${rule.id}`, { name: 'Enterprise pulse' }));
    // A patch changes only what it sends: still paused, same who, how and steps.
    expect(renamed).toMatchObject({
      name: 'Enterprise pulse',
      enabled: false,
      who: { type: 'account_contacts', roles: ['champion'] },
      how: { channel: 'email' },
      do: [{ type: 'invite' }, { type: 'crm_task', to: 'owner' }],
    });
    const listed = await readJson(await t.request('/v1/triggers', { token: ws.secret_key }));
    expect(listed.triggers.map((r: { name: string }) => r.name)).toEqual(['Enterprise pulse']);

    // Another workspace's admin can neither change nor delete it.
    expect((await otherAdmin('PATCH', `/triggers/${rule.id}`, { enabled: true })).status).toBe(404);
    expect((await otherAdmin('DELETE', `/triggers/${rule.id}`)).status).toBe(404);

    const deleted = await admin('DELETE', `/triggers/${rule.id}`);
    expect(deleted.status).toBe(200);
    expect((await readJson(await t.request('/v1/triggers', { token: ws.secret_key }))).triggers).toEqual([]);
    expect((await admin('DELETE', `/triggers/${rule.id}`)).status).toBe(404);
    expect((await admin('PATCH', '/triggers/not-a-uuid', { enabled: true })).status).toBe(404);
  });

  it('answers a bad rule with a 400 whose message names the field, as the form shows it', async () => {
    const noName = await admin('POST', '/triggers', { name: ' ', guide_id: guideId, when: enterprise });
    expect(noName.status).toBe(400);
    const body = await readJson(noName);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(/^name: /);
    const badOffset = await admin('POST', '/triggers/dry-run', {
      when: { type: 'schedule', anchor: 'renewal_date', offset_days: 9999 },
    });
    expect(badOffset.status).toBe(400);
    expect((await readJson(badOffset)).error.message).toMatch(/^when\.offset_days: /);
  });

  it('only admins edit rules', async () => {
    expect((await csm('POST', '/triggers', { name: 'x', guide_id: guideId, when: enterprise })).status).toBe(403);
    expect((await csm('POST', '/triggers/dry-run', { when: enterprise })).status).toBe(403);
    expect(await counts()).toMatchObject({ triggers: 0 });
  });
});
