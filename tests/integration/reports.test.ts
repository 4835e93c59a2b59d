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
        plan: 'enterprise',
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
        plan: 'growth',
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
        plan: 'growth',
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
          plan: a.plan,
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
  it('narrows to one plan (tier) in the report and its pages; a bad plan is a 400', async () => {
    const get = async (path: string) => readJson(await t.request(path, { token: ws.secret_key }));
    const growth = await get('/v1/reports/portfolio?plan=growth');
    expect(growth.plan).toBe('growth');
    // a2's two reasons tie; a3's low risk and a1's enterprise reason stay out.
    expect(
      growth.churn_reasons.map((r: { reason: string; count: number; arr_at_risk: number }) => [
        r.reason,
        r.count,
        r.arr_at_risk,
      ]),
    ).toEqual([
      ['performance_reliability', 1, 30_000],
      ['price_value', 1, 30_000],
    ]);
    expect(growth.expansion_pipeline.map((e: { account: { external_id: string } }) => e.account.external_id)).toEqual([
      'a3',
    ]);
    expect(growth.feature_requests).toEqual([expect.objectContaining({ count: 1, arr: 30_000 })]);
    const enterprise = await get('/v1/reports/portfolio?plan=enterprise&owner=carol@v.io');
    expect(enterprise.expansion_pipeline).toEqual([]);
    expect(enterprise.churn_reasons).toEqual([
      expect.objectContaining({ reason: 'price_value', arr_at_risk: 120_000 }),
    ]);
    const accounts = await get('/v1/reports/portfolio/churn-reasons/price_value/accounts?plan=enterprise');
    expect(accounts.items.map((a: { external_id: string }) => a.external_id)).toEqual(['a1']);
    const page = await get('/v1/reports/portfolio/feature-requests?plan=growth');
    expect(page.items).toEqual([expect.objectContaining({ count: 1, arr: 30_000 })]);
    expect((await get('/v1/reports/portfolio?plan=starter')).churn_reasons).toEqual([]);
    const bad = await t.request(`/v1/reports/portfolio?plan=${'x'.repeat(101)}`, { token: ws.secret_key });
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).error.message).toContain('plan');
  });

  it('carries the first `limit` entries of each list with totals, and pages the long tails', async () => {
    const big = await createTestWorkspace(t, 'Big book');
    const db = t.deps.db;
    for (let i = 0; i < 30; i++) {
      const acc = await db
        .insertInto('accounts')
        .values({
          workspace_id: big.id,
          external_id: `b${i}`,
          name: `B${i}`,
          arr_cents: (i + 1) * 1_000_00,
          attributes: {},
          health_reasons: [],
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAnswer(t, big.id, {
        accountId: acc.id,
        text: `Too pricey, we need request ${i}, and more seats`,
        signals: [
          { kind: 'churn_risk', value: { level: 'high', reasons: ['price_value'] }, quote: `Too pricey ${i}` },
          { kind: 'feature_request', value: { summary: `Request ${i}` }, quote: `we need request ${i}` },
          { kind: 'expansion_intent', value: { kind: 'seats' }, quote: 'more seats' },
        ],
      });
    }
    const get = async (path: string) => {
      const res = await t.request(path, { token: big.secret_key });
      expect(res.status, path).toBe(200);
      return readJson(res);
    };
    const report = await get('/v1/reports/portfolio?mode=rules&limit=10');
    expect(report.limit).toBe(10);
    expect(report.totals).toEqual({ churn_reasons: 1, expansion_pipeline: 30, feature_requests: 30 });
    expect(report.expansion_pipeline).toHaveLength(10);
    expect(report.expansion_pipeline[0].account.arr).toBe(30_000);
    expect(report.feature_requests).toHaveLength(10);
    expect(report.feature_requests[0]).toMatchObject({
      summary: 'Request 29',
      count: 1,
      account_count: 1,
      arr: 30_000,
    });
    expect(report.churn_reasons[0]).toMatchObject({ reason: 'price_value', count: 30, accounts: 30 });
    expect(report.churn_reasons[0].quotes).toHaveLength(3);

    const summaries: string[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const page = await get(`/v1/reports/portfolio/feature-requests?limit=12&offset=${offset}`);
      expect(page.total).toBe(30);
      expect(page.items.length).toBeLessThanOrEqual(12);
      summaries.push(...page.items.map((f: { summary: string }) => f.summary));
      offset = page.next_offset;
    }
    expect(new Set(summaries).size).toBe(30);

    const accounts = await get('/v1/reports/portfolio/churn-reasons/price_value/accounts?limit=25');
    expect(accounts).toMatchObject({ total: 30, next_offset: 25 });
    expect(accounts.items[0]).toMatchObject({ external_id: 'b29', arr: 30_000, signals: 1 });
    const rest = await get('/v1/reports/portfolio/churn-reasons/price_value/accounts?limit=25&offset=25');
    expect(rest.items.map((a: { external_id: string }) => a.external_id)).toEqual(['b4', 'b3', 'b2', 'b1', 'b0']);
    expect(rest.next_offset).toBeNull();
    const quotes = await get('/v1/reports/portfolio/churn-reasons/price_value/quotes?limit=20&offset=20');
    expect(quotes.total).toBe(30);
    expect(quotes.items).toHaveLength(10);
    const past = await get('/v1/reports/portfolio/expansion-pipeline?offset=100');
    expect(past).toEqual({ items: [], total: 30, next_offset: null });

    for (const bad of ['?limit=0', '?limit=101', '?offset=-1', '?cursor=x'])
      expect((await t.request(`/v1/reports/portfolio/feature-requests${bad}`, { token: big.secret_key })).status).toBe(
        400,
      );
    // Another workspace's reason has no accounts here.
    const theirs = await readJson(
      await t.request('/v1/reports/portfolio/churn-reasons/price_value/accounts', { token: other.secret_key }),
    );
    expect(theirs).toEqual({ items: [], total: 0, next_offset: null });
  });
});
