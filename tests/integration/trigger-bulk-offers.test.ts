import { randomUUID } from 'node:crypto';
import { isHeldOut } from '@candor/api/triggers/holdout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { waitForJob } from '../support/jobs';

const DAY = 86_400_000;
const HOLDOUT = 20;

type Ws = { id: string; secret_key: string };
type Decision = { decision: string; reason?: string };

/**
 * A periodic pass decides its candidates in bulk; manual runs of one contact each offer them
 * one at a time.
 * The same book in two workspaces must get the same decisions either way, including budget
 * counting for invitations made earlier in the same batch.
 */
describe(`bulk trigger offers decide like one-at-a-time offers (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const contactsInOrder = [
    'b-0',
    'b-1',
    'b-2',
    'b-3',
    'b-4',
    'o-all',
    'o-moment',
    'o-ok',
    'r-recent',
    'r-guide',
    'c-touch',
    'h-held',
    'n-loner',
  ];

  /** A book with one candidate for each fatigue rule; the holdout account's id is chosen to be held out. */
  async function book(ws: Ws, triggerId: string) {
    const db = t.deps.db;
    const guides = Object.fromEntries(
      (await db.selectFrom('guides').select(['id', 'moment']).where('workspace_id', '=', ws.id).execute()).map((g) => [
        g.moment,
        g.id,
      ]),
    ) as Record<string, string>;
    const account = async (externalId: string, heldOut: boolean) => {
      let id = randomUUID();
      while (isHeldOut(triggerId, id, HOLDOUT) !== heldOut) id = randomUUID();
      await db
        .insertInto('accounts')
        .values({
          id,
          workspace_id: ws.id,
          external_id: externalId,
          name: externalId,
          attributes: {},
          health_reasons: [],
        })
        .execute();
      return id;
    };
    const contact = async (accountId: string | null, externalId: string) => {
      // Without an account the contact itself is the holdout subject: keep it out of the control group.
      let id = randomUUID();
      while (!accountId && isHeldOut(triggerId, id, HOLDOUT)) id = randomUUID();
      return (
        await db
          .insertInto('contacts')
          .values({
            id,
            workspace_id: ws.id,
            account_id: accountId,
            external_id: externalId,
            email: `${externalId}@example.com`,
            name: externalId,
            role: 'Bulk',
            attributes: {},
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    };
    const interview = async (contactId: string, accountId: string, guideId: string, daysAgo: number) => {
      const version = await db
        .selectFrom('guide_versions')
        .select('id')
        .where('guide_id', '=', guideId)
        .executeTakeFirstOrThrow();
      const at = new Date(Date.now() - daysAgo * DAY);
      await db
        .insertInto('interviews')
        .values({
          workspace_id: ws.id,
          guide_id: guideId,
          guide_version_id: version.id,
          contact_id: contactId,
          account_id: accountId,
          channel: 'in_app',
          mode: 'scripted',
          state: {},
          cost_micros: 0,
          invited_at: at,
          last_activity_at: at,
        })
        .execute();
    };

    const budget = await account('budget-co', false);
    for (let i = 0; i < 5; i++) await contact(budget, `b-${i}`);
    const optout = await account('optout-co', false);
    const all = await contact(optout, 'o-all');
    await db.updateTable('contacts').set({ opted_out_at: new Date() }).where('id', '=', all).execute();
    const moment = await contact(optout, 'o-moment');
    await db
      .insertInto('invitations')
      .values({
        workspace_id: ws.id,
        guide_id: guides.health_pulse as string,
        contact_id: moment,
        account_id: optout,
        channel: 'in_app',
        decision: 'skipped',
        skip_reason: 'opted_out',
        dedupe_key: `opt_out:${moment}:health_pulse`,
      })
      .execute();
    await contact(optout, 'o-ok');
    const recontact = await account('recontact-co', false);
    await interview(await contact(recontact, 'r-recent'), recontact, guides.expansion as string, 2);
    await interview(await contact(recontact, 'r-guide'), recontact, guides.health_pulse as string, 100);
    await contact(await account('touch-co', false), 'c-touch');
    const touch = await t.request('/v1/events', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        events: [
          { event: 'csm_touch', account_id: 'touch-co', timestamp: new Date(Date.now() - 2 * DAY).toISOString() },
        ],
      },
    });
    expect(touch.status).toBe(200);
    await contact(await account('holdout-co', true), 'h-held');
    await contact(null, 'n-loner');
  }

  async function decisionsOf(ws: Ws, triggerId: string) {
    const rows = await t.deps.db
      .selectFrom('invitations')
      .innerJoin('contacts', 'contacts.id', 'invitations.contact_id')
      .leftJoin('interviews', 'interviews.id', 'invitations.interview_id')
      .select(['contacts.external_id', 'invitations.decision', 'invitations.skip_reason', 'interviews.id as interview'])
      .where('invitations.workspace_id', '=', ws.id)
      .where('invitations.trigger_id', '=', triggerId)
      .execute();
    for (const r of rows) expect(Boolean(r.interview)).toBe(r.decision === 'invited');
    return Object.fromEntries(
      rows.map((r) => [r.external_id, { decision: r.decision, ...(r.skip_reason ? { reason: r.skip_reason } : {}) }]),
    ) as Record<string, Decision>;
  }

  const expected: Record<string, Decision> = {
    'o-all': { decision: 'skipped', reason: 'opted_out' },
    'o-moment': { decision: 'skipped', reason: 'opted_out' },
    'o-ok': { decision: 'invited' },
    'r-recent': { decision: 'skipped', reason: 'recontact_window' },
    'r-guide': { decision: 'skipped', reason: 'already_asked_guide' },
    'c-touch': { decision: 'skipped', reason: 'csm_touch_backoff' },
    'h-held': { decision: 'skipped', reason: 'holdout' },
    'n-loner': { decision: 'invited' },
  };

  /** The five contacts of one account: the budget of 3 lets exactly three through, whichever they are. */
  function expectBudget(decisions: Record<string, Decision>) {
    const budget = contactsInOrder.filter((c) => c.startsWith('b-')).map((c) => decisions[c]);
    expect(budget.filter((d) => d?.decision === 'invited')).toHaveLength(3);
    expect(budget.filter((d) => d?.reason === 'account_budget')).toHaveLength(2);
  }

  it('makes the same decisions in one periodic batch as one at a time, and none twice', async () => {
    const rule = {
      name: 'Pulse the Bulk role',
      holdout_percent: HOLDOUT,
      who: { type: 'contact' },
      how: { channel: 'in_app' },
    };
    const createTrigger = async (ws: Ws, when: object) => {
      const guide = await t.deps.db
        .selectFrom('guides')
        .select('id')
        .where('workspace_id', '=', ws.id)
        .where('moment', '=', 'health_pulse')
        .executeTakeFirstOrThrow();
      const res = await t.request('/v1/triggers', {
        method: 'POST',
        token: ws.secret_key,
        json: { ...rule, guide_id: guide.id, when },
      });
      expect(res.status).toBe(201);
      return (await readJson(res)).id as string;
    };

    // One at a time: a manual run per contact, each its own request.
    const one = (await createTestWorkspace(t)) as Ws;
    const manual = await createTrigger(one, { type: 'manual' });
    await book(one, manual);
    for (const contactId of contactsInOrder) {
      const run = await t.request(`/v1/triggers/${manual}/run`, {
        method: 'POST',
        token: one.secret_key,
        json: { contact_ids: [contactId] },
      });
      expect(run.status).toBe(200);
    }
    const sequential = await decisionsOf(one, manual);

    // In bulk: the periodic pass offers every matching contact of the rule together.
    const bulk = (await createTestWorkspace(t)) as Ws;
    const periodic = await createTrigger(bulk, {
      type: 'attribute',
      target: 'contact',
      attribute: 'role',
      op: 'eq',
      value: 'Bulk',
    });
    await book(bulk, periodic);
    const runPass = async () => waitForJob(t, (await t.deps.jobs.send('evaluate-triggers', {})) as string);
    await runPass();
    const batched = await decisionsOf(bulk, periodic);

    for (const decisions of [sequential, batched]) {
      expect(Object.keys(decisions).sort()).toEqual([...contactsInOrder].sort());
      expect(decisions).toMatchObject(expected);
      expectBudget(decisions);
    }
    const interviews = await t.deps.db
      .selectFrom('interviews')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('workspace_id', '=', bulk.id)
      .where('trigger_id', '=', periodic)
      .executeTakeFirstOrThrow();
    expect(Number(interviews.n)).toBe(5); // three of the budget account, o-ok and n-loner

    // A second pass in the same period decides nothing again.
    await runPass();
    expect(await decisionsOf(bulk, periodic)).toEqual(batched);
    const again = await t.deps.db
      .selectFrom('interviews')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('workspace_id', '=', bulk.id)
      .executeTakeFirstOrThrow();
    expect(Number(again.n)).toBe(5 + 2); // plus the two interviews of the book itself
  });
});
