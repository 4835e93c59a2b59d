import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { recordAnswer } from '../support/signal-fixtures';

describe(`portfolio reports (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  let other: { secret_key: string };

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    other = await createTestWorkspace(t, 'Other');
    const db = t.deps.db;
    // account, owner, ARR, what was said, the signals stored from it
    const book = [
      {
        id: 'a1',
        owner: 'carol@v.io',
        arr: 120_000_00,
        said: 'Too expensive for what we use. We need SSO!',
        signals: [
          {
            kind: 'churn_risk',
            value: { level: 'high', reasons: ['price_value'] },
            quote: 'Too expensive for what we use',
          },
          { kind: 'feature_request', value: { summary: 'SSO!' }, quote: 'We need SSO!' },
        ],
      },
      {
        id: 'a2',
        owner: 'dan@v.io',
        arr: 30_000_00,
        said: 'Price went up again and the app is slow. sso would help.',
        signals: [
          {
            kind: 'churn_risk',
            value: { level: 'medium', reasons: ['price_value', 'performance_reliability'] },
            quote: 'Price went up again',
          },
          { kind: 'feature_request', value: { summary: 'sso' }, quote: 'sso would help' },
        ],
      },
      {
        id: 'a3',
        owner: 'carol@v.io',
        arr: 50_000_00,
        said: 'The marketing team wants in next quarter, maybe 20 seats.',
        signals: [
          {
            kind: 'expansion_intent',
            value: { kind: 'seats', size: '20 seats', timing: 'next quarter' },
            quote: 'maybe 20 seats',
          },
          {
            kind: 'churn_risk',
            value: { level: 'low', reasons: ['support_experience'] },
            quote: 'The marketing team wants in',
          },
        ],
      },
    ];
    for (const a of book) {
      const acc = await db
        .insertInto('accounts')
        .values({
          workspace_id: ws.id,
          external_id: a.id,
          name: a.id.toUpperCase(),
          owner_email: a.owner,
          arr_cents: a.arr,
          attributes: {},
          health_reasons: [],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAnswer(t, ws.id, { accountId: acc.id, text: a.said, signals: a.signals });
    }
  });
  afterAll(() => t?.close());

  it('ranks churn reasons with share, ARR at risk, trend and quotes; ignores low risk', async () => {
    const report = await readJson(await t.request('/v1/reports/portfolio', { token: ws.secret_key }));
    expect(report.churn_reasons.map((r: { reason: string }) => r.reason)).toEqual([
      'price_value',
      'performance_reliability',
    ]);
    const price = report.churn_reasons[0];
    expect(price).toMatchObject({ label: 'Price / value', count: 2, share: 1, accounts: 2, arr_at_risk: 150_000 });
    expect(price.weekly).toHaveLength(12);
    expect(price.weekly.at(-1).count).toBe(2);
    expect(price.quotes.map((q: { quote: string }) => q.quote).sort()).toEqual([
      'Price went up again',
      'Too expensive for what we use',
    ]);
  });

  it('lists the expansion pipeline and groups feature requests with their ARR', async () => {
    const report = await readJson(await t.request('/v1/reports/portfolio', { token: ws.secret_key }));
    expect(report.expansion_pipeline).toEqual([
      expect.objectContaining({
        account: expect.objectContaining({ external_id: 'a3', arr: 50_000 }),
        kind: 'seats',
        size: '20 seats',
        timing: 'next quarter',
      }),
    ]);
    expect(report.feature_requests).toHaveLength(1);
    expect(report.feature_requests[0]).toMatchObject({ count: 2, arr: 150_000 });
  });

  it("narrows to one CSM's book, and shows another workspace nothing", async () => {
    const carol = await readJson(await t.request('/v1/reports/portfolio?owner=carol@v.io', { token: ws.secret_key }));
    expect(carol.churn_reasons).toEqual([
      expect.objectContaining({ reason: 'price_value', count: 1, arr_at_risk: 120_000 }),
    ]);
    const empty = await readJson(await t.request('/v1/reports/portfolio', { token: other.secret_key }));
    expect(empty).toMatchObject({ churn_reasons: [], expansion_pipeline: [], feature_requests: [] });
  });
});
