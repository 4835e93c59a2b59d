import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { jobsSettled, waitForJob } from '../support/jobs';
import { recordAnswer } from '../support/signal-fixtures';

const DAY = 86_400_000;

/** The purposes of a briefing's proactive outreach blocks. */
const outreachBlocks = (b: { time_blocks: { purpose: string }[] }) =>
  b.time_blocks.map((x) => x.purpose).filter((p) => p.startsWith('Proactive outreach'));

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
    expect(outreachBlocks(b)).toEqual(['Proactive outreach to 1 quiet account']);
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
    await jobsSettled(t);
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

describe(`the weekly briefing read on a weekend (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  // Sunday 6 December 2026, 10:00 in New York: the week that matters is 7–11 December.
  const sunday = new Date('2026-12-06T15:00:00Z');

  beforeAll(async () => {
    t = await startTestApp();
    t.deps.now = () => sunday;
    ws = await createTestWorkspace(t);
    const db = t.deps.db;
    await db.updateTable('workspaces').set({ timezone: 'Europe/London' }).where('id', '=', ws.id).execute();
    await db
      .insertInto('members')
      .values({ workspace_id: ws.id, email: 'nina@vendor.io', name: 'Nina', role: 'csm', timezone: 'America/New_York' })
      .execute();
    const account = (name: string, extra: object = {}) =>
      db
        .insertInto('accounts')
        .values({
          workspace_id: ws.id,
          external_id: name,
          name,
          owner_email: 'nina@vendor.io',
          attributes: {},
          health_reasons: [],
          health_state: 'healthy',
          last_touch_at: new Date(sunday.getTime() - 2 * DAY),
          ...extra,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const big = await account('Big Renewal Co', { arr_cents: 900_000_00, health_state: 'watch' });
    await account('Steady Co', { arr_cents: 800_000_00 });
    const handoff = await account('Handoff Co', { arr_cents: 5_000_00 });
    const growing = await account('Growing Co', { arr_cents: 8_000_00 });
    await recordAnswer(t, ws.id, {
      accountId: handoff.id,
      text: 'Can someone from your team call me? I would rather talk to a person.',
      signals: [
        { kind: 'wants_human', value: { reason: null }, quote: 'I would rather talk to a person.', created_at: sunday },
      ],
    });
    await recordAnswer(t, ws.id, {
      accountId: growing.id,
      text: 'Support wants in too, so we need 15 more seats next quarter.',
      signals: [
        {
          kind: 'expansion_intent',
          value: { kind: 'seats', size: '15 more seats', timing: 'next quarter' },
          quote: 'we need 15 more seats next quarter',
          created_at: new Date(sunday.getTime() - DAY),
        },
      ],
    });
    const meeting = (time: string, title: string) => ({
      workspace_id: ws.id,
      account_id: big.id,
      name: 'meeting_scheduled',
      occurred_at: new Date(sunday.getTime() - 10 * DAY),
      properties: { time, title, attendees: [] },
    });
    await db
      .insertInto('events')
      .values([
        meeting('2026-12-04T15:00:00Z', 'Last Friday’s call'),
        meeting('2026-12-08T15:00:00Z', 'QBR with Big Renewal Co'),
        meeting('2026-12-15T15:00:00Z', 'The week after'),
      ])
      .execute();
  });
  afterAll(() => t?.close());

  it('covers the coming Monday to Friday in the CSM time zone, with hand-offs and expansion among the priorities', async () => {
    const res = await t.request('/v1/briefings/weekly?member=nina@vendor.io', {
      method: 'POST',
      token: ws.secret_key,
    });
    expect(res.status).toBe(201);
    const { content: b } = await readJson(res);
    expect(b.week_of).toBe('2026-12-07');
    expect(b.time_zone).toBe('America/New_York');

    // Every block lies ahead, on the coming week's workdays, at New York wall-clock times.
    expect(b.time_blocks.length).toBeGreaterThanOrEqual(6);
    // No account went quiet, so no outreach block for none.
    expect(b.needs_attention).toEqual([]);
    expect(outreachBlocks(b)).toEqual([]);
    for (const block of b.time_blocks) {
      expect(Date.parse(block.starts_at)).toBeGreaterThan(sunday.getTime());
      expect(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']).toContain(block.day);
    }
    expect(b.time_blocks[0]).toMatchObject({
      day: '2026-12-07',
      weekday: 'Monday',
      start: '09:00',
      starts_at: '2026-12-07T14:00:00.000Z',
    });
    expect(b.time_blocks.map((x: { weekday: string }) => x.weekday)).toEqual(
      expect.arrayContaining(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']),
    );
    const blocks = b.sections.find((s: { heading: string }) => s.heading === 'Suggested time blocks');
    expect(blocks.items[0].text).toBe(
      'Monday 7 Dec, 09:00–10:30 America/New_York: Priority accounts (3): plan and reach out',
    );

    // The meetings of the week ahead, not of the week that ended nor the one after.
    expect(b.meetings.map((m: { title: string }) => m.title)).toEqual(['QBR with Big Renewal Co']);
    const meetings = b.sections.find((s: { heading: string }) => s.heading === 'Meetings this week');
    expect(meetings.items[0].text).toMatch(/^Big Renewal Co · Tuesday 8 Dec, 10:00 · QBR/);

    // A request for a person comes first; an intent to grow outranks a bigger account with nothing new.
    const priorities = b.priorities.map((p: { account: string }) => p.account);
    expect(priorities).toEqual(['Handoff Co', 'Big Renewal Co', 'Growing Co']);
    expect(b.priorities[0].why[0]).toBe('Asked to talk to a person today');
    expect(b.priorities[0].evidence.quote).toBe('I would rather talk to a person.');
    expect(b.priorities[2].why).toContain('Wants to grow yesterday: 15 more seats, next quarter');

    // Items name their account by id, so the console can link it.
    const top = b.sections.find((s: { heading: string }) => s.heading === 'Top priorities');
    expect(top.items[0]).toMatchObject({ account: 'Handoff Co', account_id: b.priorities[0].account_id });
    expect(top.items[0].text.startsWith('Handoff Co')).toBe(true);
  });
});
