import { tenant } from '@candor/api/db/tenant';
import { runSignalPlays } from '@candor/api/triggers/signal-plays';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { eventually } from '../support/eventually';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, guideFixture, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';
import { jobsSettled } from '../support/jobs';
import { type Receiver, startReceiver } from '../support/webhook-receiver';

const expansionGuide = () =>
  guideFixture({
    taxonomy: {
      churn_reasons: [],
      expansion_kinds: [{ key: 'seats', label: 'More seats', keywords: ['more seats'] }],
    },
  });

/** Runs a scripted interview for u_42 to completion; the last answer asks for more seats. */
async function interviewWithExpansion(
  t: TestApp,
  ws: Awaited<ReturnType<typeof seedWorkspace>>['ws'],
  guideId: string,
) {
  const { id } = await invite(t, ws, guideId);
  const { token } = await identify(t, ws);
  await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
  await answer(t, id, token, 'c1', longAnswer('reporting'));
  await answer(t, id, token, 'c2', 'It works well for the analysts and the managers read the weekly summary.');
  const last = await answer(t, id, token, 'c3', 'We would need twenty more seats next quarter for the support team.');
  expect(last.done).toEqual({ status: 'completed' });
  return id;
}

describe(`plays: webhook and in-app message steps (${databaseKind})`, () => {
  let t: TestApp;
  let rx: Receiver;
  beforeAll(async () => {
    rx = await startReceiver();
    t = await startTestApp({ CANDOR_WEBHOOKS_ALLOW_PRIVATE: 'true', CANDOR_WEBHOOK_RETRY_MS: '100' });
  });
  afterAll(async () => {
    await t?.close();
    await rx?.close();
  });

  it("an interview's expansion intent sends the play's signed webhook and leaves a message for that contact only", async () => {
    const { ws, guideId, accountId } = await seedWorkspace(t, expansionGuide());
    await t.request('/v1/accounts', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        accounts: [
          {
            id: 'acme',
            name: 'Acme Corp',
            plan: 'Enterprise',
            owner_email: 'csm@acme.io',
            ae_email: 'ae@acme.io',
            renewal_date: '2027-03-01',
          },
        ],
      },
    });
    await t.request('/v1/contacts', {
      method: 'POST',
      token: ws.secret_key,
      json: { contacts: [{ id: 'u_43', account_id: 'acme', email: 'bo@acme.io' }] },
    });
    const endpoint = await readJson(
      await t.request('/v1/webhooks', {
        method: 'POST',
        token: ws.secret_key,
        json: { url: `${rx.base}/sales`, event_types: ['brief.ready'] },
      }),
    );
    rx.expect('/sales', endpoint.secret);

    const created = await t.request('/v1/triggers', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        name: 'Expansion to sales',
        guide_id: guideId,
        when: { type: 'signal', signal: 'expansion_intent' },
        plans: ['enterprise'],
        do: [
          { type: 'webhook', endpoint_id: endpoint.id },
          {
            type: 'in_app_message',
            title: 'Growing your team?',
            body: 'Here is how seat upgrades work.',
            link_url: 'https://help.example.com/seats',
            link_label: 'Seat guide',
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    const play = await readJson(created);
    expect(play.plans).toEqual(['enterprise']);

    // Another workspace with a contact of the same external id must never see the message.
    const other = await createTestWorkspace(t, 'Other Co');
    await t.request('/v1/contacts', {
      method: 'POST',
      token: other.secret_key,
      json: { contacts: [{ id: 'u_42', email: 'someone@other.io' }] },
    });

    const interviewId = await interviewWithExpansion(t, ws, guideId);

    const hit = await eventually(async () => rx.received.find((r) => r.path === '/sales'), 20_000);
    expect(hit.error).toBeUndefined();
    expect(hit.headers['webhook-id']).toMatch(/^msg_/);
    expect(hit.verified).toMatchObject({
      type: 'play.fired',
      data: {
        play: { id: play.id, name: 'Expansion to sales', signal: 'expansion_intent', step: 0 },
        account: {
          id: 'acme',
          name: 'Acme Corp',
          plan: 'Enterprise',
          arr_cents: 12_345_600,
          renewal_date: '2027-03-01',
          owner_email: 'csm@acme.io',
          ae_email: 'ae@acme.io',
        },
        contact: { id: 'u_42', email: 'ada@acme.io', name: 'Ada Lovelace' },
        signal: { kind: 'expansion_intent', value: { kind: 'seats' } },
        quote: expect.stringContaining('more seats'),
        interview_id: interviewId,
        links: {
          interview: `http://candor.test/interviews/${interviewId}`,
          account: `http://candor.test/accounts/${accountId}`,
        },
      },
    });

    // The delivery is in the endpoint's log, and the funnel reads the step's outcome from it.
    const funnel = await eventually(async () => {
      const body = await readJson(await t.request(`/v1/triggers/${play.id}/funnel`, { token: ws.secret_key }));
      return body.steps?.[0]?.done === 1 ? body : undefined;
    });
    const log = await readJson(await t.request(`/v1/webhooks/${endpoint.id}/deliveries`, { token: ws.secret_key }));
    expect(log.deliveries).toEqual([
      expect.objectContaining({ event_type: 'play.fired', status: 'delivered', attempts: 1 }),
    ]);
    expect(funnel.steps).toEqual([
      { step: 0, type: 'webhook', done: 1, queued: 0, skipped: 0, failed: 0 },
      {
        step: 1,
        type: 'in_app_message',
        done: 1,
        queued: 0,
        skipped: 0,
        failed: 0,
        shown: 0,
        dismissed: 0,
        clicked: 0,
      },
    ]);

    // Not for another contact of the same account, nor for a contact of another workspace.
    expect((await identify(t, ws, 'u_43')).message).toBeNull();
    expect((await identify(t, other, 'u_42')).message).toBeNull();

    const first = await identify(t, ws);
    expect(first.message).toEqual({
      id: expect.any(String),
      title: 'Growing your team?',
      body: 'Here is how seat upgrades work.',
      link_url: 'https://help.example.com/seats',
      link_label: 'Seat guide',
    });
    // Shown once: the next load has nothing.
    expect((await identify(t, ws)).message).toBeNull();

    // Another contact's token cannot record anything on it.
    const stranger = await identify(t, ws, 'u_43');
    const foreign = await t.request(`/v1/widget/messages/${first.message.id}/dismiss`, {
      method: 'POST',
      token: stranger.token,
    });
    expect(foreign.status).toBe(404);
    const otherWs = await identify(t, other, 'u_42');
    expect(
      (await t.request(`/v1/widget/messages/${first.message.id}/dismiss`, { method: 'POST', token: otherWs.token }))
        .status,
    ).toBe(404);

    const dismissed = await t.request(`/v1/widget/messages/${first.message.id}/dismiss`, {
      method: 'POST',
      token: first.token,
    });
    expect(dismissed.status).toBe(200);
    // Dismissing twice records it once.
    await t.request(`/v1/widget/messages/${first.message.id}/dismiss`, { method: 'POST', token: first.token });
    const after = await readJson(await t.request(`/v1/triggers/${play.id}/funnel`, { token: ws.secret_key }));
    expect(after.steps[1]).toMatchObject({ type: 'in_app_message', shown: 1, dismissed: 1, clicked: 0 });
    // The console shows the same outcomes to any signed-in member.
    const { cookie } = await signIn(t, ws.id, 'carol@acme.io', 'csm');
    const consoleSteps = await readJson(await consoleCall(t, cookie)('GET', `/triggers/${play.id}/steps`));
    expect(consoleSteps.steps).toEqual(after.steps);

    // Extraction running again sends and leaves nothing twice.
    await t.deps.jobs.send('extract-interview', { workspaceId: ws.id, interviewId });
    await jobsSettled(t);
    expect(rx.received.filter((r) => r.path === '/sales')).toHaveLength(1);
    expect((await identify(t, ws)).message).toBeNull();
  });

  it('skips a play whose plan condition the account does not meet, and refuses an endpoint of another workspace', async () => {
    const { ws, guideId } = await seedWorkspace(t, expansionGuide());
    await t.request('/v1/accounts', {
      method: 'POST',
      token: ws.secret_key,
      json: { accounts: [{ id: 'acme', name: 'Acme Corp', plan: 'starter' }] },
    });
    const other = await createTestWorkspace(t, 'Other Co');
    const foreign = await readJson(
      await t.request('/v1/webhooks', {
        method: 'POST',
        token: other.secret_key,
        json: { url: `${rx.base}/foreign`, event_types: ['brief.ready'] },
      }),
    );
    const refused = await t.request('/v1/triggers', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        name: 'Steal',
        guide_id: guideId,
        when: { type: 'signal', signal: 'expansion_intent' },
        do: [{ type: 'webhook', endpoint_id: foreign.id }],
      },
    });
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).error.message).toMatch(/^do\.0\.endpoint_id: no webhook endpoint/);
    expect(await tenant(t.deps.db, { id: ws.id }).selectFrom('triggers').select('id').execute()).toHaveLength(0);

    const play = await readJson(
      await t.request('/v1/triggers', {
        method: 'POST',
        token: ws.secret_key,
        json: {
          name: 'Enterprise expansion',
          guide_id: guideId,
          when: { type: 'signal', signal: 'expansion_intent' },
          plans: ['enterprise', 'business'],
          do: [
            {
              type: 'in_app_message',
              title: 'Hi',
              body: 'Enterprise only.',
              link_url: 'https://help.example.com/x',
            },
          ],
        },
      }),
    );
    const interviewId = await interviewWithExpansion(t, ws, guideId);
    await eventually(async () => {
      const signals = await tenant(t.deps.db, { id: ws.id })
        .selectFrom('signals')
        .select('id')
        .where('interview_id', '=', interviewId)
        .execute();
      return signals.length > 0;
    }, 20_000);
    await jobsSettled(t);
    const funnel = await readJson(await t.request(`/v1/triggers/${play.id}/funnel`, { token: ws.secret_key }));
    expect(funnel.steps).toEqual([]);
    expect((await identify(t, ws)).message).toBeNull();

    // Removing the condition (null) makes the play act on every plan.
    const patched = await readJson(
      await t.request(`/v1/triggers/${play.id}`, { method: 'PATCH', token: ws.secret_key, json: { plans: null } }),
    );
    expect(patched.plans).toBeUndefined();
    await runSignalPlays(t.deps, { id: ws.id }, interviewId);
    expect((await identify(t, ws)).message).toMatchObject({ title: 'Hi', body: 'Enterprise only.' });
  });

  it('the NPS detractor when fires for a rating of 5 on the nps scale, not for 8', async () => {
    const { ws, guideId } = await seedWorkspace(t, guideFixture());
    const play = await readJson(
      await t.request('/v1/triggers', {
        method: 'POST',
        token: ws.secret_key,
        json: {
          name: 'Detractor follow-up',
          guide_id: guideId,
          when: { type: 'signal', signal: 'nps_detractor' },
          do: [
            {
              type: 'in_app_message',
              title: 'Sorry to hear that',
              body: 'Your CSM will reach out.',
              link_url: 'https://help.example.com/support',
            },
          ],
        },
      }),
    );
    expect(play.when).toEqual({ type: 'signal', signal: 'nps_detractor' });

    /**
     * Rating topics store `{ kind: 'rating', value: { scale: 'nps', score } }` signals; until
     * they land, the signal is written to the signal store for an interview in progress (so
     * no extraction replaces it) and the plays run as the extraction job runs them.
     */
    const rate = async (score: number) => {
      const { id } = await invite(t, ws, guideId);
      const { token } = await identify(t, ws);
      await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
      const reply = await answer(t, id, token, 'c1', `I would give it a ${score}, ${longAnswer('reporting')}`);
      const message = await t.deps.db
        .selectFrom('messages')
        .select(['id', 'text'])
        .where('interview_id', '=', id)
        .where('role', '=', 'customer')
        .executeTakeFirstOrThrow();
      expect(reply.status).toBe(200);
      await tenant(t.deps.db, { id: ws.id })
        .insertInto('signals')
        .values({
          interview_id: id,
          account_id: null,
          contact_id: null,
          kind: 'rating',
          value: { scale: 'nps', score, topic: 'nps' },
          quote: `give it a ${score}`,
          message_id: message.id,
          confidence: 1,
          source: 'rules',
        })
        .execute();
      await runSignalPlays(t.deps, { id: ws.id }, id);
      return id;
    };

    await rate(8);
    let funnel = await readJson(await t.request(`/v1/triggers/${play.id}/funnel`, { token: ws.secret_key }));
    expect(funnel.steps).toEqual([]);
    expect((await identify(t, ws)).message).toBeNull();

    await rate(5);
    funnel = await readJson(await t.request(`/v1/triggers/${play.id}/funnel`, { token: ws.secret_key }));
    expect(funnel.steps).toEqual([expect.objectContaining({ step: 0, type: 'in_app_message', done: 1, failed: 0 })]);
    expect((await identify(t, ws)).message).toMatchObject({ title: 'Sorry to hear that' });
  });
});
