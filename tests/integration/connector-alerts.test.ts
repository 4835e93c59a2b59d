import { beforeAll, describe, expect, it } from 'vitest';
import { hubspotHandlers } from '../msw/hubspot';
import { slackHandlers } from '../msw/slack';
import { consoleCall, signIn } from '../support/console-session';
import { eventually } from '../support/eventually';
import { databaseKind, readJson, type TestApp } from '../support/harness';
import { answer, guideFixture, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';
import { jobsSettled } from '../support/jobs';
import { useVendorStage } from '../support/vendor-stage';

describe(`alerts through connectors (${databaseKind})`, () => {
  const stage = useVendorStage({ CANDOR_CONNECTOR_RETRY_MS: '50' });
  let t: TestApp;
  beforeAll(() => {
    t = stage.t;
  });

  it("an interview's expansion intent reaches the AE as a Slack card and a HubSpot task, once", async () => {
    const slack = slackHandlers({ people: { 'ae@acme.io': 'U0AE', 'csm@acme.io': 'U0CSM' } });
    const hub = hubspotHandlers({ owners: { 'ae@acme.io': '41629779' } });
    stage.msw.use(slack.handler, ...hub.handlers);
    const guide = guideFixture({
      taxonomy: {
        churn_reasons: [],
        expansion_kinds: [{ key: 'seats', label: 'More seats', keywords: ['more seats'] }],
      },
    });
    const { ws, guideId, accountId } = await seedWorkspace(t, guide);
    // The AE and owner arrive the way customers send them: POST /v1/accounts.
    const upsert = await t.request('/v1/accounts', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        accounts: [
          {
            id: 'acme',
            name: 'Acme Corp',
            owner_email: 'csm@acme.io',
            ae_email: 'ae@acme.io',
            renewal_date: '2027-03-01',
            attributes: { hubspot_id: '9001' },
          },
        ],
      },
    });
    expect(upsert.status).toBe(200);
    const { cookie } = await signIn(t, ws.id, 'admin@acme.io', 'admin');
    const call = consoleCall(t, cookie);
    expect(
      (await call('PUT', '/settings/connectors/slack', { credentials: { bot_token: 'xoxb-test-token-123' } })).status,
    ).toBe(200);
    expect(
      (
        await call('PUT', '/settings/connectors/hubspot', {
          credentials: { access_token: 'pat-na1-test-token' },
          settings: {
            fields: { health: 'candor_health', last_interview_at: 'candor_last_interview', brief_url: 'candor_brief' },
          },
        })
      ).status,
    ).toBe(200);

    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
    await answer(t, id, token, 'c1', longAnswer('reporting'));
    await answer(t, id, token, 'c2', 'It works well for the analysts and the managers read the weekly summary.');
    const last = await answer(
      t,
      id,
      token,
      'c3',
      'We would need twenty more seats next quarter for the support team <!channel>.',
    );
    expect(last.done).toEqual({ status: 'completed' });

    await eventually(async () => {
      expect(
        slack
          .posts()
          .map((p) => p.args.channel)
          .sort(),
      ).toEqual(['U0AE', 'U0CSM']);
      expect(hub.tasks()).toHaveLength(1);
      return true;
    }, 20_000);

    const card = slack.posts().find((p) => p.args.channel === 'U0AE')?.args as {
      blocks: Record<string, unknown>[];
      text: string;
    };
    const blocksText = JSON.stringify(card.blocks);
    expect(card.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Expansion intent: Acme Corp' } });
    expect(blocksText).toContain('twenty more seats');
    // Customer words cannot ping a channel: Slack's control characters arrive escaped.
    expect(blocksText).toContain('&lt;!channel&gt;');
    expect(blocksText).not.toContain('<!channel>');
    expect(blocksText).toContain('$123,456');
    expect(blocksText).toContain('2027-03-01');
    expect(blocksText).toContain(`http://candor.test/accounts/${accountId}`);
    expect(blocksText).toContain(`http://candor.test/interviews/${id}`);

    expect(hub.tasks()[0]?.body).toMatchObject({
      properties: {
        hs_task_subject: 'Expansion intent at Acme Corp',
        hubspot_owner_id: '41629779',
        hs_task_priority: 'HIGH',
      },
      associations: [{ to: { id: '9001' } }],
    });

    // Candor's view lands on the company record through the field mapping.
    const writes = await eventually(async () => {
      const patches = hub.calls.filter((c) => c.method === 'PATCH' && c.path === '/crm/v3/objects/companies/9001');
      return patches.length > 0 ? patches : undefined;
    }, 15_000);
    const today = new Date().toISOString().slice(0, 10);
    expect(writes[0]?.body).toEqual({
      properties: {
        candor_health: expect.stringMatching(/^(healthy|watch|at_risk)$/),
        candor_last_interview: today,
        candor_brief: `http://candor.test/accounts/${accountId}`,
      },
    });

    const log = await readJson(await call('GET', '/settings/connectors/slack/deliveries'));
    expect(log.deliveries.map((d: { status: string }) => d.status)).toEqual(['delivered', 'delivered']);
    // The log names recipients, never the customer's words.
    expect(JSON.stringify(log)).not.toContain('twenty more seats');

    // Extraction running again sends nothing new.
    await t.deps.jobs.send('extract-interview', { workspaceId: ws.id, interviewId: id });
    await jobsSettled(t);
    expect(slack.posts()).toHaveLength(2);
    expect(hub.tasks()).toHaveLength(1);
  });

  it('an account entering at risk reaches its owner with the reason and the customer’s words', async () => {
    const slack = slackHandlers({ people: { 'csm@acme.io': 'U0CSM' } });
    stage.msw.use(slack.handler);
    const { ws, guideId, accountId } = await seedWorkspace(t, guideFixture());
    await t.request('/v1/accounts', {
      method: 'POST',
      token: ws.secret_key,
      json: { accounts: [{ id: 'acme', name: 'Acme Corp', owner_email: 'csm@acme.io' }] },
    });
    // The fixture's account starts at risk; this one is healthy until the customer speaks.
    await t.deps.db.updateTable('accounts').set({ health_state: 'healthy' }).where('id', '=', accountId).execute();
    const call = consoleCall(t, (await signIn(t, ws.id, 'admin@acme.io', 'admin')).cookie);
    await call('PUT', '/settings/connectors/slack', { credentials: { bot_token: 'xoxb-test-token-123' } });

    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
    await answer(t, id, token, 'c1', 'Honestly I would rather talk to our account manager about the renewal.');

    const card = await eventually(async () => {
      const post = slack.posts().find((p) => JSON.stringify(p.args).includes('Now at risk'));
      return post?.args as { blocks: Record<string, unknown>[] } | undefined;
    }, 20_000);
    expect(card.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Now at risk: Acme Corp' } });
    const blocksText = JSON.stringify(card.blocks);
    expect(blocksText).toContain('A customer asked to talk to a person');
    expect(blocksText).toContain('rather talk to our account manager about the renewal');
  });

  it('a play on expansion intent: a Slack card to the AE, a CRM task and an email, each step in the funnel', async () => {
    const slack = slackHandlers({ people: { 'ae@acme.io': 'U0AE', 'csm@acme.io': 'U0CSM' } });
    const hub = hubspotHandlers({ owners: { 'ae@acme.io': '41629779' } });
    stage.msw.use(slack.handler, ...hub.handlers);
    const guide = guideFixture({
      taxonomy: {
        churn_reasons: [],
        expansion_kinds: [{ key: 'seats', label: 'More seats', keywords: ['more seats'] }],
      },
    });
    const { ws, guideId } = await seedWorkspace(t, guide);
    await t.request('/v1/accounts', {
      method: 'POST',
      token: ws.secret_key,
      json: { accounts: [{ id: 'acme', name: 'Acme Corp', owner_email: 'csm@acme.io', ae_email: 'ae@acme.io' }] },
    });
    const { cookie } = await signIn(t, ws.id, 'admin@acme.io', 'admin');
    const call = consoleCall(t, cookie);
    await call('PUT', '/settings/connectors/slack', { credentials: { bot_token: 'xoxb-test-token-123' } });
    await call('PUT', '/settings/connectors/hubspot', { credentials: { access_token: 'pat-na1-test-token' } });

    const bad = await t.request('/v1/triggers', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        name: 'x',
        guide_id: guideId,
        when: { type: 'signal', signal: 'expansion_intent' },
        do: [{ type: 'fax' }],
      },
    });
    expect(bad.status).toBe(400);
    const created = await t.request('/v1/triggers', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        name: 'Expansion to sales',
        guide_id: guideId,
        when: { type: 'signal', signal: 'expansion_intent' },
        do: [
          { type: 'notify', channel: 'slack', to: 'ae' },
          { type: 'crm_task', to: 'ae' },
          { type: 'notify', channel: 'email', to: 'owner' },
        ],
      },
    });
    expect(created.status).toBe(201);
    const play = await readJson(created);
    expect(play.do).toHaveLength(3);
    // A trigger written before plays existed still reads as an invitation.
    const legacy = await readJson(
      await t.request('/v1/triggers', {
        method: 'POST',
        token: ws.secret_key,
        json: { name: 'Old', guide_id: guideId, when: { type: 'manual' } },
      }),
    );
    expect(legacy.do).toEqual([{ type: 'invite' }]);

    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
    await answer(t, id, token, 'c1', longAnswer('reporting'));
    await answer(t, id, token, 'c2', 'It works well for the analysts and the managers read the weekly summary.');
    await answer(t, id, token, 'c3', 'We would need twenty more seats next quarter for the support team.');

    await eventually(async () => {
      expect(slack.posts().map((p) => p.args.channel)).toEqual(['U0AE']);
      expect(hub.tasks()).toHaveLength(1);
      return true;
    }, 20_000);
    // The play's later steps (the email) may still be running when the first ones are delivered.
    await jobsSettled(t);
    expect(JSON.stringify(slack.posts()[0]?.args.blocks)).toContain('Expansion intent (Expansion to sales)');
    expect(hub.tasks()[0]?.body).toMatchObject({ properties: { hubspot_owner_id: '41629779' } });
    const emails = await t.deps.db
      .selectFrom('outbox_emails')
      .select(['to_address', 'subject'])
      .where('workspace_id', '=', ws.id)
      .where('kind', '=', 'play_notification')
      .execute();
    expect(emails).toEqual([
      { to_address: 'csm@acme.io', subject: 'Expansion intent (Expansion to sales): Acme Corp' },
    ]);

    const funnel = await readJson(await t.request(`/v1/triggers/${play.id}/funnel`, { token: ws.secret_key }));
    expect(funnel.steps).toEqual([
      { step: 0, type: 'notify', done: 0, queued: 1, skipped: 0, failed: 0 },
      { step: 1, type: 'crm_task', done: 0, queued: 1, skipped: 0, failed: 0 },
      { step: 2, type: 'notify', done: 0, queued: 1, skipped: 0, failed: 0 },
    ]);

    // Extraction running again runs no step twice.
    await t.deps.jobs.send('extract-interview', { workspaceId: ws.id, interviewId: id });
    await jobsSettled(t);
    expect(slack.posts()).toHaveLength(1);
    expect(hub.tasks()).toHaveLength(1);
  });

  it('keeps the AE and plan from POST /v1/accounts and Segment group traits, and filters the list by plan', async () => {
    const { ws } = await seedWorkspace(t);
    const res = await t.request('/v1/accounts', {
      method: 'POST',
      token: ws.secret_key,
      json: { accounts: [{ id: 'globex', name: 'Globex', ae_email: 'sam@globex-sales.io', plan: 'enterprise' }] },
    });
    expect(res.status).toBe(200);
    const bad = await t.request('/v1/accounts', {
      method: 'POST',
      token: ws.secret_key,
      json: { accounts: [{ id: 'x', name: 'X', ae_email: 'not-an-email' }] },
    });
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).error.message).toContain('ae_email');
    const got = await readJson(await t.request('/v1/accounts/globex', { token: ws.secret_key }));
    expect(got).toMatchObject({ ae_email: 'sam@globex-sales.io', plan: 'enterprise' });

    const seg = await t.request('/v1/segment', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        type: 'group',
        userId: 'u_42',
        groupId: 'initech',
        traits: { name: 'Initech', tier: 'growth', ae_email: 'pat@sales.io', owner_email: 'csm@acme.io' },
      },
    });
    expect(seg.status).toBe(200);
    expect(await readJson(await t.request('/v1/accounts/initech', { token: ws.secret_key }))).toMatchObject({
      plan: 'growth',
      ae_email: 'pat@sales.io',
      owner_email: 'csm@acme.io',
    });

    const { cookie } = await signIn(t, ws.id, 'csm@acme.io', 'csm');
    const list = await readJson(await consoleCall(t, cookie)('GET', '/accounts?plan=enterprise,growth'));
    expect(list.items.map((a: { external_id: string }) => a.external_id).sort()).toEqual(['globex', 'initech']);
    expect(list.items.find((a: { external_id: string }) => a.external_id === 'globex').ae_email).toBe(
      'sam@globex-sales.io',
    );
    const none = await readJson(await consoleCall(t, cookie)('GET', '/accounts?plan=none'));
    expect(none.items.map((a: { external_id: string }) => a.external_id)).toEqual(['acme']);
  });
});
