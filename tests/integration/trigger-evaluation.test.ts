import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { waitForJob } from '../support/jobs';

const DAY = 86_400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

describe(`trigger evaluation and fatigue (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  const guides: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    for (const g of await t.deps.db
      .selectFrom('guides')
      .select(['id', 'moment'])
      .where('workspace_id', '=', ws.id)
      .execute())
      guides[g.moment] = g.id;
  });
  afterAll(() => t?.close());

  async function account(externalId: string, values: { renewal_date?: string; plan?: string } = {}) {
    return t.deps.db
      .insertInto('accounts')
      .values({
        workspace_id: ws.id,
        external_id: externalId,
        name: externalId,
        attributes: {},
        health_reasons: [],
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  async function contact(
    accountId: string | null,
    externalId: string,
    extra: { role?: string; created_at?: Date } = {},
  ) {
    return t.deps.db
      .insertInto('contacts')
      .values({
        workspace_id: ws.id,
        account_id: accountId,
        external_id: externalId,
        email: `${externalId}@example.com`,
        name: externalId,
        attributes: {},
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  const trigger = async (body: object) => {
    // These rules test evaluation and fatigue, not the control group: they keep none.
    const res = await t.request('/v1/triggers', {
      method: 'POST',
      token: ws.secret_key,
      json: { holdout_percent: 0, ...body },
    });
    expect(res.status).toBe(201);
    return readJson(res);
  };
  const invitationsOf = (triggerId: string) =>
    t.deps.db.selectFrom('invitations').selectAll().where('trigger_id', '=', triggerId).execute();
  /** Runs the periodic evaluation through the real job queue and waits until it has been processed. */
  async function runPeriodicJob() {
    const id = await t.deps.jobs.send('evaluate-triggers', {});
    await waitForJob(t, id!);
  }

  it('invites the champion and buyer 60 days before renewal by email, once, and not other accounts', async () => {
    const due = await account('renews-in-60', { renewal_date: isoDate(60) });
    const later = await account('renews-in-90', { renewal_date: isoDate(90) });
    const champion = await contact(due.id, 'champ', { role: 'Champion' });
    await contact(due.id, 'user', { role: 'end user' });
    const buyer = await contact(due.id, 'buyer', { role: 'economic buyer' });
    await contact(later.id, 'later-champ', { role: 'champion' });
    const rule = await trigger({
      name: 'Pre-renewal',
      guide_id: guides.pre_renewal,
      when: { type: 'schedule', anchor: 'renewal_date', offset_days: -60 },
      who: { type: 'account_contacts', roles: ['champion', 'economic buyer'] },
      how: { channel: 'email' },
    });

    await runPeriodicJob();
    const first = await invitationsOf(rule.id);
    expect(first.map((i) => i.contact_id).sort()).toEqual([champion.id, buyer.id].sort());
    expect(first.every((i) => i.decision === 'invited' && i.interview_id)).toBe(true);

    const emails = await t.deps.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('workspace_id', '=', ws.id)
      .where('to_address', '=', 'champ@example.com')
      .execute();
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toMatch(/renewal/i);
    expect(emails[0]?.text).toMatch(/http:\/\/candor\.test\/i\/\S+/);
    expect(emails[0]?.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

    // a second run in the same period sends nothing twice
    await runPeriodicJob();
    expect(await invitationsOf(rule.id)).toHaveLength(2);
    const again = await t.deps.db
      .selectFrom('outbox_emails')
      .select('id')
      .where('to_address', '=', 'champ@example.com')
      .execute();
    expect(again).toHaveLength(1);
  });

  it('invites the contacts of an account whose usage dropped, not of a steady one', async () => {
    const declining = await account('declining');
    const steady = await account('steady');
    const d = await contact(declining.id, 'd-admin', { role: 'admin' });
    await contact(steady.id, 's-admin', { role: 'admin' });
    const events = [];
    for (let day = 1; day <= 28; day++) {
      const at = new Date(Date.now() - day * DAY);
      const perDay = day > 14 ? 4 : 1; // declining: 4/day before, 1/day in the last 14 days
      for (let i = 0; i < perDay; i++)
        events.push({
          workspace_id: ws.id,
          account_id: declining.id,
          name: 'report_created',
          properties: {},
          occurred_at: at,
        });
      for (let i = 0; i < 3; i++)
        events.push({
          workspace_id: ws.id,
          account_id: steady.id,
          name: 'report_created',
          properties: {},
          occurred_at: at,
        });
    }
    await t.deps.db.insertInto('events').values(events).execute();
    const rule = await trigger({
      name: 'Usage down 50% over 14 days',
      guide_id: guides.churn_risk,
      when: { type: 'usage_drop', percent: 50, days: 14 },
      who: { type: 'account_contacts', roles: [] },
      how: { channel: 'in_app' },
    });
    await runPeriodicJob();
    const invited = await invitationsOf(rule.id);
    expect(invited.map((i) => i.contact_id)).toEqual([d.id]);
    expect(invited[0]?.decision).toBe('invited');
  });

  it('invites a contact 14 days after signup, not earlier', async () => {
    const acc = await account('signups');
    const ripe = await contact(acc.id, 'signed-up-14d', { created_at: new Date(Date.now() - 14 * DAY - 3_600_000) });
    await contact(acc.id, 'signed-up-3d', { created_at: new Date(Date.now() - 3 * DAY) });
    const rule = await trigger({
      name: 'Onboarding, 14 days in',
      guide_id: guides.onboarding,
      when: { type: 'schedule', anchor: 'signup', offset_days: 14 },
      who: { type: 'contact' },
    });
    await runPeriodicJob();
    expect((await invitationsOf(rule.id)).map((i) => i.contact_id)).toEqual([ripe.id]);
  });

  it('fires attribute rules only for matching accounts', async () => {
    const big = await account('enterprise-co', { plan: 'Enterprise' });
    await account('team-co', { plan: 'team' });
    const bigAdmin = await contact(big.id, 'ent-admin', { role: 'admin' });
    const rule = await trigger({
      name: 'Enterprise expansion',
      guide_id: guides.expansion,
      when: { type: 'attribute', target: 'account', attribute: 'plan', op: 'eq', value: 'enterprise' },
      who: { type: 'account_contacts', roles: ['admin'] },
    });
    await runPeriodicJob();
    expect((await invitationsOf(rule.id)).map((i) => i.contact_id)).toEqual([bigAdmin.id]);
  });

  it('runs a manual trigger, records fatigue skips with their reason, and reports the funnel', async () => {
    const acc = await account('manual-co');
    await contact(acc.id, 'm-fresh');
    const optedOut = await contact(acc.id, 'm-opted-out');
    await t.deps.db.updateTable('contacts').set({ opted_out_at: new Date() }).where('id', '=', optedOut.id).execute();
    const rule = await trigger({
      name: 'Health pulse on demand',
      guide_id: guides.health_pulse,
      when: { type: 'manual' },
    });
    const run = await t.request(`/v1/triggers/${rule.id}/run`, {
      method: 'POST',
      token: ws.secret_key,
      json: { contact_ids: ['m-fresh', 'm-opted-out'] },
    });
    expect(run.status).toBe(200);
    const { results } = await readJson(run);
    expect(results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ contact_id: 'm-fresh', decision: 'invited' }),
        { contact_id: 'm-opted-out', decision: 'skipped', reason: 'opted_out' },
      ]),
    );
    // the same day again: decided already, nothing new
    const rerun = await readJson(
      await t.request(`/v1/triggers/${rule.id}/run`, {
        method: 'POST',
        token: ws.secret_key,
        json: { contact_ids: ['m-fresh'] },
      }),
    );
    expect(rerun.results).toEqual([{ contact_id: 'm-fresh', decision: 'duplicate' }]);

    const funnel = await readJson(await t.request(`/v1/triggers/${rule.id}/funnel`, { token: ws.secret_key }));
    expect(funnel).toMatchObject({
      eligible: 2,
      skipped: 1,
      skipped_by_reason: { opted_out: 1 },
      invited: 1,
      started: 0,
      completed: 0,
    });
    const byMoment = await readJson(await t.request('/v1/funnel?by=moment', { token: ws.secret_key }));
    expect(byMoment.funnels.find((f: { key: string }) => f.key === 'health_pulse')).toMatchObject({ invited: 1 });
  });

  it('keeps a recently asked contact out until the recontact window has passed', async () => {
    const acc = await account('recontact-co');
    await contact(acc.id, 'r-1');
    const first = await trigger({ name: 'Pulse A', guide_id: guides.health_pulse, when: { type: 'manual' } });
    const second = await trigger({ name: 'Expansion B', guide_id: guides.expansion, when: { type: 'manual' } });
    const run = async (id: string) =>
      readJson(
        await t.request(`/v1/triggers/${id}/run`, {
          method: 'POST',
          token: ws.secret_key,
          json: { contact_ids: ['r-1'] },
        }),
      );
    expect((await run(first.id)).results[0].decision).toBe('invited');
    expect((await run(second.id)).results[0]).toMatchObject({ decision: 'skipped', reason: 'recontact_window' });
  });
});

describe(`invitation emails: link, unseen in-app, unsubscribe (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  let guideId: string;
  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    guideId = (
      await t.deps.db
        .selectFrom('guides')
        .select('id')
        .where('workspace_id', '=', ws.id)
        .where('moment', '=', 'health_pulse')
        .executeTakeFirstOrThrow()
    ).id;
    await t.request('/v1/accounts', {
      method: 'POST',
      token: ws.secret_key,
      json: { accounts: [{ id: 'acme', name: 'Acme' }] },
    });
    await t.request('/v1/contacts', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        contacts: [
          { id: 'ada', account_id: 'acme', email: 'ada@acme.io', name: 'Ada Lovelace' },
          { id: 'bo', account_id: 'acme', email: 'bo@acme.io', name: 'Bo' },
        ],
      },
    });
  });
  afterAll(() => t?.close());

  const createRule = async (how: object) =>
    readJson(
      await t.request('/v1/triggers', {
        method: 'POST',
        token: ws.secret_key,
        json: {
          name: `Pulse ${JSON.stringify(how)}`,
          guide_id: guideId,
          when: { type: 'manual' },
          how,
          throttle: { recontact_days: 0, once_per_guide: false },
          holdout_percent: 0,
        },
      }),
    );
  const run = async (ruleId: string, contactId: string) =>
    (
      await readJson(
        await t.request(`/v1/triggers/${ruleId}/run`, {
          method: 'POST',
          token: ws.secret_key,
          json: { contact_ids: [contactId] },
        }),
      )
    ).results[0];
  const emailsTo = (address: string) =>
    t.deps.db.selectFrom('outbox_emails').selectAll().where('to_address', '=', address).orderBy('created_at').execute();

  it("sends a link that opens the contact's interview", async () => {
    const rule = await createRule({ channel: 'email' });
    const offer = await run(rule.id, 'ada');
    expect(offer.decision).toBe('invited');
    const [email] = await emailsTo('ada@acme.io');
    expect(email?.html).toContain('Hi Ada,');
    const link = /http:\/\/candor\.test\/i\/(\S+)/.exec(email?.text ?? '');
    expect(link).not.toBeNull();
    const res = await t.request(`/v1/widget/interviews/${offer.interview_id}`, { token: link?.[1] });
    expect(res.status).toBe(200);
    expect((await readJson(res)).status).toBe('invited');
  });

  it('emails an in-app invitation that stayed unseen, but not one that was shown', async () => {
    const rule = await createRule({ channel: 'in_app_then_email', email_after_days: 2 });
    const before = (await emailsTo('bo@acme.io')).length;
    const unseen = await run(rule.id, 'bo');
    // what the delayed job does when its time comes
    await t.deps.jobs.send('invitation-email', {
      workspaceId: ws.id,
      interviewId: unseen.interview_id,
      kind: 'unseen',
    });
    await eventually(async () => (await emailsTo('bo@acme.io')).length === before + 1);

    await t.deps.db.deleteFrom('invitations').where('trigger_id', '=', rule.id).execute();
    const shown = await run(rule.id, 'bo');
    await t.deps.db
      .updateTable('interviews')
      .set({ shown_at: new Date() })
      .where('id', '=', shown.interview_id)
      .execute();
    const job = await t.deps.jobs.send('invitation-email', {
      workspaceId: ws.id,
      interviewId: shown.interview_id,
      kind: 'unseen',
    });
    await waitForJob(t, job!);
    expect(await emailsTo('bo@acme.io')).toHaveLength(before + 1);
  });

  it('respects an unsubscribe from the email everywhere', async () => {
    const rule = await createRule({ channel: 'email' });
    const [email] = await emailsTo('ada@acme.io');
    const unsubscribe = new URL(
      String(email?.headers && (email.headers as Record<string, string>)['List-Unsubscribe']).slice(1, -1),
    );
    expect((await t.request(unsubscribe.pathname, { method: 'POST' })).status).toBe(200);
    expect(await run(rule.id, 'ada')).toEqual({ contact_id: 'ada', decision: 'skipped', reason: 'opted_out' });
    const inApp = await createRule({ channel: 'in_app' });
    expect((await run(inApp.id, 'ada')).reason).toBe('opted_out');
  });
});
