import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { recordAnswer } from '../support/signal-fixtures';

describe(`releases: you asked, we shipped (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  const contacts: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    const db = t.deps.db;
    const acc = await db
      .insertInto('accounts')
      .values({ workspace_id: ws.id, external_id: 'acme', name: 'Acme', attributes: {}, health_reasons: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [id, said, summary] of [
      ['asked-sso', 'We cannot roll out without SSO.', 'SSO'],
      ['asked-exports', 'Please make CSV exports faster.', 'Faster CSV exports'],
    ] as const) {
      const c = await db
        .insertInto('contacts')
        .values({ workspace_id: ws.id, account_id: acc.id, external_id: id, attributes: {} })
        .returning('id')
        .executeTakeFirstOrThrow();
      contacts[id] = c.id;
      await recordAnswer(t, ws.id, {
        accountId: acc.id,
        contactId: c.id,
        moment: 'onboarding',
        invitedAt: new Date(Date.now() - 60 * 86_400_000),
        text: said,
        signals: [{ kind: 'feature_request', value: { summary }, quote: said.slice(0, 20) }],
      });
    }
    const guide = await db
      .selectFrom('guides')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('moment', '=', 'feature_launch')
      .executeTakeFirstOrThrow();
    const rule = await t.request('/v1/triggers', {
      method: 'POST',
      token: ws.secret_key,
      json: {
        name: 'You asked, we shipped',
        guide_id: guide.id,
        when: { type: 'event', event: 'feature_released' },
        holdout_percent: 0,
      },
    });
    expect(rule.status).toBe(201);
  });
  afterAll(() => t?.close());

  it('invites exactly the contacts whose request the release answers', async () => {
    const res = await t.request('/v1/releases', {
      method: 'POST',
      token: ws.secret_key,
      json: { title: 'SAML single sign-on', features: ['sso', 'okta'] },
    });
    expect(res.status).toBe(201);
    expect(await readJson(res)).toMatchObject({ title: 'SAML single sign-on', asked_by: 1 });
    const invited = await t.deps.db
      .selectFrom('interviews')
      .innerJoin('guides', 'guides.id', 'interviews.guide_id')
      .select(['interviews.contact_id', 'guides.moment'])
      .where('interviews.workspace_id', '=', ws.id)
      .where('interviews.status', '=', 'invited')
      .execute();
    expect(invited).toEqual([{ contact_id: contacts['asked-sso'], moment: 'feature_launch' }]);
    const listed = await readJson(await t.request('/v1/releases', { token: ws.secret_key }));
    expect(listed.releases.map((r: { title: string }) => r.title)).toEqual(['SAML single sign-on']);
  });

  it('rejects a release without a title and stores nothing', async () => {
    const res = await t.request('/v1/releases', { method: 'POST', token: ws.secret_key, json: { features: ['x'] } });
    expect(res.status).toBe(400);
    expect((await readJson(await t.request('/v1/releases', { token: ws.secret_key }))).releases).toHaveLength(1);
  });
});
