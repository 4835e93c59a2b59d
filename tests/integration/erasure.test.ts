import { randomUUID } from 'node:crypto';
import type { GuideBodyInput, StoredInterviewState } from '@candor/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

// Interviews, messages and signals are written by the interview engine; here they are set up
// directly in the database so that export and erasure are tested on their own.
async function seedInterview(t: TestApp, wsId: string, contactExternalId: string, quote: string) {
  const db = t.deps.db;
  const contact = await db
    .selectFrom('contacts')
    .select(['id', 'account_id'])
    .where('workspace_id', '=', wsId)
    .where('external_id', '=', contactExternalId)
    .executeTakeFirstOrThrow();
  const guide = await db
    .insertInto('guides')
    .values({ workspace_id: wsId, name: 'Health pulse', moment: 'health_pulse' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('guide_versions')
    // No interview here runs its guide, so the version needs no topics.
    .values({ workspace_id: wsId, guide_id: guide.id, version: 1, definition: {} as GuideBodyInput })
    .returning('id')
    .executeTakeFirstOrThrow();
  const interview = await db
    .insertInto('interviews')
    .values({
      workspace_id: wsId,
      guide_id: guide.id,
      guide_version_id: version.id,
      account_id: contact.account_id,
      contact_id: contact.id,
      channel: 'email',
      status: 'completed',
      // Words in the engine's working state, which erasure must clear with the rest.
      state: { answers: [quote] } as StoredInterviewState,
      cost_micros: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [, answer] = await db
    .insertInto('messages')
    .values([
      { workspace_id: wsId, interview_id: interview.id, seq: 1, role: 'interviewer', text: 'How is it going?' },
      { workspace_id: wsId, interview_id: interview.id, seq: 2, role: 'customer', text: quote, client_id: 'c-1' },
    ])
    .returning('id')
    .execute();
  await db
    .insertInto('signals')
    .values({
      workspace_id: wsId,
      interview_id: interview.id,
      account_id: contact.account_id,
      contact_id: contact.id,
      kind: 'churn_risk',
      value: { level: 'high', reasons: [] },
      quote,
      message_id: answer!.id,
      source: 'rules',
    })
    .execute();
  return interview.id;
}

describe(`GET /v1/contacts/{id}/export and DELETE /v1/contacts/{id} (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  let other: { id: string; secret_key: string };
  let adaInterview: string;
  // What a health reason cites besides the interview: the signal and message it came from.
  const adaSignal = randomUUID();
  const adaMessage = randomUUID();
  let bobInterview: string;
  let deliveryIds: string[];
  let bobDelivery: unknown;
  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t, 'Acme');
    other = await createTestWorkspace(t, 'Globex');
    for (const w of [ws, other]) {
      const token = w.secret_key;
      await t.request('/v1/accounts', {
        method: 'POST',
        token,
        json: { accounts: [{ id: 'acct_1', name: 'Initech' }] },
      });
      await t.request('/v1/contacts', {
        method: 'POST',
        token,
        json: {
          contacts: [
            { id: 'ada', account_id: 'acct_1', email: 'ada@initech.io', name: 'Ada Lovelace' },
            { id: 'bob', account_id: 'acct_1', email: 'bob@initech.io', name: 'Bob' },
          ],
        },
      });
      await t.request('/v1/events', {
        method: 'POST',
        token,
        json: {
          events: [
            { event: 'login', contact_id: 'ada', timestamp: '2026-05-01T10:00:00Z' },
            { event: 'report_exported', contact_id: 'ada', properties: { format: 'pdf' } },
            { event: 'login', contact_id: 'bob' },
          ],
        },
      });
    }
    adaInterview = await seedInterview(t, ws.id, 'ada', 'We might leave because exports are slow');
    bobInterview = await seedInterview(t, ws.id, 'bob', 'Bob is happy with it');
    // Synthesis copies quotes next to their evidence: the review queue and the account's health reasons.
    const account = await t.deps.db
      .selectFrom('accounts')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('external_id', '=', 'acct_1')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('review_items')
      .values({
        workspace_id: ws.id,
        account_id: account.id,
        kind: 'churn_risk',
        reason: 'High churn risk',
        evidence: [
          { interview_id: adaInterview, quote: 'We might leave because exports are slow' },
          { interview_id: bobInterview, quote: 'Bob is happy with it' },
        ],
      })
      .execute();
    await t.deps.db
      .updateTable('accounts')
      .set({
        health_reasons: [
          {
            code: 'churn_risk_high',
            text: 'Churn risk',
            evidence: {
              signal_id: adaSignal,
              interview_id: adaInterview,
              message_id: adaMessage,
              quote: 'We might leave',
            },
          },
          { code: 'usage_drop', text: 'Usage is flat' },
        ],
      })
      .where('id', '=', account.id)
      .execute();
    await seedInterview(t, other.id, 'ada', 'Globex Ada is unhappy');
    // In-app messages plays left: two for Ada (one shown and clicked, one still waiting), one for Bob.
    const contactId = async (wsId: string, externalId: string) =>
      (
        await t.deps.db
          .selectFrom('contacts')
          .select('id')
          .where('workspace_id', '=', wsId)
          .where('external_id', '=', externalId)
          .executeTakeFirstOrThrow()
      ).id;
    const message = (wsId: string, contact: string, title: string) => ({
      workspace_id: wsId,
      contact_id: contact,
      title,
      body: `${title}: a short guide`,
      link_url: 'https://help.example.com/exports',
    });
    await t.deps.db
      .insertInto('in_app_messages')
      .values([
        {
          ...message(ws.id, await contactId(ws.id, 'ada'), 'Faster exports'),
          link_label: 'Read the guide',
          created_at: new Date('2026-11-02T09:00:00Z'),
          shown_at: new Date('2026-11-02T10:00:00Z'),
          clicked_at: new Date('2026-11-02T10:01:00Z'),
        },
        {
          ...message(ws.id, await contactId(ws.id, 'ada'), 'Talk to us'),
          created_at: new Date('2026-11-03T09:00:00Z'),
        },
        message(ws.id, await contactId(ws.id, 'bob'), 'Bob tips'),
        message(other.id, await contactId(other.id, 'ada'), 'Globex tips'),
      ])
      .execute();
    // Webhook deliveries about Ada (one sent, one not yet), one quoting her among others, one about Bob.
    const endpoint = await t.deps.db
      .insertInto('webhook_endpoints')
      .values({ workspace_id: ws.id, url: 'https://hooks.example.com/candor', secret: 'whsec_x', event_types: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const timestamp = '2026-11-01T09:00:00.000Z';
    const about = (contact: string, interview: string, quote: string) => ({
      interview_id: interview,
      account_id: 'acct_1',
      contact_id: contact,
      signals: [{ kind: 'churn_risk', quote }],
    });
    const deliveries = [
      ['interview.completed', 'delivered', about('ada', adaInterview, 'We might leave because exports are slow')],
      ['signal.churn_risk', 'pending', about('ada', adaInterview, 'We might leave because exports are slow')],
      [
        'account.state_changed',
        'delivered',
        {
          account_id: 'acct_1',
          reasons: [
            {
              code: 'churn_risk',
              text: 'Churn risk',
              evidence: { interview_id: adaInterview, quote: 'We might leave' },
            },
            { code: 'happy', text: 'Praise', evidence: { interview_id: bobInterview, quote: 'Bob is happy with it' } },
          ],
        },
      ],
      ['interview.completed', 'delivered', about('bob', bobInterview, 'Bob is happy with it')],
    ] as const;
    deliveryIds = [];
    for (const [type, status, data] of deliveries)
      deliveryIds.push(
        (
          await t.deps.db
            .insertInto('webhook_deliveries')
            .values({
              workspace_id: ws.id,
              endpoint_id: endpoint.id,
              event_type: type,
              status,
              payload: { type, timestamp, data },
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    bobDelivery = deliveries[3][2];
    // Two versions of the account's renewal brief, both citing Ada's and Bob's answers.
    for (const _ of [1, 2]) {
      const res = await t.request('/v1/accounts/acct_1/brief', { method: 'POST', token: ws.secret_key });
      expect(res.status).toBe(201);
      expect(JSON.stringify(await readJson(res))).toMatch(/Ada Lovelace.*We might leave because exports are slow/);
    }
  });
  afterAll(() => t?.close());

  const exportOf = (id: string, token = ws.secret_key) => t.request(`/v1/contacts/${id}/export`, { token });
  const erase = (id: string, token = ws.secret_key) => t.request(`/v1/contacts/${id}`, { method: 'DELETE', token });

  it('exports everything held about a person', async () => {
    const res = await exportOf('ada');
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.contact).toMatchObject({
      id: 'ada',
      email: 'ada@initech.io',
      name: 'Ada Lovelace',
      account_id: 'acct_1',
    });
    expect(body.account).toEqual({ id: 'acct_1', name: 'Initech' });
    expect(body.events.map((e: { event: string }) => e.event)).toEqual(['login', 'report_exported']);
    expect(body.interviews).toHaveLength(1);
    expect(body.interviews[0]).toMatchObject({ id: adaInterview, status: 'completed', channel: 'email' });
    expect(body.interviews[0].messages.map((m: { text: string }) => m.text)).toEqual([
      'How is it going?',
      'We might leave because exports are slow',
    ]);
    expect(body.signals).toEqual([
      expect.objectContaining({ kind: 'churn_risk', quote: 'We might leave because exports are slow' }),
    ]);
    expect(body.in_app_messages).toEqual([
      {
        title: 'Faster exports',
        body: 'Faster exports: a short guide',
        link_url: 'https://help.example.com/exports',
        link_label: 'Read the guide',
        created_at: '2026-11-02T09:00:00.000Z',
        shown_at: '2026-11-02T10:00:00.000Z',
        dismissed_at: null,
        clicked_at: '2026-11-02T10:01:00.000Z',
      },
      expect.objectContaining({ title: 'Talk to us', shown_at: null, clicked_at: null }),
    ]);
    // Nothing about anyone else, in this workspace or another.
    expect(JSON.stringify(body)).not.toMatch(/Bob|Globex/);
  });

  it("answers 404 for another workspace's person on export and erase, erasing nothing", async () => {
    const stranger = await createTestWorkspace(t, 'Stranger');
    expect((await exportOf('ada', stranger.secret_key)).status).toBe(404);
    expect((await erase('ada', stranger.secret_key)).status).toBe(404);
    expect((await exportOf('ada')).status).toBe(200);
  });

  it('erases the person and keeps aggregate counts', async () => {
    const res = await erase('ada');
    expect(res.status).toBe(200);
    // What was removed; the audit log records the same counts, without the external id.
    const counts = {
      erased: true,
      events_deleted: 2,
      signals_deleted: 1,
      messages_redacted: 2,
      briefs_redacted: 2,
      webhook_deliveries_redacted: 3,
      in_app_messages_deleted: 2,
      connector_deliveries_redacted: 0,
      interviews_kept: 1,
    };
    expect(await readJson(res)).toEqual({ id: 'ada', ...counts });
    const db = t.deps.db;
    expect((await t.request('/v1/contacts/ada', { token: ws.secret_key })).status).toBe(404);
    expect((await exportOf('ada')).status).toBe(404);

    const interview = await db
      .selectFrom('interviews')
      .select(['contact_id', 'status', 'state'])
      .where('id', '=', adaInterview)
      .executeTakeFirstOrThrow();
    expect(interview).toEqual({ contact_id: null, status: 'completed', state: {} });
    const inApp = await db
      .selectFrom('in_app_messages')
      .select('title')
      .where('workspace_id', '=', ws.id)
      .orderBy('title')
      .execute();
    expect(inApp).toEqual([{ title: 'Bob tips' }]);
    // The erasure is remembered (for CRM syncs) by digests that name nobody.
    const remembered = await db
      .selectFrom('erased_contacts')
      .select('digest')
      .where('workspace_id', '=', ws.id)
      .execute();
    expect(remembered).toHaveLength(2);
    expect(JSON.stringify(remembered)).not.toMatch(/ada|initech/i);
    const messages = await db
      .selectFrom('messages')
      .select(['text', 'role'])
      .where('interview_id', '=', adaInterview)
      .execute();
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => m.text === '')).toBe(true);
    expect(await db.selectFrom('signals').select('id').where('interview_id', '=', adaInterview).execute()).toHaveLength(
      0,
    );
    const leftovers = await db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where((eb) => eb.or([eb('email', '=', 'ada@initech.io'), eb('external_id', '=', 'ada')]))
      .execute();
    expect(leftovers).toHaveLength(0);

    const review = await db.selectFrom('review_items').select('evidence').executeTakeFirstOrThrow();
    expect(review.evidence).toEqual([
      { interview_id: adaInterview, quote: '' },
      { interview_id: expect.any(String), quote: 'Bob is happy with it' },
    ]);
    const health = await db
      .selectFrom('accounts')
      .select('health_reasons')
      .where('workspace_id', '=', ws.id)
      .where('external_id', '=', 'acct_1')
      .executeTakeFirstOrThrow();
    expect(health.health_reasons).toEqual([
      {
        code: 'churn_risk_high',
        text: 'Churn risk',
        evidence: { signal_id: adaSignal, interview_id: adaInterview, message_id: adaMessage, quote: '' },
      },
      { code: 'usage_drop', text: 'Usage is flat' },
    ]);

    // Every stored version of the brief: Ada's words and name are gone, Bob's claim stands.
    const brief = await readJson(await t.request('/v1/accounts/acct_1/brief', { token: ws.secret_key }));
    expect(brief.version).toBe(2);
    const items = brief.content.sections.flatMap((s: { items: unknown[] }) => s.items);
    expect(items).toContainEqual(
      expect.objectContaining({
        interview_id: adaInterview,
        quote: '',
        text: 'Removed: the person this rested on was erased.',
        erased: true,
      }),
    );
    expect(items).toContainEqual(expect.objectContaining({ quote: 'Bob is happy with it' }));
    const versions = await db.selectFrom('briefs').select('content').where('workspace_id', '=', ws.id).execute();
    expect(versions).toHaveLength(2);
    for (const v of versions) {
      expect(JSON.stringify(v.content)).not.toMatch(/We might leave|Ada|Lovelace/);
      expect(JSON.stringify(v.content)).toMatch(/Bob is happy with it/);
    }

    // Webhook deliveries: about Ada, the body is gone (the pending one is still to be sent,
    // erased); Ada's quote among others is blanked; Bob's is as it was.
    const payloads = new Map(
      (await db.selectFrom('webhook_deliveries').select(['id', 'status', 'payload']).execute()).map((d) => [
        d.id,
        { status: d.status, payload: d.payload },
      ]),
    );
    const [sent, pending, quoting, bobs] = deliveryIds.map((id) => payloads.get(id));
    const erasedBody = (type: string) => ({ type, timestamp: '2026-11-01T09:00:00.000Z', data: {}, erased: true });
    expect(sent).toEqual({ status: 'delivered', payload: erasedBody('interview.completed') });
    expect(pending).toEqual({ status: 'pending', payload: erasedBody('signal.churn_risk') });
    expect(quoting).toMatchObject({
      payload: {
        data: {
          reasons: [
            { code: 'churn_risk', text: 'Churn risk', evidence: { interview_id: adaInterview, quote: '' } },
            { code: 'happy', text: 'Praise', evidence: { interview_id: bobInterview, quote: 'Bob is happy with it' } },
          ],
        },
      },
    });
    expect(bobs).toEqual({
      status: 'delivered',
      payload: { type: 'interview.completed', timestamp: '2026-11-01T09:00:00.000Z', data: bobDelivery },
    });

    const audit = await db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'details'])
      .where('workspace_id', '=', ws.id)
      .where('action', '=', 'contact.erased')
      .execute();
    expect(audit).toEqual([{ actor: 'api:secret_key', action: 'contact.erased', details: counts }]);
  });

  it('leaves everyone else untouched', async () => {
    const bob = await readJson(await exportOf('bob'));
    expect(bob.events).toHaveLength(1);
    expect(bob.interviews[0].messages[1].text).toBe('Bob is happy with it');
    expect(bob.signals).toHaveLength(1);
    expect(bob.in_app_messages.map((m: { title: string }) => m.title)).toEqual(['Bob tips']);
    const globexAda = await readJson(await exportOf('ada', other.secret_key));
    expect(globexAda.contact.email).toBe('ada@initech.io');
    expect(globexAda.events).toHaveLength(2);
    expect(globexAda.signals[0].quote).toBe('Globex Ada is unhappy');
    expect(globexAda.in_app_messages.map((m: { title: string }) => m.title)).toEqual(['Globex tips']);
  });

  it('answers 401 without a key and documents what is kept', async () => {
    expect((await t.request('/v1/contacts/bob', { method: 'DELETE' })).status).toBe(401);
    expect((await t.request('/v1/contacts/bob/export')).status).toBe(401);
    const doc = await readJson(await t.request('/openapi.json'));
    expect(doc.paths['/v1/contacts/{id}'].delete.description).toMatch(/Kept/);
    expect(doc.paths['/v1/contacts/{id}/export'].get.security).toEqual([{ secretKey: [] }]);
  });
});
