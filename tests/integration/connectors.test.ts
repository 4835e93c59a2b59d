import { queueConnectorAction } from '@candor/api/connectors/deliver-action';
import { beforeAll, describe, expect, it } from 'vitest';
import { hubspotHandlers } from '../msw/hubspot';
import { SALESFORCE_INSTANCE, salesforceHandlers } from '../msw/salesforce';
import { slackHandlers } from '../msw/slack';
import { consoleCall, signIn } from '../support/console-session';
import { eventually } from '../support/eventually';
import { createTestWorkspace, databaseKind, readJson, type TestApp } from '../support/harness';
import { jobsSettled } from '../support/jobs';
import { useVendorStage } from '../support/vendor-stage';

const SLACK_TOKEN = 'xoxb-test-token-123';
const HUBSPOT_TOKEN = 'pat-na1-test-token';
const SF_TOKEN = '00Dtest!session-token';

type Delivery = { status: string; attempts: number; last_status_code: number | null; last_error: string | null };

describe(`connectors: Slack, HubSpot and Salesforce at their HTTP boundary (${databaseKind})`, () => {
  const stage = useVendorStage({ CANDOR_CONNECTOR_RETRY_MS: '50' });
  let t: TestApp;
  let ws: { id: string };
  let call: ReturnType<typeof consoleCall>;
  beforeAll(async () => {
    t = stage.t;
    ws = await createTestWorkspace(t);
    const { cookie } = await signIn(t, ws.id, 'admin@acme.io', 'admin');
    call = consoleCall(t, cookie);
  });

  async function deliveryLog(kind: string): Promise<Delivery[]> {
    const res = await call('GET', `/settings/connectors/${kind}/deliveries`);
    expect(res.status).toBe(200);
    return (await readJson(res)).deliveries;
  }

  async function settled(id: string): Promise<Delivery> {
    return eventually(async () => {
      const row = await t.deps.db
        .selectFrom('connector_deliveries')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(['delivered', 'failed']).toContain(row.status);
      return row as unknown as Delivery;
    }, 15_000);
  }

  describe('Slack', () => {
    it('refuses a malformed token with the field named, and seals a good one', async () => {
      const bad = await call('PUT', '/settings/connectors/slack', { credentials: { bot_token: 'hello' } });
      expect(bad.status).toBe(400);
      expect((await readJson(bad)).error.message).toContain('bot_token');

      const res = await call('PUT', '/settings/connectors/slack', {
        credentials: { bot_token: SLACK_TOKEN },
        settings: { channel: null },
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).not.toContain(SLACK_TOKEN);
      const row = await t.deps.db
        .selectFrom('connectors')
        .select('credentials')
        .where('kind', '=', 'slack')
        .executeTakeFirstOrThrow();
      expect(row.credentials).toMatch(/^sealed:v1:/);
      expect(row.credentials).not.toContain('xoxb');
      const listed = await call('GET', '/settings/connectors');
      expect(await listed.text()).not.toContain(SLACK_TOKEN);
    });

    it("tests the connection with auth.test, and reports Slack's own error for a revoked token", async () => {
      const slack = slackHandlers({ faults: { 'auth.test': [{ error: 'token_revoked' }] } });
      stage.msw.use(slack.handler);
      const revoked = await readJson(await call('POST', '/settings/connectors/slack/test'));
      expect(revoked).toEqual({ ok: false, message: expect.stringContaining('token_revoked') });
      const ok = await readJson(await call('POST', '/settings/connectors/slack/test'));
      expect(ok).toEqual({ ok: true, message: expect.stringContaining('Acme HQ') });
      expect(slack.calls.map((c) => c.token)).toEqual([SLACK_TOKEN, SLACK_TOKEN]);
    });

    it('DMs a person found by email, waiting out a 429 for its Retry-After', async () => {
      const slack = slackHandlers({
        people: { 'ae@acme.io': 'U0AE' },
        faults: { 'chat.postMessage': [{ ratelimited: { retryAfter: 1 } }] },
      });
      stage.msw.use(slack.handler);
      const [id] = await queueConnectorAction(
        t.deps,
        ws,
        { type: 'slack.message', to: { email: 'ae@acme.io' }, text: 'Expansion intent: Acme', blocks: [] },
        'test:dm',
      );
      const done = await settled(id as string);
      expect(done).toMatchObject({ status: 'delivered', attempts: 2 });
      const posts = slack.posts();
      expect(posts.map((p) => p.args.channel)).toEqual(['U0AE', 'U0AE']);
      // The backoff base is 50 ms; the second post waited for Slack's Retry-After of one second.
      expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
      const log = await deliveryLog('slack');
      expect(log[0]).toMatchObject({ status: 'delivered', summary: 'ae@acme.io' });
    });

    it('fails at once, without retrying, when Slack knows nobody by that email', async () => {
      const slack = slackHandlers({ people: {} });
      stage.msw.use(slack.handler);
      const [id] = await queueConnectorAction(
        t.deps,
        ws,
        { type: 'slack.message', to: { email: 'nobody@acme.io' }, text: 'x', blocks: [] },
        'test:nobody',
      );
      expect(await settled(id as string)).toMatchObject({
        status: 'failed',
        attempts: 1,
        last_error: 'users_not_found',
      });
      expect(slack.posts()).toHaveLength(0);
    });

    it('retries a Slack 5xx with backoff until it is delivered', async () => {
      const slack = slackHandlers({ faults: { 'chat.postMessage': [{ status: 503 }, { status: 502 }] } });
      stage.msw.use(slack.handler);
      const [id] = await queueConnectorAction(
        t.deps,
        ws,
        { type: 'slack.message', to: { channel: 'C0CS' }, text: 'hi', blocks: [] },
        'test:5xx',
      );
      expect(await settled(id as string)).toMatchObject({ status: 'delivered', attempts: 3 });
    });

    it('delivers an action whose job was lost once the sweep finds it, and only once', async () => {
      const slack = slackHandlers();
      stage.msw.use(slack.handler);
      // Stored five minutes ago while the queue refused its job: nothing would ever send it.
      const row = await t.deps.db
        .insertInto('connector_deliveries')
        .values({
          workspace_id: ws.id,
          connector_id: (
            await t.deps.db.selectFrom('connectors').select('id').where('kind', '=', 'slack').executeTakeFirstOrThrow()
          ).id,
          action: { type: 'slack.message', to: { channel: 'C0CS' }, text: 'stranded', blocks: [] },
          event_key: 'test:stranded',
          created_at: new Date(Date.now() - 5 * 60_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.deps.jobs.send('sweep-deliveries', {});
      expect(await settled(row.id)).toMatchObject({ status: 'delivered', attempts: 1 });
      await t.deps.jobs.send('sweep-deliveries', {});
      await jobsSettled(t);
      expect(slack.posts().filter((p) => p.args.text === 'stranded')).toHaveLength(1);
    });
  });

  describe('HubSpot', () => {
    it('connects, tests the token, and reports a 401 as HubSpot words it', async () => {
      const hub = hubspotHandlers({ owners: { 'ae@acme.io': '41629779' } });
      stage.msw.use(...hub.handlers);
      const wrong = await call('PUT', '/settings/connectors/hubspot', {
        credentials: { access_token: 'pat-na1-wrong-token' },
      });
      expect(wrong.status).toBe(200);
      const refused = await readJson(await call('POST', '/settings/connectors/hubspot/test'));
      expect(refused.ok).toBe(false);
      expect(refused.message).toContain('Authentication credentials not found');
      expect(refused.message).toContain('401');
      await call('PUT', '/settings/connectors/hubspot', {
        credentials: { access_token: HUBSPOT_TOKEN },
        settings: { fields: { health: 'candor_health' } },
      });
      expect(await readJson(await call('POST', '/settings/connectors/hubspot/test'))).toMatchObject({ ok: true });
      const bad = await call('PUT', '/settings/connectors/hubspot', { settings: { fields: { health: 'has space' } } });
      expect(bad.status).toBe(400);
    });

    it('creates a task for the owner on the company, after a 429 honoured', async () => {
      const hub = hubspotHandlers({ owners: { 'ae@acme.io': '41629779' }, faults: { '/crm/v3/objects/tasks': [429] } });
      stage.msw.use(...hub.handlers);
      const ids = await queueConnectorAction(
        t.deps,
        ws,
        {
          type: 'crm.task',
          account: { name: 'Acme', crm_id: '9001' },
          owner_email: 'ae@acme.io',
          subject: 'Expansion intent at Acme',
          body: '“We need twenty more seats”',
          priority: 'high',
        },
        'test:task',
      );
      expect(ids).toHaveLength(1); // only HubSpot is connected so far
      expect(await settled(ids[0] as string)).toMatchObject({ status: 'delivered', attempts: 2 });
      const tasks = hub.tasks();
      expect(tasks).toHaveLength(2);
      expect(tasks[1]?.body).toMatchObject({
        properties: {
          hs_task_subject: 'Expansion intent at Acme',
          hubspot_owner_id: '41629779',
          hs_task_priority: 'HIGH',
          hs_task_status: 'NOT_STARTED',
        },
        associations: [
          { to: { id: '9001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
        ],
      });
    });
  });

  it('syncs HubSpot companies in, idempotently, with owners, ARR, renewal and plan by the mapping', async () => {
    const companies = [
      {
        id: '9001',
        properties: {
          name: 'Acme',
          annualrevenue: '120000',
          hubspot_owner_id: '41629779',
          renewal: '2027-03-01',
          tier: 'enterprise',
          acct: 'acme',
        },
      },
      {
        id: '9002',
        properties: {
          name: 'Globex',
          annualrevenue: '',
          hubspot_owner_id: null,
          renewal: '1798761600000',
          tier: null,
          acct: null,
        },
      },
      {
        id: '9003',
        properties: {
          name: '',
          annualrevenue: '5000',
          hubspot_owner_id: '99',
          renewal: null,
          tier: 'starter',
          acct: null,
        },
      },
    ];
    const hub = hubspotHandlers({ companies, owners: { 'csm@acme.io': '41629779' } });
    stage.msw.use(...hub.handlers);
    const saved = await call('PUT', '/settings/connectors/hubspot', {
      settings: { sync: { enabled: true, id_property: 'acct', renewal_property: 'renewal', plan_property: 'tier' } },
    });
    expect(saved.status).toBe(200);
    expect(await readJson(await call('POST', '/settings/connectors/hubspot/sync'))).toEqual({
      ok: true,
      created: 3,
      updated: 0,
    });
    const accounts = await t.deps.db
      .selectFrom('accounts')
      .select(['external_id', 'name', 'arr_cents', 'renewal_date', 'plan', 'owner_email', 'attributes'])
      .where('workspace_id', '=', ws.id)
      .orderBy('external_id')
      .execute();
    expect(accounts).toEqual([
      {
        external_id: 'acme',
        name: 'Acme',
        arr_cents: '12000000',
        renewal_date: '2027-03-01',
        plan: 'enterprise',
        owner_email: 'csm@acme.io',
        attributes: { hubspot_id: '9001' },
      },
      {
        external_id: 'hubspot_9002',
        name: 'Globex',
        arr_cents: null,
        renewal_date: '2027-01-01',
        plan: null,
        owner_email: null,
        attributes: { hubspot_id: '9002' },
      },
      {
        external_id: 'hubspot_9003',
        name: 'HubSpot company 9003',
        arr_cents: '500000',
        renewal_date: null,
        plan: 'starter',
        owner_email: null,
        attributes: { hubspot_id: '9003' },
      },
    ]);
    // Paged: two companies, then one after `after=2`.
    expect(hub.calls.filter((c) => c.path === '/crm/v3/objects/companies').map((c) => c.query.after ?? null)).toEqual([
      null,
      '2',
    ]);
    expect(await readJson(await call('POST', '/settings/connectors/hubspot/sync'))).toEqual({
      ok: true,
      created: 0,
      updated: 3,
    });
    expect(
      await t.deps.db.selectFrom('accounts').select('id').where('workspace_id', '=', ws.id).execute(),
    ).toHaveLength(3);
  });

  describe('Salesforce', () => {
    it('accepts only a Salesforce https instance URL', async () => {
      const res = await call('PUT', '/settings/connectors/salesforce', {
        credentials: { instance_url: 'https://169.254.169.254', access_token: SF_TOKEN },
      });
      expect(res.status).toBe(400);
      expect((await readJson(res)).error.message).toContain('instance_url');
    });

    it("tests the connection, creates an owner's task through a rate limit, and fails a dead session", async () => {
      const sf = salesforceHandlers({ users: { 'csm@acme.io': '0055g00000CSM01' }, faults: { Task: ['limit'] } });
      stage.msw.use(...sf.handlers);
      const saved = await call('PUT', '/settings/connectors/salesforce', {
        credentials: { instance_url: SALESFORCE_INSTANCE, access_token: SF_TOKEN },
      });
      expect(saved.status).toBe(200);
      expect(await readJson(await call('POST', '/settings/connectors/salesforce/test'))).toEqual({
        ok: true,
        message: expect.stringContaining('Acme Inc'),
      });
      const connectors = await t.deps.db.selectFrom('connectors').select(['id', 'kind']).execute();
      const sfId = connectors.find((c) => c.kind === 'salesforce')?.id as string;
      const [id] = await queueConnectorAction(
        t.deps,
        ws,
        {
          type: 'crm.task',
          account: { name: 'Acme', crm_id: '0015g00000ACME1' },
          owner_email: 'csm@acme.io',
          subject: 'Hand-off requested: Acme',
          body: 'They asked for a person.',
          priority: 'high',
        },
        'test:sf-task',
        sfId,
      );
      expect(await settled(id as string)).toMatchObject({ status: 'delivered', attempts: 2 });
      expect(sf.tasks()[1]?.body).toMatchObject({
        Subject: 'Hand-off requested: Acme',
        OwnerId: '0055g00000CSM01',
        WhatId: '0015g00000ACME1',
        Priority: 'High',
      });

      await call('PUT', '/settings/connectors/salesforce', {
        credentials: { instance_url: SALESFORCE_INSTANCE, access_token: '00Dexpired!token' },
      });
      const [dead] = await queueConnectorAction(
        t.deps,
        ws,
        {
          type: 'crm.task',
          account: { name: 'Acme', crm_id: null },
          owner_email: null,
          subject: 's',
          body: 'b',
          priority: 'low',
        },
        'test:sf-dead',
        sfId,
      );
      expect(await settled(dead as string)).toMatchObject({
        status: 'failed',
        attempts: 1,
        last_error: 'INVALID_SESSION_ID',
      });
      const sync = salesforceHandlers({
        accounts: [
          {
            Id: '0015g00000ACME1',
            Name: 'Initech',
            Owner: { attributes: { type: 'User' }, Email: 'csm@acme.io' },
            AnnualRevenue: 250000,
          },
        ],
      });
      stage.msw.use(...sync.handlers);
      expect(await readJson(await call('POST', '/settings/connectors/salesforce/sync'))).toMatchObject({
        ok: false,
        message: 'Salesforce answered: INVALID_SESSION_ID',
      });
      await call('PUT', '/settings/connectors/salesforce', {
        credentials: { instance_url: SALESFORCE_INSTANCE, access_token: SF_TOKEN },
      });
      expect(await readJson(await call('POST', '/settings/connectors/salesforce/sync'))).toEqual({
        ok: true,
        created: 1,
        updated: 0,
      });
      expect(
        await t.deps.db
          .selectFrom('accounts')
          .select(['name', 'arr_cents', 'owner_email', 'attributes'])
          .where('external_id', '=', 'salesforce_0015g00000ACME1')
          .executeTakeFirst(),
      ).toEqual({
        name: 'Initech',
        arr_cents: '25000000',
        owner_email: 'csm@acme.io',
        attributes: { salesforce_id: '0015g00000ACME1' },
      });
    });
  });

  it('answers 404 for an unknown kind and 403 to a CSM', async () => {
    expect((await call('GET', '/settings/connectors/zendesk/deliveries')).status).toBe(404);
    const csm = await signIn(t, ws.id, 'csm@acme.io', 'csm');
    expect((await consoleCall(t, csm.cookie)('GET', '/settings/connectors')).status).toBe(403);
  });
});
