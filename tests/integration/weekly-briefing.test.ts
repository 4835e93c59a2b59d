import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { waitForJob } from '../support/jobs';
import { recordAnswer } from '../support/signal-fixtures';

const DAY = 86_400_000;

describe(`the weekly CSM briefing (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  // Next Monday, 07:10 UTC (the workspace's time zone is UTC): when the briefing goes out.
  const monday = (() => {
    const d = new Date();
    const next = new Date(
      Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7), 7, 10),
    );
    return next;
  })();
  const at = (days: number) => new Date(monday.getTime() + days * DAY);

  beforeAll(async () => {
    t = await startTestApp();
    t.deps.now = () => monday;
    ws = await createTestWorkspace(t);
    const db = t.deps.db;
    await db
      .insertInto('members')
      .values([
        { workspace_id: ws.id, email: 'carol@vendor.io', name: 'Carol', role: 'csm' },
        { workspace_id: ws.id, email: 'idle@vendor.io', name: 'No Accounts', role: 'csm' },
      ])
      .execute();
    const account = (id: string, extra: object) =>
      db
        .insertInto('accounts')
        .values({
          workspace_id: ws.id,
          external_id: id,
          name: id,
          owner_email: 'carol@vendor.io',
          attributes: {},
          health_reasons: [],
          last_touch_at: at(-2),
          ...extra,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const risky = await account('Risky Co', {
      arr_cents: 90_000_00,
      health_state: 'at_risk',
      health_reasons: [{ code: 'usage_drop', text: 'Usage down 60% over 30 days (50 → 20 events)' }],
    });
    await account('Renewing Co', {
      arr_cents: 40_000_00,
      health_state: 'healthy',
      renewal_date: at(20).toISOString().slice(0, 10),
    });
    await account('Quiet Co', { arr_cents: 70_000_00, health_state: 'healthy', last_touch_at: at(-40) });
    await account('Fine Co', { arr_cents: 10_000_00, health_state: 'healthy' });
    await db
      .insertInto('events')
      .values({
        workspace_id: ws.id,
        account_id: risky.id,
        name: 'meeting_scheduled',
        occurred_at: at(-3),
        properties: {
          time: at(2).toISOString(),
          title: 'Renewal check-in: Risky Co',
          attendees: [{ name: 'Ada', role: 'champion' }],
        },
      })
      .execute();
    await recordAnswer(t, ws.id, {
      accountId: risky.id,
      text: 'We cannot roll out further without SSO.',
      signals: [{ kind: 'feature_request', value: { summary: 'SSO' }, quote: 'without SSO', created_at: at(-10) }],
    });
    const release = await t.request('/v1/releases', {
      method: 'POST',
      token: ws.secret_key,
      json: { title: 'SAML single sign-on', features: ['sso', 'okta'], released_on: at(-1).toISOString().slice(0, 10) },
    });
    expect(release.status).toBe(201);
  });
  afterAll(() => t?.close());

  it('goes out on Monday morning with priorities, meeting prep, quiet accounts, matching releases and time blocks', async () => {
    const job = await t.deps.jobs.send('weekly-briefings', {});
    await waitForJob(t, job!);
    const res = await t.request('/v1/briefings/weekly?member=carol@vendor.io', { token: ws.secret_key });
    expect(res.status).toBe(200);
    const { content: b } = await readJson(res);
    expect(b.week_of).toBe(monday.toISOString().slice(0, 10));
    expect(b.priorities.map((p: { account: string }) => p.account)).toEqual(['Risky Co', 'Renewing Co']);
    expect(b.priorities[0].why[0]).toMatch(/At risk: Usage down 60%/);
    expect(b.priorities[1].why).toEqual(['Renews in 20 days']);
    expect(b.meetings).toEqual([
      expect.objectContaining({
        account: 'Risky Co',
        title: 'Renewal check-in: Risky Co',
        attendees: ['Ada (champion)'],
      }),
    ]);
    expect(b.meetings[0].talking_points).toContain('Update on their request: SSO');
    expect(b.needs_attention.map((a: { account: string }) => a.account)).toEqual(['Quiet Co']);
    expect(b.releases).toEqual([
      expect.objectContaining({
        release: 'SAML single sign-on',
        account: 'Risky Co',
        request: 'SSO',
        evidence: expect.objectContaining({ quote: 'without SSO' }),
      }),
    ]);
    expect(b.time_blocks.length).toBeGreaterThanOrEqual(5);
    expect(b.sections.map((x: { heading: string }) => x.heading)).toEqual([
      'Top priorities',
      'Meetings this week',
      'Needs a touchpoint',
      'You asked, we shipped',
      'Suggested time blocks',
    ]);

    const mail = await t.deps.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', 'carol@vendor.io')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toMatch(/2 priority accounts, 1 meetings/);
    expect(mail[0]?.text).toContain('Risky Co');
    // members without a book get nothing
    expect(
      await t.deps.db.selectFrom('outbox_emails').select('id').where('to_address', '=', 'idle@vendor.io').execute(),
    ).toEqual([]);
  });

  it('sends once per week, and regenerates on request', async () => {
    await t.deps.jobs.send('weekly-briefings', {});
    await new Promise((r) => setTimeout(r, 1500));
    expect(
      await t.deps.db.selectFrom('outbox_emails').select('id').where('to_address', '=', 'carol@vendor.io').execute(),
    ).toHaveLength(1);
    const again = await t.request('/v1/briefings/weekly?member=carol@vendor.io', {
      method: 'POST',
      token: ws.secret_key,
    });
    expect(again.status).toBe(201);
    expect((await readJson(again)).version).toBe(2);
    expect((await t.request('/v1/briefings/weekly?member=nobody@vendor.io', { token: ws.secret_key })).status).toBe(
      404,
    );
  });
});
