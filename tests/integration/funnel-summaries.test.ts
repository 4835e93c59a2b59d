import { churnRiskTemplate } from '@candor/api/guides/templates/churn-risk';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { eventually } from '../support/eventually';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';
import { jobsSettled, runJob } from '../support/jobs';

const DAY = 86_400_000;
const PRICE =
  "Honestly it's too expensive for what we get. Our CFO has frozen new spend and we are switching to Acme Analytics next month.";
const STAGES = ['eligible', 'skipped', 'invited', 'shown', 'started', 'completed', 'actionable'] as const;

type Stages = Record<(typeof STAGES)[number], number>;
type Funnel = Stages & { key: string; skipped_by_reason: Record<string, number> };

/**
 * The funnel as `computeFunnels` defines it, counted straight from the rows of a window:
 * a trigger's invitations with their interviews, and the interviews sent by hand.
 */
const DIRECT_ROWS = sql`
  select i.workspace_id, (i.created_at at time zone 'UTC')::date as day, i.created_at as at, i.trigger_id,
    i.guide_id, i.skip_reason, 1 as eligible, (i.decision = 'skipped')::int as skipped,
    (i.decision = 'invited')::int as invited, (v.shown_at is not null or v.started_at is not null)::int as shown,
    (v.started_at is not null)::int as started, coalesce(v.status = 'completed', false)::int as completed,
    (exists (select 1 from signals s where s.interview_id = v.id))::int as actionable
  from invitations i left join interviews v on v.id = i.interview_id
  where i.trigger_id is not null
  union all
  select v.workspace_id, (v.invited_at at time zone 'UTC')::date, v.invited_at, null, v.guide_id, null, 1, 0, 1,
    (v.shown_at is not null or v.started_at is not null)::int, (v.started_at is not null)::int,
    (v.status = 'completed')::int, (exists (select 1 from signals s where s.interview_id = v.id))::int
  from interviews v
  where v.trigger_id is null
    and coalesce(v.contact_id <> (select pc.id from contacts pc
      where pc.workspace_id = v.workspace_id and pc.external_id = 'candor-preview'), true)
    and not exists (select 1 from invitations i where i.interview_id = v.id and i.dedupe_key is not null)`;

// The daily funnel summary must say what a direct count over invitations, interviews and
// signals says after every kind of write, and every funnel read must answer from it what
// the rows say: triggers firing, skips, answers, extraction, sends by hand, erasure,
// retention, a trigger deleted, and rows moved to the window's first (partial) day.
describe(`Funnel summaries follow every write (${databaseKind})`, () => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let carol: ReturnType<typeof consoleCall>;
  const triggers: Record<string, string> = {};
  const key = () => seeded.ws.secret_key;

  async function createTrigger(name: string, event: string) {
    const res = await t.request('/v1/triggers', {
      method: 'POST',
      token: key(),
      json: {
        name,
        holdout_percent: 0,
        guide_id: seeded.guideId,
        when: { type: 'event', event },
        how: { channel: 'in_app' },
        throttle: { recontact_days: 0 },
      },
    });
    expect(res.status).toBe(201);
    return (await readJson(res)).id as string;
  }

  const postEvents = async (event: string, contacts: string[]) =>
    expect(
      (
        await t.request('/v1/events', {
          method: 'POST',
          token: key(),
          json: { events: contacts.map((c) => ({ event, contact_id: c })) },
        })
      ).status,
    ).toBe(200);

  /** The summary's rows, and the same rows counted directly, keyed alike. */
  async function expectSummaryMatchesRows() {
    const { rows: expected } = await sql<Stages & { key: string }>`
      select concat_ws('|', d.day, d.trigger_id, d.guide_id, d.skip_reason) as key,
        ${sql.join(STAGES.map((s) => sql`sum(d.${sql.ref(s)})::int as ${sql.ref(s)}`))}
      from (${DIRECT_ROWS}) d where d.workspace_id = ${seeded.ws.id}
      group by d.day, d.trigger_id, d.guide_id, d.skip_reason`.execute(t.deps.db);
    const { rows: stored } = await sql<Stages & { key: string }>`
      select concat_ws('|', d.day, d.trigger_id, d.guide_id, d.skip_reason) as key,
        ${sql.join(STAGES.map((s) => sql.ref(`d.${s}`)))}
      from funnel_days d where d.workspace_id = ${seeded.ws.id}`.execute(t.deps.db);
    const byKey = (rows: (Stages & { key: string })[]) => Object.fromEntries(rows.map(({ key, ...s }) => [key, s]));
    expect(byKey(stored)).toEqual(byKey(expected));
    return expected;
  }

  /** Funnels of the last 90 days counted directly, by trigger (sends by hand under `manual`) or by moment. */
  async function directFunnels(by: 'trigger' | 'moment', since: Date): Promise<Funnel[]> {
    const keyExpr = by === 'moment' ? sql`g.moment` : sql`coalesce(d.trigger_id::text, 'manual')`;
    const { rows } = await sql<Stages & { key: string; skip_reason: string | null }>`
      select ${keyExpr} as key, d.skip_reason,
        ${sql.join(STAGES.map((s) => sql`sum(d.${sql.ref(s)})::int as ${sql.ref(s)}`))}
      from (${DIRECT_ROWS}) d inner join guides g on g.id = d.guide_id
      where d.workspace_id = ${seeded.ws.id} and d.at >= ${since}
      group by 1, 2`.execute(t.deps.db);
    const funnels = new Map<string, Funnel>();
    for (const r of rows) {
      const f = funnels.get(r.key) ?? {
        key: r.key,
        ...(Object.fromEntries(STAGES.map((s) => [s, 0])) as Stages),
        skipped_by_reason: {},
      };
      for (const s of STAGES) f[s] += r[s];
      if (r.skipped > 0) f.skipped_by_reason[r.skip_reason ?? 'unknown'] = r.skipped;
      funnels.set(r.key, f);
    }
    return [...funnels.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  /**
   * After a step: the summary equals a direct count; `/v1/funnel` (by trigger and by moment)
   * equals the funnels counted directly over the window; the console's trigger list equals
   * each trigger's `GET /v1/triggers/{id}/funnel`. Returns the funnels by trigger.
   */
  async function expectFunnelsMatchRows() {
    await expectSummaryMatchesRows();
    const sorted = (funnels: Funnel[]) => [...funnels].sort((a, b) => a.key.localeCompare(b.key));
    const byTrigger = await readJson(await t.request('/v1/funnel?by=trigger', { token: key() }));
    const since = new Date(byTrigger.window.since);
    expect(sorted(byTrigger.funnels)).toEqual(await directFunnels('trigger', since));
    const byMoment = await readJson(await t.request('/v1/funnel?by=moment', { token: key() }));
    expect(sorted(byMoment.funnels)).toEqual(await directFunnels('moment', new Date(byMoment.window.since)));

    const list = await readJson(await carol('GET', '/triggers'));
    expect(list.items.length).toBe(Object.values(triggers).length);
    for (const item of list.items) {
      const one = await readJson(await t.request(`/v1/triggers/${item.id}/funnel`, { token: key() }));
      expect({
        invited: item.invited,
        skipped: item.skipped,
        started: item.started,
        completed: item.completed,
      }).toEqual({ invited: one.invited, skipped: one.skipped, started: one.started, completed: one.completed });
      const direct = byTrigger.funnels.find((f: Funnel) => f.key === item.id);
      const { key: _key, ...stages } = direct ?? {
        key: '',
        ...(Object.fromEntries(STAGES.map((s) => [s, 0])) as Stages),
        skipped_by_reason: {},
      };
      expect({ ...one, steps: undefined, window: undefined }).toEqual({
        ...stages,
        steps: undefined,
        window: undefined,
      });
    }
    const manual = byTrigger.funnels.find((f: Funnel) => f.key === 'manual');
    expect(list.manual).toEqual(
      manual
        ? (({ key: _key, ...stages }) => stages)(manual)
        : { ...Object.fromEntries(STAGES.map((s) => [s, 0])), skipped_by_reason: {} },
    );
    return Object.fromEntries(sorted(byTrigger.funnels).map((f) => [f.key, f]));
  }

  /** Answers an in-app interview to its end through the widget, as the contact. */
  async function answerToTheEnd(userId: string, interviewId: string) {
    const { token } = await identify(t, seeded.ws, userId);
    expect((await t.request(`/v1/widget/interviews/${interviewId}/start`, { method: 'POST', token })).status).toBe(200);
    let status = 'started';
    for (let i = 0; status === 'started' && i < 8; i++)
      status =
        (await answer(t, interviewId, token, `a${i}`, i === 0 ? PRICE : longAnswer('reporting'))).done?.status ??
        'started';
    expect(status).toBe('completed');
    // Completing queued the extraction; wait for it and what it sets off.
    await jobsSettled(t);
  }

  const interviewOf = async (externalId: string, triggerId: string | null) =>
    (
      await t.deps.db
        .selectFrom('interviews')
        .innerJoin('contacts', 'contacts.id', 'interviews.contact_id')
        .select('interviews.id')
        .where('contacts.external_id', '=', externalId)
        .where('interviews.workspace_id', '=', seeded.ws.id)
        .where('interviews.trigger_id', triggerId ? '=' : 'is', triggerId)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await startTestApp();
    seeded = await seedWorkspace(t, churnRiskTemplate.body);
    const contacts = Array.from({ length: 6 }, (_, i) => ({
      id: `c-${i}`,
      account_id: 'acme',
      email: `c${i}@acme.io`,
    }));
    expect((await t.request('/v1/contacts', { method: 'POST', token: key(), json: { contacts } })).status).toBe(200);
    carol = consoleCall(t, (await signIn(t, seeded.ws.id, 'carol@vendor.io', 'admin')).cookie);
  }, 120_000);
  afterAll(() => t?.close());

  it('counts triggers firing, their skips and sends by hand', async () => {
    triggers.setup = await createTrigger('Setup done', 'setup_done');
    triggers.usage = await createTrigger('Usage dropped', 'usage_dropped');
    expect((await expectFunnelsMatchRows())[triggers.setup!]).toBeUndefined();
    // The account budget lets three contacts through; the rest are skipped.
    await postEvents('setup_done', ['c-0', 'c-1', 'c-2', 'c-3', 'c-4']);
    await eventually(
      async () =>
        (await t.deps.db.selectFrom('invitations').select('id').where('trigger_id', '=', triggers.setup!).execute())
          .length === 5,
    );
    const fired = await expectFunnelsMatchRows();
    expect(fired[triggers.setup!]).toMatchObject({ eligible: 5, invited: 3, skipped: 2 });
    expect(fired[triggers.setup!]!.skipped_by_reason).toEqual({ account_budget: 2 });
    // The second trigger meets the same account's spent budget.
    await postEvents('usage_dropped', ['c-5']);
    await eventually(
      async () =>
        (await t.deps.db.selectFrom('invitations').select('id').where('trigger_id', '=', triggers.usage!).execute())
          .length === 1,
    );
    expect((await expectFunnelsMatchRows())[triggers.usage!]).toMatchObject({ eligible: 1, skipped: 1 });
    // Sent by hand: the API's invitation, then one from the console.
    await invite(t, seeded.ws, seeded.guideId, 'in_app', 'u_42');
    expect((await expectFunnelsMatchRows()).manual).toMatchObject({ eligible: 1, invited: 1, started: 0 });
  });

  it('follows interviews shown, answered, completed and extracted', async () => {
    const invited = await t.deps.db
      .selectFrom('invitations')
      .innerJoin('contacts', 'contacts.id', 'invitations.contact_id')
      .select(['contacts.external_id', 'invitations.interview_id'])
      .where('invitations.trigger_id', '=', triggers.setup!)
      .where('invitations.decision', '=', 'invited')
      .orderBy('contacts.external_id')
      .execute();
    expect(invited.length).toBe(3);
    // Shown only: identifying through the widget hands the contact its pending invitation.
    expect((await identify(t, seeded.ws, invited[2]!.external_id)).invitation).not.toBeNull();
    expect((await expectFunnelsMatchRows())[triggers.setup!]).toMatchObject({ shown: 1, started: 0 });
    await answerToTheEnd(invited[0]!.external_id, invited[0]!.interview_id!);
    await answerToTheEnd(invited[1]!.external_id, invited[1]!.interview_id!);
    await answerToTheEnd('u_42', await interviewOf('u_42', null));
    const after = await expectFunnelsMatchRows();
    expect(after[triggers.setup!]).toMatchObject({ started: 2, completed: 2 });
    expect(after[triggers.setup!]!.actionable).toBe(2);
    expect(after.manual).toMatchObject({ started: 1, completed: 1, actionable: 1 });
    // Extracted again: the signals are replaced, the interview stays actionable once.
    await runJob(t, 'extract-interview', { workspaceId: seeded.ws.id, interviewId: invited[0]!.interview_id! });
    expect((await expectFunnelsMatchRows())[triggers.setup!]!.actionable).toBe(2);
  }, 120_000);

  it('follows signals dismissed, retention and erasure', async () => {
    const interviewId = await interviewOf('u_42', null);
    const { signals } = await readJson(await carol('GET', `/interviews/${interviewId}`));
    expect(signals.length).toBeGreaterThan(0);
    for (const s of signals)
      expect((await carol('POST', `/signals/${s.id}/corrections`, { action: 'dismiss' })).status).toBe(201);
    expect((await expectFunnelsMatchRows()).manual!.actionable).toBe(0);

    await t.deps.db
      .updateTable('interviews')
      .set({ last_activity_at: new Date(Date.now() - 200 * DAY) })
      .where('workspace_id', '=', seeded.ws.id)
      .execute();
    expect((await carol('PATCH', '/settings/workspace', { retention_days: 90 })).status).toBe(200);
    await runJob(t, 'erase-expired-transcripts', {});
    await expectFunnelsMatchRows();

    // Erasing a person deletes their signals; their interviews stay, unlinked.
    expect((await t.request('/v1/contacts/c-0', { method: 'DELETE', token: key() })).status).toBeLessThan(300);
    const erased = await expectFunnelsMatchRows();
    expect(erased[triggers.setup!]).toMatchObject({ eligible: 5, completed: 2, actionable: 1 });
  });

  it('follows rows on the window’s first day and a deleted trigger', async () => {
    // Into the window's first, partial day (read from the rows), and out of the window.
    const since = Date.now() - 90 * DAY;
    const inside = new Date(Math.min(since + 60_000, Math.ceil(since / DAY) * DAY - 1));
    const [first, second] = await t.deps.db
      .selectFrom('invitations')
      .select(['id', 'interview_id'])
      .where('trigger_id', '=', triggers.setup!)
      .where('decision', '=', 'invited')
      .orderBy('id')
      .execute();
    // Decision times are written once by the app, so moving them takes SQL.
    await sql`update invitations set created_at = ${inside} where id = ${first!.id}`.execute(t.deps.db);
    await sql`update invitations set created_at = ${new Date(since - DAY)} where id = ${second!.id}`.execute(t.deps.db);
    await t.deps.db
      .updateTable('interviews')
      .set({ invited_at: inside })
      .where('id', '=', await interviewOf('u_42', null))
      .execute();
    const moved = await expectFunnelsMatchRows();
    expect(moved[triggers.setup!]!.eligible).toBe(4);
    expect(moved.manual!.eligible).toBe(1);

    // A deleted trigger's invitations leave its funnel; its interviews, without a dedupe key on
    // their invitations here, then count as sent by hand.
    expect((await t.request(`/v1/triggers/${triggers.usage}`, { method: 'DELETE', token: key() })).status).toBe(204);
    delete triggers.usage;
    await expectFunnelsMatchRows();
    expect((await t.request(`/v1/triggers/${triggers.setup}`, { method: 'DELETE', token: key() })).status).toBe(204);
    delete triggers.setup;
    const gone = await expectFunnelsMatchRows();
    expect(Object.keys(gone)).toEqual(['manual']);
  });

  it('follows an interview deleted straight in the database', async () => {
    const interviewId = await interviewOf('u_42', null);
    await t.deps.db.deleteFrom('interviews').where('id', '=', interviewId).execute();
    await expectFunnelsMatchRows();
  });
});
