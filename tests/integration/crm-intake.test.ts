import { queueIntakeFieldWrites } from '@candor/api/connectors/intake-fields';
import { beforeAll, describe, expect, it } from 'vitest';
import { hubspotHandlers } from '../msw/hubspot';
import { SALESFORCE_INSTANCE, salesforceHandlers } from '../msw/salesforce';
import { consoleCall, signIn } from '../support/console-session';
import { eventually } from '../support/eventually';
import { databaseKind, readJson, type TestApp } from '../support/harness';
import { answer, guideFixture, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';
import { jobsSettled } from '../support/jobs';
import { useVendorStage } from '../support/vendor-stage';

const topic = (key: string, required = true) => ({
  key,
  question: `What can you tell us about ${key}?`,
  probing: `Ask for a concrete example about ${key}.`,
  follow_up: `Could you say a bit more about ${key}?`,
  required,
});

describe(`onboarding intake answers written as CRM fields (${databaseKind})`, () => {
  const stage = useVendorStage({ CANDOR_CONNECTOR_RETRY_MS: '50' });
  let t: TestApp;
  beforeAll(() => {
    t = stage.t;
  });

  it('writes each mapped topic’s answer onto the HubSpot company and Salesforce account, through retries, once', async () => {
    // HubSpot fails the first write with a 500: the delivery log retries it.
    const hub = hubspotHandlers({ faults: { '/crm/v3/objects/companies/9001': [500] } });
    const sf = salesforceHandlers();
    stage.msw.use(...hub.handlers, ...sf.handlers);
    const { ws, guideId, accountId } = await seedWorkspace(
      t,
      guideFixture({
        name: 'Onboarding intake (test)',
        moment: 'onboarding',
        topics: [topic('goals'), topic('use_cases'), topic('stack', false)],
      }),
    );
    await t.deps.db
      .updateTable('accounts')
      .set({ attributes: { hubspot_id: '9001', salesforce_id: '0015g00000ACME1' } })
      .where('id', '=', accountId)
      .execute();
    const call = consoleCall(t, (await signIn(t, ws.id, 'admin@acme.io', 'admin')).cookie);

    const bad = await call('PUT', '/settings/connectors/hubspot', {
      credentials: { access_token: 'pat-na1-test-token' },
      settings: { intake_fields: { Goals: 'onboarding_goals' } },
    });
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).error.message).toContain('intake_fields');
    const hubSaved = await call('PUT', '/settings/connectors/hubspot', {
      credentials: { access_token: 'pat-na1-test-token' },
      settings: { intake_fields: { goals: 'onboarding_goals', stack: 'onboarding_stack' } },
    });
    expect(hubSaved.status).toBe(200);
    expect((await readJson(hubSaved)).settings.intake_fields).toEqual({
      goals: 'onboarding_goals',
      stack: 'onboarding_stack',
    });
    const sfSaved = await call('PUT', '/settings/connectors/salesforce', {
      credentials: { instance_url: SALESFORCE_INSTANCE, access_token: '00Dtest!session-token' },
      settings: { intake_fields: { goals: 'Onboarding_Goals__c', use_cases: 'First_Use_Case__c' } },
    });
    expect(sfSaved.status).toBe(200);

    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
    await answer(t, id, token, 'c1', 'We want onboarding of new clients to take two days instead of two weeks.');
    await answer(t, id, token, 'c2', longAnswer('client onboarding checklists'));
    const last = await answer(t, id, token, 'c3', 'It has to work with Salesforce and our Okta single sign-on.');
    expect(last.done).toEqual({ status: 'completed' });

    const patches = () => hub.calls.filter((c) => c.method === 'PATCH' && c.path === '/crm/v3/objects/companies/9001');
    await eventually(async () => {
      expect(patches()).toHaveLength(2);
      expect(sf.calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
      return true;
    }, 20_000);
    expect(patches()[1]?.body).toEqual({
      properties: {
        onboarding_goals: 'We want onboarding of new clients to take two days instead of two weeks.',
        onboarding_stack: 'It has to work with Salesforce and our Okta single sign-on.',
      },
    });
    expect(sf.calls.find((c) => c.method === 'PATCH')).toEqual({
      method: 'PATCH',
      path: '/sobjects/Account/0015g00000ACME1',
      query: null,
      body: {
        Onboarding_Goals__c: 'We want onboarding of new clients to take two days instead of two weeks.',
        First_Use_Case__c: longAnswer('client onboarding checklists'),
      },
    });
    const log = await eventually(async () => {
      const body = await readJson(await call('GET', '/settings/connectors/hubspot/deliveries'));
      expect(body.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 2 });
      return body;
    }, 15_000);
    expect(log.deliveries[0].summary).toBe('fields on 9001');
    // The log shows where it went, never the customer's words.
    expect(JSON.stringify(log)).not.toContain('two weeks');

    // Extraction running again writes nothing new.
    await t.deps.jobs.send('extract-interview', { workspaceId: ws.id, interviewId: id });
    await jobsSettled(t);
    expect(patches()).toHaveLength(2);
    expect(sf.calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);

    // Erasing the person blanks their answers in the delivery log too.
    const erased = await t.request('/v1/contacts/u_42', { method: 'DELETE', token: ws.secret_key });
    expect(erased.status).toBe(200);
    expect((await readJson(erased)).connector_deliveries_redacted).toBe(2);
    const actions = await t.deps.db
      .selectFrom('connector_deliveries')
      .select(['action', 'status'])
      .where('workspace_id', '=', ws.id)
      .where('event_key', '=', `intake:${id}`)
      .execute();
    expect(actions.map((a) => a.status)).toEqual(['delivered', 'delivered']);
    expect(JSON.stringify(actions)).not.toMatch(/two weeks|Okta|checklists/);
    expect(actions.flatMap((a) => Object.values((a.action as { fields: object }).fields))).toEqual([
      '(erased)',
      '(erased)',
      '(erased)',
      '(erased)',
    ]);
  });

  it('writes nothing for an interview that is not an onboarding one', async () => {
    const hub = hubspotHandlers();
    stage.msw.use(...hub.handlers);
    const { ws, guideId, accountId } = await seedWorkspace(t, guideFixture());
    await t.deps.db
      .updateTable('accounts')
      .set({ attributes: { hubspot_id: '9001' } })
      .where('id', '=', accountId)
      .execute();
    const call = consoleCall(t, (await signIn(t, ws.id, 'admin@acme.io', 'admin')).cookie);
    await call('PUT', '/settings/connectors/hubspot', {
      credentials: { access_token: 'pat-na1-test-token' },
      settings: { intake_fields: { value: 'candor_value' } },
    });
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
    await answer(t, id, token, 'c1', longAnswer('reporting'));
    await answer(t, id, token, 'c2', longAnswer('exports'));
    expect((await answer(t, id, token, 'c3', longAnswer('dashboards'))).done).toEqual({ status: 'completed' });
    // Run the step itself as well as waiting for the job, so the check cannot pass by being early.
    await queueIntakeFieldWrites(t.deps, ws, id);
    await jobsSettled(t);
    expect(
      await t.deps.db.selectFrom('connector_deliveries').select('id').where('workspace_id', '=', ws.id).execute(),
    ).toEqual([]);
    expect(hub.calls.filter((c) => c.method === 'PATCH')).toEqual([]);
  });
});
