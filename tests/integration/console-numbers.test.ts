import { INTERNAL_EVENTS } from '@candor/api/events/daily-usage';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { runJob } from '../support/jobs';

const DAY = 86_400_000;

// The console shows one number in several places: usage on the account page and in its
// health reason, interviews on Home and in the funnel. Each place must count the same things.
describe(`the console's numbers agree (${databaseKind})`, () => {
  let t: TestApp;
  let ws: Awaited<ReturnType<typeof createTestWorkspace>>;
  let csm: string;
  let admin: string;
  const accountIds: Record<string, string> = {};
  let now: number;

  const post = async (path: string, json: unknown) => {
    const res = await t.request(path, { method: 'POST', token: ws.secret_key, json });
    expect(res.status, path).toBeLessThan(300);
    return readJson(res);
  };
  const consoleGet = async (path: string, cookie: string) => {
    const res = await t.request(`/console/api${path}`, { headers: { cookie } });
    expect(res.status, path).toBe(200);
    return readJson(res);
  };
  /** Candor's own events and a CSM's activity on an account, at `at`. */
  const internalEvents = (account: string, at: number) =>
    INTERNAL_EVENTS.map((event) => ({ event, account_id: account, timestamp: new Date(at).toISOString() }));

  beforeAll(async () => {
    t = await startTestApp();
    now = t.deps.now().getTime();
    ws = await createTestWorkspace(t, 'Numbers Co');
    await post('/v1/accounts', {
      accounts: [
        { id: 'quiet', name: 'Quiet Co', owner_email: 'ana@numbers.example', arr: 10_000 },
        { id: 'busy', name: 'Busy Co', owner_email: 'ana@numbers.example', arr: 20_000 },
        { id: 'elsewhere', name: 'Elsewhere Co', owner_email: 'ben@numbers.example', arr: 30_000 },
      ],
    });
    await post('/v1/contacts', {
      contacts: [
        { id: 'q1', account_id: 'quiet', email: 'q1@quiet.example' },
        { id: 'b1', account_id: 'busy', email: 'b1@busy.example' },
        { id: 'e1', account_id: 'elsewhere', email: 'e1@elsewhere.example' },
      ],
    });
    // Quiet Co used the product 40 days ago and since then only heard from its CSM and Candor.
    const events = [
      ...Array.from({ length: 12 }, (_, i) => ({
        event: 'login',
        account_id: 'quiet',
        timestamp: new Date(now - 40 * DAY - i * 60_000).toISOString(),
      })),
      ...[1, 2, 3].flatMap((d) => internalEvents('quiet', now - d * DAY)),
      // Busy Co used it this week, among as many internal events.
      ...Array.from({ length: 3 }, (_, i) => ({
        event: 'report_created',
        account_id: 'busy',
        timestamp: new Date(now - DAY - i * 60_000).toISOString(),
      })),
      ...internalEvents('busy', now - DAY),
    ];
    await post('/v1/events', { events });
    const rows = await t.deps.db
      .selectFrom('accounts')
      .select(['id', 'external_id'])
      .where('workspace_id', '=', ws.id)
      .execute();
    for (const r of rows) accountIds[r.external_id] = r.id;
    csm = (await signIn(t, ws.id, 'ana@numbers.example', 'csm')).cookie;
    admin = (await signIn(t, ws.id, 'lead@numbers.example', 'admin')).cookie;
  }, 180_000);
  afterAll(() => t?.close());

  it('counts internal events as usage nowhere: the usage card and the health reason agree', async () => {
    await runJob(t, 'recompute-health', { workspaceId: ws.id, accountId: accountIds.quiet! });
    const quiet = await consoleGet(`/accounts/${accountIds.quiet}`, csm);
    expect(quiet.usage).toEqual({ last_30d: 0, previous_30d: 12, top: [] });
    expect(quiet.account.health_reasons.map((r: { label: string }) => r.label)).toContain(
      'No usage in the last 30 days (12 events the 30 days before)',
    );
    expect(quiet.account.health_state).toBe('at_risk');
    const busy = await consoleGet(`/accounts/${accountIds.busy}`, csm);
    expect(busy.usage).toEqual({ last_30d: 3, previous_30d: 0, top: [{ name: 'report_created', count: 3 }] });
    // The internal events are still on the timeline: they happened, they are just not usage.
    expect(busy.timeline.map((e: { title: string }) => e.title)).toContain('csm_touch');
  });

  it('counts interviews sent by hand in the funnel and on Home', async () => {
    const guides = await readJson(await t.request('/v1/guides', { token: ws.secret_key }));
    const guide = guides.guides.find((g: { moment: string }) => g.moment === 'health_pulse');
    const homeBefore = await consoleGet('/home', csm);
    const sent = await post('/v1/interviews', { contact_id: 'b1', guide_id: guide.id, channel: 'email' });
    // One from the API, one from the console's account page (recorded as an invitation without a trigger).
    const contact = await t.deps.db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('external_id', '=', 'e1')
      .executeTakeFirstOrThrow();
    const fromConsole = await consoleCall(t, admin)('POST', `/contacts/${contact.id}/invitations`, {
      guide_id: guide.id,
      channel: 'in_app',
    });
    expect(fromConsole.status).toBe(201);
    // The customer opens the first one.
    const started = await t.request(`/v1/widget/interviews/${sent.id}/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${new URL(sent.url).pathname.split('/').pop()}` },
    });
    expect(started.status).toBe(200);

    const byTrigger = await readJson(await t.request('/v1/funnel?by=trigger', { token: ws.secret_key }));
    expect(byTrigger.funnels).toEqual([
      expect.objectContaining({ key: 'manual', eligible: 2, skipped: 0, invited: 2, started: 1, completed: 0 }),
    ]);
    const byMoment = await readJson(await t.request('/v1/funnel?by=moment', { token: ws.secret_key }));
    expect(byMoment.funnels).toEqual([expect.objectContaining({ key: 'health_pulse', invited: 2, started: 1 })]);
    const triggers = await consoleGet('/triggers', admin);
    expect(triggers.manual).toMatchObject({ invited: 2, started: 1, completed: 0 });

    // Ana's Home counts the one sent to her book; the admin's counts both.
    const home = await consoleGet('/home', csm);
    expect(home.kpis.invited_30d).toBe(homeBefore.kpis.invited_30d + 1);
    expect(home.kpis.started_30d).toBe(homeBefore.kpis.started_30d + 1);
    const team = await consoleGet('/home', admin);
    expect(team.kpis.invited_30d).toBe(2);
  });

  it('counts the last 90 days in every funnel, the console and the API alike', async () => {
    const guides = await readJson(await t.request('/v1/guides', { token: ws.secret_key }));
    const guide = guides.guides.find((g: { moment: string }) => g.moment === 'expansion');
    const rule = await post('/v1/triggers', {
      name: 'Expansion on demand',
      holdout_percent: 0,
      guide_id: guide.id,
      when: { type: 'manual' },
    });
    await post('/v1/accounts', {
      accounts: [
        { id: 'window-a', name: 'Window A' },
        { id: 'window-b', name: 'Window B' },
      ],
    });
    await post('/v1/contacts', {
      contacts: [
        { id: 'wa1', account_id: 'window-a', email: 'wa1@window.example' },
        { id: 'wb1', account_id: 'window-b', email: 'wb1@window.example' },
      ],
    });
    const run = await post(`/v1/triggers/${rule.id}/run`, { contact_ids: ['wa1', 'wb1'] });
    expect(run.results.map((r: { decision: string }) => r.decision)).toEqual(['invited', 'invited']);
    // One of the two was decided 91 days ago (and its interview sent then): outside the window.
    const old = await t.deps.db
      .selectFrom('invitations')
      .select(['id', 'interview_id'])
      .where('workspace_id', '=', ws.id)
      .where('trigger_id', '=', rule.id)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const longAgo = new Date(now - 91 * DAY);
    await sql`update invitations set created_at = ${longAgo} where id = ${old.id}`.execute(t.deps.db);
    await t.deps.db
      .updateTable('interviews')
      .set({ invited_at: longAgo })
      .where('id', '=', old.interview_id as string)
      .execute();
    // And a hand-sent interview of 91 days ago no longer counts either.
    await t.deps.db
      .updateTable('interviews')
      .set({ invited_at: longAgo })
      .where('workspace_id', '=', ws.id)
      .where('trigger_id', 'is', null)
      .where('started_at', 'is', null)
      .execute();

    const one = await readJson(await t.request(`/v1/triggers/${rule.id}/funnel`, { token: ws.secret_key }));
    expect(one).toMatchObject({ eligible: 1, invited: 1, skipped: 0, started: 0, completed: 0 });
    expect(one.window.days).toBe(90);
    expect(Math.abs(Date.parse(one.window.since) - (Date.now() - 90 * DAY))).toBeLessThan(60_000);

    const byTrigger = await readJson(await t.request('/v1/funnel?by=trigger', { token: ws.secret_key }));
    expect(byTrigger.window).toMatchObject({ days: 90 });
    const row = byTrigger.funnels.find((f: { key: string }) => f.key === rule.id);
    const manual = byTrigger.funnels.find((f: { key: string }) => f.key === 'manual');
    expect(row).toMatchObject({ eligible: 1, invited: 1 });
    expect(manual).toMatchObject({ invited: 1, started: 1 });

    const listed = await consoleGet('/triggers', admin);
    expect(listed.window).toEqual(expect.objectContaining({ days: 90 }));
    const item = listed.items.find((i: { id: string }) => i.id === rule.id);
    expect({ invited: item.invited, skipped: item.skipped, started: item.started, completed: item.completed }).toEqual({
      invited: row.invited,
      skipped: row.skipped,
      started: row.started,
      completed: row.completed,
    });
    const { key: _key, ...manualStages } = manual;
    expect(listed.manual).toEqual(manualStages);
  });

  it("shows each rule's funnel in the console as GET /v1/triggers/{id}/funnel counts it", async () => {
    const guides = await readJson(await t.request('/v1/guides', { token: ws.secret_key }));
    const guide = guides.guides.find((g: { moment: string }) => g.moment === 'expansion');
    const rule = (name: string) =>
      post('/v1/triggers', { name, holdout_percent: 0, guide_id: guide.id, when: { type: 'manual' } });
    const first = await rule('Same numbers, first');
    const second = await rule('Same numbers, second');
    await post('/v1/accounts', { accounts: [{ id: 'same-a', name: 'Same A' }] });
    await post('/v1/contacts', {
      contacts: [
        { id: 'sa1', account_id: 'same-a', email: 'sa1@same.example' },
        { id: 'sa2', account_id: 'same-a', email: 'sa2@same.example' },
      ],
    });
    const invited = await post(`/v1/triggers/${first.id}/run`, { contact_ids: ['sa1', 'sa2'] });
    expect(invited.results.map((r: { decision: string }) => r.decision)).toEqual(['invited', 'invited']);
    // The same guide again for a contact just asked: the second rule's invitation is skipped.
    const skipped = await post(`/v1/triggers/${second.id}/run`, { contact_ids: ['sa1'] });
    expect(skipped.results.map((r: { decision: string }) => r.decision)).toEqual(['skipped']);
    // One of the first rule's interviews was answered to the end.
    const answered = await t.deps.db
      .selectFrom('invitations')
      .select('interview_id')
      .where('workspace_id', '=', ws.id)
      .where('trigger_id', '=', first.id)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('interviews')
      .set({ started_at: new Date(now), ended_at: new Date(now), status: 'completed' })
      .where('id', '=', answered.interview_id as string)
      .execute();

    const listed = await consoleGet('/triggers', admin);
    const stages = ['invited', 'skipped', 'started', 'completed'] as const;
    const pick = (f: Record<string, unknown>) => Object.fromEntries(stages.map((s) => [s, f[s]]));
    const byApi: Record<string, unknown> = {};
    for (const item of listed.items as { id: string }[]) {
      const one = await readJson(await t.request(`/v1/triggers/${item.id}/funnel`, { token: ws.secret_key }));
      expect(one.window.days).toBe(listed.window.days);
      expect(pick(item), item.id).toEqual(pick(one));
      byApi[item.id] = pick(one);
    }
    expect(byApi[first.id]).toEqual({ invited: 2, skipped: 0, started: 1, completed: 1 });
    expect(byApi[second.id]).toEqual({ invited: 0, skipped: 1, started: 0, completed: 0 });
  });
});
