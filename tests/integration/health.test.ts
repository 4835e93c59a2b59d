import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { runJob, waitForJob } from '../support/jobs';
import { recordAnswer } from '../support/signal-fixtures';

const DAY = 86_400_000;

describe(`account health and the review queue (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  let other: { secret_key: string };
  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    other = await createTestWorkspace(t, 'Other');
    await t.deps.db
      .insertInto('members')
      .values({ workspace_id: ws.id, email: 'carol@vendor.io', name: 'Carol CSM', role: 'csm' })
      .execute();
  });
  afterAll(() => t?.close());

  async function account(externalId: string, perDayBefore: number, perDayRecent: number) {
    const acc = await t.deps.db
      .insertInto('accounts')
      .values({
        workspace_id: ws.id,
        external_id: externalId,
        name: externalId,
        owner_email: 'carol@vendor.io',
        attributes: {},
        health_reasons: [],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const events = [];
    for (let day = 1; day <= 60; day++)
      for (let i = 0; i < (day > 30 ? perDayBefore : perDayRecent); i++)
        events.push({
          workspace_id: ws.id,
          account_id: acc.id,
          name: 'login',
          properties: {},
          occurred_at: new Date(Date.now() - day * DAY),
        });
    if (events.length) await t.deps.db.insertInto('events').values(events).execute();
    return acc;
  }
  const recompute = async (accountId?: string) => {
    const id = await t.deps.jobs.send('recompute-health', { workspaceId: ws.id, ...(accountId ? { accountId } : {}) });
    await waitForJob(t, id!);
  };
  const health = (id: string) =>
    t.deps.db
      .selectFrom('accounts')
      .select(['health_state', 'health_reasons'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('moves a declining account to at risk, records the transition and queues it for its CSM', async () => {
    const steady = await account('steady', 3, 3);
    const declining = await account('declining', 4, 1);
    await recompute();
    expect((await health(steady.id)).health_state).toBe('healthy');
    const h = await health(declining.id);
    expect(h.health_state).toBe('at_risk');
    expect(h.health_reasons).toEqual([expect.objectContaining({ code: 'usage_drop' })]);

    const transition = await t.deps.db
      .selectFrom('events')
      .select('properties')
      .where('account_id', '=', declining.id)
      .where('name', '=', 'account.state_changed')
      .execute();
    expect(transition.map((e) => e.properties)).toEqual([{ from: 'unknown', to: 'at_risk', reasons: ['usage_drop'] }]);

    const queue = await readJson(await t.request('/v1/review-items?status=open', { token: ws.secret_key }));
    const item = queue.items.find((i: { account: { external_id: string } }) => i.account.external_id === 'declining');
    expect(item).toMatchObject({ kind: 'health', status: 'open', assignee: { email: 'carol@vendor.io' } });
    expect(item.reason).toMatch(/Usage down 75%/);

    // a second pass with nothing new changes nothing
    await recompute();
    const again = await readJson(await t.request('/v1/review-items', { token: ws.secret_key }));
    expect(
      again.items.filter((i: { account: { external_id: string } }) => i.account.external_id === 'declining'),
    ).toHaveLength(1);
  });

  it('cites the customer when a churn-risk answer puts an account at risk, and fires health-change triggers', async () => {
    const acc = await account('said-it', 3, 3);
    const champion = await t.deps.db
      .insertInto('contacts')
      .values({
        workspace_id: ws.id,
        account_id: acc.id,
        external_id: 'champ',
        email: 'champ@x.io',
        role: 'champion',
        attributes: {},
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const guide = await t.deps.db
      .selectFrom('guides')
      .innerJoin('guide_versions', 'guide_versions.guide_id', 'guides.id')
      .select(['guides.id', 'guide_versions.id as version_id'])
      .where('guides.workspace_id', '=', ws.id)
      .where('guides.moment', '=', 'churn_risk')
      .executeTakeFirstOrThrow();
    const trigger = await t.request('/v1/triggers', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        name: 'At risk',
        holdout_percent: 0,
        guide_id: guide.id,
        when: { type: 'health_change', to: 'at_risk' },
        who: { type: 'account_contacts', roles: ['champion'] },
      },
    });
    expect(trigger.status).toBe(201);
    await recompute(acc.id);
    expect((await health(acc.id)).health_state).toBe('healthy');

    // the answer came from a health pulse a month ago (so fatigue rules let the churn-risk check through)
    const { messageId } = await recordAnswer(t, ws.id, {
      accountId: acc.id,
      contactId: champion.id,
      moment: 'health_pulse',
      invitedAt: new Date(Date.now() - 30 * DAY),
      text: 'Honestly we are evaluating other tools because the price keeps going up.',
      signals: [
        {
          kind: 'churn_risk',
          value: { level: 'high', reasons: ['price_value'] },
          quote: 'we are evaluating other tools',
        },
      ],
    });
    await recompute(acc.id);
    const h = await health(acc.id);
    expect(h.health_state).toBe('at_risk');
    expect(h.health_reasons[0]).toMatchObject({
      code: 'churn_risk_high',
      evidence: { quote: 'we are evaluating other tools', message_id: messageId },
    });

    // the health-change rule invited the champion
    const invited = await t.deps.db
      .selectFrom('interviews')
      .select('status')
      .where('contact_id', '=', champion.id)
      .where('status', '=', 'invited')
      .execute();
    expect(invited).toHaveLength(1);
  });

  it('leaves an account whose health and cited reasons did not change unwritten on the next pass', async () => {
    const acc = await account('unchanged-health', 5, 1);
    await recordAnswer(t, ws.id, {
      accountId: acc.id,
      text: 'We may cancel because the budget is cut.',
      signals: [{ kind: 'churn_risk', value: { level: 'high', reasons: ['budget'] }, quote: 'We may cancel' }],
    });
    await recompute(acc.id);
    const before = await t.deps.db
      .selectFrom('accounts')
      .select(['health_state', 'health_reasons', sql<string>`xmin::text`.as('row_version')])
      .where('id', '=', acc.id)
      .executeTakeFirstOrThrow();
    expect(before.health_reasons.length).toBeGreaterThan(0);
    expect(before.health_reasons).toContainEqual(expect.objectContaining({ evidence: expect.any(Object) }));

    // The nightly pass over the workspace: nothing new here, so the row is not rewritten.
    await recompute();
    const after = await t.deps.db
      .selectFrom('accounts')
      .select(['health_state', 'health_reasons', sql<string>`xmin::text`.as('row_version')])
      .where('id', '=', acc.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('re-evaluates in the nightly pass only the accounts whose inputs changed, a slid window included', async () => {
    const quiet = await account('nightly-quiet', 3, 3);
    const spoken = await account('nightly-spoken', 3, 3);
    const sliding = await account('nightly-sliding', 0, 0);
    // 40 events 45 days ago, 30 on the oldest day of the recent window and one yesterday: usage
    // down 22% today, and 99% tomorrow when that day leaves the window, with no new event.
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
    const login = (daysAgo: number) => ({
      workspace_id: ws.id,
      account_id: sliding.id,
      name: 'login',
      properties: {},
      occurred_at: at(daysAgo),
    });
    await t.deps.db
      .insertInto('events')
      .values([
        ...Array.from({ length: 40 }, () => login(45)),
        ...Array.from({ length: 30 }, () => login(29)),
        login(1),
      ])
      .execute();
    const ids = [quiet.id, spoken.id, sliding.id];
    // The nightly job logs how many accounts it evaluated: the pass's cost.
    const info = vi.spyOn(t.deps.log, 'info');
    const nightly = async () => {
      info.mockClear();
      await runJob(t, 'recompute-all-health', {});
      const [pass] = info.mock.calls.find((call) => call[1] === 'account health recomputed') ?? [];
      // The pass also logs how many accounts it read (tests/integration/health-recheck.test.ts).
      const { evaluated, changed } = pass as unknown as { evaluated: number; changed: number };
      return { evaluated, changed };
    };
    const evaluations = async () =>
      Object.fromEntries(
        (
          await t.deps.db
            .selectFrom('accounts')
            .select(['external_id', 'health_state', 'health_evaluated_at'])
            .where('id', 'in', ids)
            .execute()
        ).map((r) => [r.external_id.replace('nightly-', ''), r]),
      );

    expect((await nightly()).evaluated).toBeGreaterThanOrEqual(3);
    const first = await evaluations();
    for (const name of ['quiet', 'spoken', 'sliding']) {
      expect(first[name]?.health_state).toBe('healthy');
      expect(first[name]?.health_evaluated_at).toBeInstanceOf(Date);
    }

    // Nothing the rules read has changed (a few more logins keep steady usage steady): no one is evaluated.
    await t.deps.db
      .insertInto('events')
      .values(
        [1, 2].map(() => ({
          workspace_id: ws.id,
          account_id: quiet.id,
          name: 'login',
          properties: {},
          occurred_at: at(0),
        })),
      )
      .execute();
    expect(await nightly()).toEqual({ evaluated: 0, changed: 0 });
    expect(await evaluations()).toEqual(first);

    // A customer's words at one account: that account alone is evaluated.
    await recordAnswer(t, ws.id, {
      accountId: spoken.id,
      text: 'We are moving to another vendor next quarter.',
      signals: [
        { kind: 'churn_risk', value: { level: 'high', reasons: ['competitor'] }, quote: 'moving to another vendor' },
      ],
    });
    expect(await nightly()).toEqual({ evaluated: 1, changed: 1 });
    const second = await evaluations();
    expect(second.spoken?.health_state).toBe('at_risk');
    expect(second.spoken?.health_evaluated_at?.getTime()).toBeGreaterThan(first.spoken!.health_evaluated_at!.getTime());
    expect({ quiet: second.quiet, sliding: second.sliding }).toEqual({ quiet: first.quiet, sliding: first.sliding });

    // The next day, with no new event, the sliding account's drop crosses the threshold.
    const realNow = t.deps.now;
    t.deps.now = () => new Date(Date.now() + DAY);
    try {
      expect((await nightly()).evaluated).toBeGreaterThanOrEqual(1);
    } finally {
      t.deps.now = realNow;
      info.mockRestore();
    }
    const third = await evaluations();
    expect(third.sliding?.health_state).toBe('at_risk');
    expect((await health(sliding.id)).health_reasons).toEqual([
      expect.objectContaining({ code: 'usage_drop', text: expect.stringContaining('(70 → 1 events)') }),
    ]);
    expect({ quiet: third.quiet, spoken: third.spoken }).toEqual({ quiet: second.quiet, spoken: second.spoken });
  });

  it('snoozes and completes items; other workspaces see nothing', async () => {
    const { items } = await readJson(await t.request('/v1/review-items', { token: ws.secret_key }));
    const id = items[0].id;
    const until = new Date(Date.now() + 3 * DAY).toISOString();
    expect(
      (
        await t.request(`/v1/review-items/${id}`, {
          method: 'PATCH',
          token: ws.secret_key,
          json: { status: 'snoozed', snoozed_until: until },
        })
      ).status,
    ).toBe(204);
    const open = await readJson(await t.request('/v1/review-items?status=open', { token: ws.secret_key }));
    expect(open.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(
      (
        await t.request(`/v1/review-items/${id}`, {
          method: 'PATCH',
          token: ws.secret_key,
          json: { status: 'snoozed' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await t.request(`/v1/review-items/${id}`, { method: 'PATCH', token: ws.secret_key, json: { status: 'done' } }))
        .status,
    ).toBe(204);
    const done = await readJson(await t.request('/v1/review-items?status=done', { token: ws.secret_key }));
    expect(done.items.map((i: { id: string }) => i.id)).toContain(id);

    expect(
      (
        await t.request(`/v1/review-items/${id}`, {
          method: 'PATCH',
          token: other.secret_key,
          json: { status: 'open' },
        })
      ).status,
    ).toBe(404);
    expect((await readJson(await t.request('/v1/review-items', { token: other.secret_key }))).items).toEqual([]);
  });
});
