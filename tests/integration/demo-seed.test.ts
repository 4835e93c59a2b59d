import { runCommand } from '@candor/api/cli/commands';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness';

const DAY = 86_400_000;
const seedDemo = (t: TestApp, ...flags: string[]) => runCommand(t.deps, ['seed-demo', ...flags], { viaServer: false });

describe('the demo workspace seed', () => {
  let t: TestApp;
  let wsId: string;
  let seededAt: Date;

  beforeAll(async () => {
    t = await startTestApp();
    seededAt = new Date();
    const res = await seedDemo(t, '--json');
    expect(res.exitCode).toBe(0);
    const seeded = JSON.parse(res.stdout);
    expect(seeded).toMatchObject({ created: true, workspace: { name: expect.stringMatching(/\(demo\)$/) } });
    wsId = seeded.workspace.id;
  }, 300_000);
  afterAll(() => t?.close());

  const accounts = () =>
    t.deps.db.selectFrom('accounts').selectAll().where('workspace_id', '=', wsId).orderBy('external_id').execute();

  it('creates one workspace flagged as the demo', async () => {
    const demos = await t.deps.db
      .selectFrom('workspaces')
      .select(['id', 'is_demo'])
      .where('is_demo', '=', true)
      .execute();
    expect(demos).toEqual([{ id: wsId, is_demo: true }]);
  });

  it('holds about 200 accounts averaging about $40K ARR, a few large and many small, on plan tiers', async () => {
    const rows = await accounts();
    expect(rows.length).toBeGreaterThanOrEqual(180);
    expect(rows.length).toBeLessThanOrEqual(220);
    const arr = rows.map((a) => Number(a.arr_cents) / 100).sort((x, y) => x - y);
    const mean = arr.reduce((s, v) => s + v, 0) / arr.length;
    expect(mean).toBeGreaterThan(35_000);
    expect(mean).toBeLessThan(45_000);
    const median = arr[Math.floor(arr.length / 2)]!;
    expect(median).toBeLessThan(mean); // skewed: many small accounts
    expect(arr.at(-1)!).toBeGreaterThan(4 * mean); // and a few large ones
    expect(arr[0]!).toBeGreaterThan(0);
    expect(new Set(rows.map((a) => a.plan))).toEqual(new Set(['starter', 'growth', 'enterprise']));
    expect(new Set(rows.map((a) => a.name)).size).toBe(rows.length);
    for (const a of rows) expect(a.lifecycle_stage).toMatch(/^[a-z]+$/);
  });

  it('has 4 CSMs and an admin, and every account is owned by one of the CSMs', async () => {
    const members = await t.deps.db
      .selectFrom('members')
      .select(['email', 'name', 'role'])
      .where('workspace_id', '=', wsId)
      .execute();
    const csms = members.filter((m) => m.role === 'csm').map((m) => m.email);
    expect(csms).toHaveLength(4);
    expect(members.filter((m) => m.role === 'admin')).toHaveLength(1);
    for (const m of members) expect(m.name).toBeTruthy();
    const rows = await accounts();
    for (const a of rows) expect(csms).toContain(a.owner_email);
    const books = new Map<string, number>();
    for (const a of rows) books.set(a.owner_email!, (books.get(a.owner_email!) ?? 0) + 1);
    for (const email of csms) expect(books.get(email)).toBeGreaterThan(rows.length / 8);
  });

  it('gives every account 2–6 contacts with roles, a champion, names, emails, time zones and locales', async () => {
    const contacts = await t.deps.db
      .selectFrom('contacts')
      .select(['account_id', 'email', 'name', 'role', 'timezone', 'locale'])
      .where('workspace_id', '=', wsId)
      .execute();
    const byAccount = new Map<string | null, typeof contacts>();
    for (const c of contacts) byAccount.set(c.account_id, [...(byAccount.get(c.account_id) ?? []), c]);
    const rows = await accounts();
    expect(byAccount.size).toBe(rows.length);
    for (const a of rows) {
      const people = byAccount.get(a.id) ?? [];
      expect(people.length).toBeGreaterThanOrEqual(2);
      expect(people.length).toBeLessThanOrEqual(6);
      expect(people.map((p) => p.role)).toContain('champion');
    }
    expect(new Set(contacts.map((c) => c.role))).toEqual(new Set(['champion', 'admin', 'end user', 'economic buyer']));
    expect(new Set(contacts.map((c) => c.email)).size).toBe(contacts.length);
    for (const c of contacts) {
      expect(c.email).toMatch(/^[a-z.]+@[a-z0-9-]+\.example$/);
      expect(c.name).toMatch(/\S+ \S+/);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: c.timezone! })).not.toThrow();
      expect(Intl.getCanonicalLocales(c.locale!)).toHaveLength(1);
    }
    expect(new Set(contacts.map((c) => c.timezone)).size).toBeGreaterThan(5);
  });

  it('spreads renewal dates over the coming twelve months', async () => {
    const today = Date.parse(seededAt.toISOString().slice(0, 10));
    const days = (await accounts()).map((a) => (Date.parse(a.renewal_date!) - today) / DAY);
    for (const d of days) {
      expect(d).toBeGreaterThan(0);
      expect(d).toBeLessThanOrEqual(366);
    }
    for (let quarter = 0; quarter < 4; quarter++) {
      const inQuarter = days.filter((d) => d > quarter * 91.5 && d <= (quarter + 1) * 91.5).length;
      expect(inQuarter / days.length).toBeGreaterThan(0.15);
    }
  });

  it('records 90 days of events, within budget, up to now', async () => {
    const span = await t.deps.db
      .selectFrom('events')
      .select((eb) => [
        eb.fn.min('occurred_at').as('first'),
        eb.fn.max('occurred_at').as('last'),
        eb.fn.countAll<string>().as('n'),
      ])
      .where('workspace_id', '=', wsId)
      .executeTakeFirstOrThrow();
    const now = Date.now();
    const first = new Date(span.first as Date | string).getTime();
    const last = new Date(span.last as Date | string).getTime();
    expect(now - first).toBeLessThanOrEqual(90 * DAY + 60_000);
    expect(now - first).toBeGreaterThan(88 * DAY);
    expect(last).toBeLessThanOrEqual(now);
    expect(Number(span.n)).toBeGreaterThan(10_000);
    expect(Number(span.n)).toBeLessThanOrEqual(40_000);
    const names = await t.deps.db
      .selectFrom('events')
      .select('name')
      .distinct()
      .where('workspace_id', '=', wsId)
      .execute();
    expect(names.map((n) => n.name)).toEqual(
      expect.arrayContaining(['login', 'report_created', 'dashboard_viewed', 'export_run', 'seat_added', 'csm_touch']),
    );
  });

  it('has about 15% of accounts whose usage drops markedly in the last 30 days, and a few that grow', async () => {
    const usage = await sql<{ account_id: string; last30: string; prev30: string }>`
      select account_id,
        count(*) filter (where occurred_at >= now() - interval '30 days') as last30,
        count(*) filter (where occurred_at < now() - interval '30 days' and occurred_at >= now() - interval '60 days') as prev30
      from events
      where workspace_id = ${wsId} and name not in ('csm_touch', 'meeting_scheduled')
      group by account_id`.execute(t.deps.db);
    const total = (await accounts()).length;
    const declining = usage.rows.filter((r) => Number(r.last30) < 0.6 * Number(r.prev30)).length;
    expect(declining / total).toBeGreaterThan(0.1);
    expect(declining / total).toBeLessThan(0.2);
    const growing = usage.rows.filter((r) => Number(r.last30) > 1.2 * Number(r.prev30)).length;
    expect(growing).toBeGreaterThan(0);
    const seatAdds = await t.deps.db
      .selectFrom('events')
      .select('account_id')
      .distinct()
      .where('workspace_id', '=', wsId)
      .where('name', '=', 'seat_added')
      .execute();
    expect(seatAdds.length).toBeGreaterThanOrEqual(3);
    expect(seatAdds.length).toBeLessThan(total / 4);
  });

  it('books meetings in the coming week with a time, attendees and a title', async () => {
    const meetings = await t.deps.db
      .selectFrom('events')
      .select(['properties', 'occurred_at'])
      .where('workspace_id', '=', wsId)
      .where('name', '=', 'meeting_scheduled')
      .execute();
    expect(meetings.length).toBeGreaterThanOrEqual(8);
    const now = Date.now();
    for (const m of meetings) {
      const p = m.properties as { time: string; title: string; attendees: { email: string }[] };
      const at = Date.parse(p.time);
      expect(at).toBeGreaterThan(now - 60_000);
      expect(at - now).toBeLessThan(7 * DAY);
      expect(p.title).toMatch(/\S/);
      expect(p.attendees.length).toBeGreaterThanOrEqual(2);
      expect(new Date(m.occurred_at).getTime()).toBeLessThanOrEqual(now);
    }
  });

  it('runs the playbook: a rule per moment, churn-risk invitations for the declining accounts, health computed', async () => {
    const triggers = await t.deps.db
      .selectFrom('triggers')
      .innerJoin('guides', 'guides.id', 'triggers.guide_id')
      .select('guides.moment')
      .where('triggers.workspace_id', '=', wsId)
      .execute();
    expect(new Set(triggers.map((r) => r.moment))).toEqual(
      new Set(['onboarding', 'health_pulse', 'churn_risk', 'pre_renewal', 'expansion', 'feature_launch']),
    );
    const churnInvites = await t.deps.db
      .selectFrom('invitations')
      .innerJoin('guides', 'guides.id', 'invitations.guide_id')
      .innerJoin('accounts', 'accounts.id', 'invitations.account_id')
      .select(['accounts.attributes', 'invitations.decision'])
      .where('invitations.workspace_id', '=', wsId)
      .where('guides.moment', '=', 'churn_risk')
      .where('invitations.decision', '=', 'invited')
      .execute();
    expect(churnInvites.length).toBeGreaterThan(5);
    const atRisk = await t.deps.db
      .selectFrom('accounts')
      .select('id')
      .where('workspace_id', '=', wsId)
      .where('health_state', '=', 'at_risk')
      .execute();
    expect(atRisk.length).toBeGreaterThan(5);
    expect(atRisk.length).toBeLessThan(100);
    const queue = await t.deps.db
      .selectFrom('review_items')
      .select('assignee_member_id')
      .where('workspace_id', '=', wsId)
      .execute();
    expect(queue.length).toBeGreaterThanOrEqual(atRisk.length);
    expect(queue.every((i) => i.assignee_member_id)).toBe(true);
  });

  /** The demo's conversations: completed interviews with several answers, each with its messages. */
  async function conversations() {
    const rows = await t.deps.db
      .selectFrom('interviews')
      .innerJoin('guides', 'guides.id', 'interviews.guide_id')
      .innerJoin('accounts', 'accounts.id', 'interviews.account_id')
      .select([
        'interviews.id',
        'interviews.account_id',
        'interviews.ended_at',
        'guides.moment',
        'accounts.renewal_date',
        'accounts.health_state',
      ])
      .where('interviews.workspace_id', '=', wsId)
      .where('interviews.status', '=', 'completed')
      .execute();
    const messages = await t.deps.db
      .selectFrom('messages')
      .select(['id', 'interview_id', 'role', 'text'])
      .where('workspace_id', '=', wsId)
      .where('role', '=', 'customer')
      .execute();
    return rows
      .map((r) => ({ ...r, answers: messages.filter((m) => m.interview_id === r.id) }))
      .filter((r) => r.answers.length >= 3);
  }
  const german = /(?<![\p{L}])(?:wir|nicht|unser|uns|und|ist)(?![\p{L}])/iu;
  const french = /(?<![\p{L}])(?:nous|est|pour|avec|une)(?![\p{L}])/iu;

  it('holds at least 40 completed conversations across the six moments, in English and other languages', async () => {
    const talks = await conversations();
    expect(talks.length).toBeGreaterThanOrEqual(40);
    expect(new Set(talks.map((c) => c.moment))).toEqual(
      new Set(['onboarding', 'health_pulse', 'churn_risk', 'pre_renewal', 'expansion', 'feature_launch']),
    );
    const text = (c: (typeof talks)[number]) => c.answers.map((a) => a.text).join(' ');
    const languages = talks.map((c) => (german.test(text(c)) ? 'de' : french.test(text(c)) ? 'fr' : 'en'));
    expect(languages.filter((l) => l === 'en').length).toBeGreaterThan(20);
    expect(languages.filter((l) => l === 'de').length).toBeGreaterThanOrEqual(3);
    expect(languages.filter((l) => l === 'fr').length).toBeGreaterThanOrEqual(2);
    // Written per account: no two conversations say exactly the same thing.
    expect(new Set(talks.map(text)).size).toBe(talks.length);
    for (const c of talks) expect(new Date(c.ended_at!).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('has the signals extraction found in them, quoting the customers word for word', async () => {
    const talks = await conversations();
    const signals = await t.deps.db
      .selectFrom('signals')
      .select(['interview_id', 'kind', 'value', 'quote', 'message_id', 'source'])
      .where('workspace_id', '=', wsId)
      .where(
        'interview_id',
        'in',
        talks.map((c) => c.id),
      )
      .execute();
    const said = new Map(talks.flatMap((c) => c.answers.map((a) => [a.id, a.text] as const)));
    for (const s of signals) {
      expect(s.source).toBe('rules');
      expect(said.get(s.message_id)).toContain(s.quote);
    }
    const withSignals = new Set(signals.map((s) => s.interview_id));
    expect(withSignals.size).toBeGreaterThanOrEqual(talks.length * 0.9);
    expect(new Set(signals.map((s) => s.kind))).toEqual(
      new Set([
        'churn_risk',
        'competitor',
        'expansion_intent',
        'feature_request',
        'sentiment',
        'stakeholder',
        'wants_human',
      ]),
    );
    const left = signals.filter(
      (s) => s.kind === 'stakeholder' && (s.value as { champion_change?: boolean }).champion_change,
    );
    expect(left.length).toBeGreaterThanOrEqual(3);
  });

  it('puts hand-off requests in the review queue with the customer’s words, and at-risk accounts with their reasons', async () => {
    const items = await t.deps.db
      .selectFrom('review_items')
      .select(['kind', 'reason', 'evidence', 'account_id'])
      .where('workspace_id', '=', wsId)
      .execute();
    const handoffs = items.filter((i) => i.kind === 'handoff');
    expect(handoffs.length).toBeGreaterThanOrEqual(3);
    for (const h of handoffs) {
      expect(h.reason).toBe('Asked to talk to a person');
      expect((h.evidence as { quote: string }[])[0]?.quote).toMatch(/\S/);
    }
    const talks = await conversations();
    for (const h of handoffs) {
      const account = talks.find((c) => c.account_id === h.account_id);
      expect(account?.health_state).toBe('at_risk');
    }
  });

  it('briefs the accounts renewing within 60 days with their customers’ quotes', async () => {
    const talks = await conversations();
    const today = Date.parse(seededAt.toISOString().slice(0, 10));
    const renewing = [
      ...new Set(
        talks.filter((c) => (Date.parse(c.renewal_date!) - today) / DAY <= 60).map((c) => c.account_id as string),
      ),
    ];
    expect(renewing.length).toBeGreaterThanOrEqual(8);
    const said = new Map(talks.flatMap((c) => c.answers.map((a) => [a.id, a.text] as const)));
    for (const accountId of renewing) {
      const brief = await t.deps.db
        .selectFrom('briefs')
        .select('content')
        .where('workspace_id', '=', wsId)
        .where('kind', '=', 'renewal')
        .where('subject_id', '=', accountId)
        .executeTakeFirstOrThrow();
      const items = (
        brief.content as { sections: { items: { quote: string | null; message_id: string | null }[] }[] }
      ).sections
        .flatMap((s) => s.items)
        .filter((i) => i.quote && i.message_id && said.has(i.message_id));
      expect(items.length).toBeGreaterThan(0);
      for (const i of items) expect(said.get(i.message_id!)).toContain(i.quote);
    }
  });

  it('has each CSM’s briefing for the coming week, with priorities and time blocks still ahead', async () => {
    const briefings = await t.deps.db
      .selectFrom('briefs')
      .select('content')
      .where('workspace_id', '=', wsId)
      .where('kind', '=', 'weekly_briefing')
      .execute();
    expect(briefings).toHaveLength(4);
    const mondayBefore = (d: Date) => {
      const day = new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
      return day.getTime();
    };
    for (const { content } of briefings) {
      const b = content as {
        week_of: string;
        priorities: unknown[];
        time_blocks: { starts_at: string }[];
      };
      expect(new Date(`${b.week_of}T00:00:00Z`).getUTCDay()).toBe(1);
      // This week's Monday, or the next one from the weekend on.
      const weekOf = Date.parse(`${b.week_of}T00:00:00Z`);
      expect(weekOf).toBeGreaterThanOrEqual(mondayBefore(seededAt) - DAY);
      expect(weekOf).toBeLessThanOrEqual(mondayBefore(seededAt) + 8 * DAY);
      for (const block of b.time_blocks) expect(Date.parse(block.starts_at)).toBeGreaterThan(seededAt.getTime());
    }
    const withPriorities = briefings.filter((b) => (b.content as { priorities: unknown[] }).priorities.length > 0);
    expect(withPriorities.length).toBe(4);
  });

  it('creates nothing on a second run', async () => {
    const before = await accounts();
    const again = await seedDemo(t);
    expect(again).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: `The demo workspace already exists (${wsId}); nothing to do.\n`,
    });
    const json = JSON.parse((await seedDemo(t, '--json')).stdout);
    expect(json).toMatchObject({ created: false, workspace: { id: wsId } });
    expect(json.counts.accounts).toBe(before.length);
    expect(await accounts()).toHaveLength(before.length);
    const demos = await t.deps.db.selectFrom('workspaces').select('id').where('is_demo', '=', true).execute();
    expect(demos).toHaveLength(1);
  });

  it('produces the same book on a fresh database', async () => {
    const other = await startTestApp();
    try {
      const res = await seedDemo(other);
      expect(res.stdout).toMatch(
        /^Seeded the demo workspace [0-9a-f-]{36}: \d+ accounts, [\d,]+ contacts, 5 members, [\d,]+ events\.\n$/,
      );
      const theirs = await other.deps.db
        .selectFrom('accounts')
        .select(['external_id', 'name', 'arr_cents', 'plan', 'owner_email'])
        .orderBy('external_id')
        .execute();
      const ours = (await accounts()).map(({ external_id, name, arr_cents, plan, owner_email }) => ({
        external_id,
        name,
        arr_cents,
        plan,
        owner_email,
      }));
      expect(theirs).toEqual(ours);
    } finally {
      await other.close();
    }
  }, 300_000);
});
