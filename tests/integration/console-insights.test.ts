import { tenant } from '@candor/api/db/tenant';
import type { HealthState } from '@candor/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/console-session';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { type FixtureSignal, recordAnswer } from '../support/signal-fixtures';

const DAY = 86_400_000;
/** Monday (UTC) of the week holding `ms`, as YYYY-MM-DD. */
const monday = (ms: number) => {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)))
    .toISOString()
    .slice(0, 10);
};
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// A book of three owners (and an unowned account) whose churn reasons, moments and plans
// differ, so each filter of Insights and each scope of Home has a known answer.
describe(`Insights and Home for a book and a team (${databaseKind})`, () => {
  let t: TestApp;
  let ws: Awaited<ReturnType<typeof createTestWorkspace>>;
  let other: Awaited<ReturnType<typeof createTestWorkspace>>;
  let now: number;
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  const interviewsOf: Record<string, number> = {};

  const churn = (reasons: string[], level = 'high', at?: number): FixtureSignal => ({
    kind: 'churn_risk',
    value: { level, reasons },
    quote: `We may leave: ${reasons.join(', ')}`,
    ...(at ? { created_at: new Date(at) } : {}),
  });
  async function said(account: string, signals: FixtureSignal[], moment = 'churn_risk') {
    await recordAnswer(t, ws.id, { accountId: ids[account]!, text: 'what they said', signals, moment });
    interviewsOf[account] = (interviewsOf[account] ?? 0) + 1;
  }

  beforeAll(async () => {
    t = await startTestApp();
    now = t.deps.now().getTime();
    ws = await createTestWorkspace(t, 'Insights Co');
    other = await createTestWorkspace(t, 'Other Co');
    type BookAccount = { id: string; owner: string | null; plan: string; arr: number; health: HealthState };
    const book: BookAccount[] = [
      { id: 'A1', owner: 'ana@insights.example', plan: 'enterprise', arr: 100_000_00, health: 'at_risk' },
      { id: 'A2', owner: 'ana@insights.example', plan: 'growth', arr: 20_000_00, health: 'healthy' },
      { id: 'B1', owner: 'ben@insights.example', plan: 'enterprise', arr: 50_000_00, health: 'at_risk' },
      { id: 'U1', owner: null, plan: 'starter', arr: 5_000_00, health: 'watch' },
      ...Array.from(
        { length: 25 },
        (_, i): BookAccount => ({
          id: `E${String(i).padStart(2, '0')}`,
          owner: 'ben@insights.example',
          plan: 'starter',
          arr: (i + 1) * 100_00,
          health: 'healthy',
        }),
      ),
    ];
    const rows = await tenant(t.deps.db, ws)
      .insertInto('accounts')
      .values(
        book.map((a) => ({
          external_id: a.id,
          name: `Account ${a.id}`,
          owner_email: a.owner,
          plan: a.plan,
          arr_cents: a.arr,
          health_state: a.health,
          attributes: {},
          health_reasons: [],
        })),
      )
      .returning(['id', 'external_id'])
      .execute();
    for (const r of rows) ids[r.external_id] = r.id;
    await tenant(t.deps.db, other)
      .insertInto('accounts')
      .values({ external_id: 'X1', name: 'Hidden', arr_cents: 1, attributes: {}, health_reasons: [] })
      .execute();

    await said('A1', [churn(['price_value'], 'high', now - 7 * DAY)]);
    await said('A1', [churn(['price_value'], 'high', now - 60_000)]);
    await said('B1', [churn(['price_value', 'missing_features'], 'medium', now - 21 * DAY)], 'pre_renewal');
    await said('A2', [churn(['onboarding_adoption'], 'medium', now - 2 * DAY)], 'health_pulse');
    await said('A2', [churn(['support_experience'], 'low', now - 2 * DAY)]);
    // Older than the default 12 weeks.
    await said('U1', [churn(['price_value'], 'high', now - 100 * DAY)]);
    await said(
      'A1',
      [
        {
          kind: 'expansion_intent',
          value: { kind: 'seats', size: '10 seats' },
          quote: 'maybe ten more seats',
          created_at: new Date(now - 9 * DAY),
        },
      ],
      'expansion',
    );
    await said(
      'A1',
      [
        {
          kind: 'expansion_intent',
          value: { kind: 'new_team', timing: 'next quarter' },
          quote: 'marketing wants in next quarter',
          created_at: new Date(now - DAY),
        },
      ],
      'expansion',
    );
    for (let i = 0; i < 25; i++)
      await said(
        `E${String(i).padStart(2, '0')}`,
        [{ kind: 'expansion_intent', value: { kind: 'seats' }, quote: `seats ${i}` }],
        'expansion',
      );
    await tenant(t.deps.db, ws)
      .insertInto('review_items')
      .values({ account_id: ids.A1!, kind: 'health', reason: 'Now at risk' })
      .execute();

    cookies.admin = (await signIn(t, ws.id, 'lead@insights.example', 'admin')).cookie;
    cookies.ana = (await signIn(t, ws.id, 'ana@insights.example', 'csm')).cookie;
    cookies.ben = (await signIn(t, ws.id, 'ben@insights.example', 'csm')).cookie;
    cookies.cleo = (await signIn(t, ws.id, 'cleo@insights.example', 'csm')).cookie;
    cookies.other = (await signIn(t, other.id, 'someone@other.example', 'admin')).cookie;
  }, 180_000);
  afterAll(() => t?.close());

  const get = (path: string, who: string) => t.request(`/console/api${path}`, { headers: { cookie: cookies[who]! } });
  const insights = async (query = '', who = 'admin') => {
    const res = await get(`/insights${query}`, who);
    expect(res.status).toBe(200);
    return readJson(res);
  };

  it('ranks churn reasons by signals with the ARR at risk behind each, low risk left out', async () => {
    const d = await insights();
    expect(d.filters).toEqual({ owner: null, plan: null, moment: null, from: day(now - 83 * DAY), to: day(now) });
    expect(
      d.churn_reasons.map((r: { reason: string; count: number; accounts: number; arr_at_risk_cents: number }) => [
        r.reason,
        r.count,
        r.accounts,
        r.arr_at_risk_cents,
      ]),
    ).toEqual([
      ['price_value', 3, 2, 150_000_00],
      ['missing_features', 1, 1, 50_000_00],
      ['onboarding_adoption', 1, 1, 20_000_00],
    ]);
    expect(d.churn_reasons[0].label).toBe('Price / value');
    expect(d.churn_reasons_total).toBe(3);
  });

  it('buckets the ARR at risk per reason into 12 Monday weeks ending this week', async () => {
    const d = await insights();
    const weeks = Array.from({ length: 12 }, (_, i) => monday(now - (11 - i) * 7 * DAY));
    expect(d.weeks).toEqual(weeks);
    const price = d.churn_reasons[0];
    expect(price.weekly.map((w: { week: string }) => w.week)).toEqual(weeks);
    const expected = new Map<string, [number, number]>();
    const add = (at: number, arr: number) => {
      const [n, sum] = expected.get(monday(at)) ?? [0, 0];
      expected.set(monday(at), [n + 1, sum + arr]);
    };
    add(now - 60_000, 100_000_00);
    add(now - 7 * DAY, 100_000_00);
    add(now - 21 * DAY, 50_000_00);
    for (const w of price.weekly) expect([w.signals, w.arr_at_risk_cents]).toEqual(expected.get(w.week) ?? [0, 0]);
    expect(price.weekly.at(-1)).toEqual({ week: monday(now), signals: 1, arr_at_risk_cents: 100_000_00 });
  });

  it('filters by owner, plan, moment and date range', async () => {
    const reasons = (d: { churn_reasons: { reason: string; count: number; arr_at_risk_cents: number }[] }) =>
      d.churn_reasons.map((r) => [r.reason, r.count, r.arr_at_risk_cents]);
    expect(reasons(await insights('?owner=ana%40insights.example'))).toEqual([
      ['price_value', 2, 100_000_00],
      ['onboarding_adoption', 1, 20_000_00],
    ]);
    expect(reasons(await insights('?owner=none'))).toEqual([]);
    expect(reasons(await insights('?plan=growth'))).toEqual([['onboarding_adoption', 1, 20_000_00]]);
    expect(reasons(await insights('?moment=pre_renewal'))).toEqual([
      ['missing_features', 1, 50_000_00],
      ['price_value', 1, 50_000_00],
    ]);
    const wide = await insights(`?from=${day(now - 120 * DAY)}&to=${day(now)}`);
    expect(reasons(wide)[0]).toEqual(['price_value', 4, 155_000_00]);
    const old = await insights(`?owner=none&from=${day(now - 120 * DAY)}&to=${day(now - 90 * DAY)}`);
    expect(reasons(old)).toEqual([['price_value', 1, 5_000_00]]);
    // The trend's weeks end with the range.
    expect(old.weeks.at(-1)).toBe(monday(now - 90 * DAY));
    expect(old.signal_counts).toEqual([{ kind: 'churn_risk', count: 1 }]);
  });

  it('rejects a bad filter with 400 naming it, and changes nothing', async () => {
    for (const [query, field] of [
      ['?moment=someday', 'moment'],
      ['?from=2026-13-01', 'from'],
      [`?from=${day(now)}&to=${day(now - 7 * DAY)}`, 'from'],
      ['?from=2024-01-01&to=2026-01-01', 'from'],
      ['?ownr=ana', 'ownr'],
    ]) {
      const res = await get(`/insights${query}`, 'admin');
      expect(res.status).toBe(400);
      expect((await readJson(res)).error.message).toContain(field);
    }
  });

  it('groups the expansion pipeline by account, largest ARR first, and pages it', async () => {
    const first = await insights();
    expect(first.expansion.total).toBe(26);
    expect(first.expansion.items).toHaveLength(20);
    expect(first.expansion.items[0]).toMatchObject({
      account_id: ids.A1,
      account_name: 'Account A1',
      arr_cents: 100_000_00,
      signals: 2,
      quote: 'marketing wants in next quarter',
    });
    const second = await insights('?expansion_page=2');
    expect(second.expansion.items).toHaveLength(6);
    const all = [...first.expansion.items, ...second.expansion.items].map((e: { account_id: string }) => e.account_id);
    expect(new Set(all).size).toBe(26);
    expect(second.expansion.items.at(-1).account_name).toBe('Account E00');
    const ana = await insights('?owner=ana%40insights.example');
    expect(ana.expansion.total).toBe(1);
  });

  it('shows another workspace nothing', async () => {
    const d = await insights('', 'other');
    expect(d.churn_reasons).toEqual([]);
    expect(d.expansion.total).toBe(0);
    expect(d.signal_counts).toEqual([]);
  });

  it("scopes a CSM's Home to the accounts they own", async () => {
    const ana = await readJson(await get('/home', 'ana'));
    expect(ana.scope).toBe('book');
    expect(ana.team).toBeNull();
    expect(ana.kpis).toMatchObject({
      accounts: 2,
      arr_cents: 120_000_00,
      accounts_at_risk: 1,
      arr_at_risk_cents: 100_000_00,
      completed_30d: interviewsOf.A1! + interviewsOf.A2!,
    });
    const cleo = await readJson(await get('/home', 'cleo'));
    expect(cleo.kpis).toMatchObject({ accounts: 0, arr_cents: 0, accounts_at_risk: 0, invited_30d: 0 });
  });

  it('gives an admin the whole team with a per-CSM breakdown that adds up', async () => {
    const home = await readJson(await get('/home', 'admin'));
    expect(home.scope).toBe('team');
    expect(home.kpis).toMatchObject({ accounts: 29, accounts_at_risk: 2, arr_at_risk_cents: 150_000_00 });
    const rows = home.team.rows as {
      owner_email: string | null;
      accounts: number;
      arr_cents: number;
      arr_at_risk_cents: number;
      interviews_completed: number;
      open_reviews: number;
    }[];
    expect(home.team.total).toBe(4);
    expect(rows.map((r) => r.owner_email)).toEqual([
      'ana@insights.example',
      'ben@insights.example',
      null,
      'cleo@insights.example',
    ]);
    expect(rows[0]).toMatchObject({
      accounts: 2,
      arr_cents: 120_000_00,
      arr_at_risk_cents: 100_000_00,
      interviews_completed: interviewsOf.A1! + interviewsOf.A2!,
      open_reviews: 1,
    });
    expect(rows[3]).toMatchObject({ accounts: 0, arr_cents: 0, interviews_completed: 0, open_reviews: 0 });
    const sum = (k: 'accounts' | 'arr_at_risk_cents' | 'interviews_completed') => rows.reduce((n, r) => n + r[k], 0);
    expect(sum('accounts')).toBe(home.kpis.accounts);
    expect(sum('arr_at_risk_cents')).toBe(home.kpis.arr_at_risk_cents);
    expect(sum('interviews_completed')).toBe(home.kpis.completed_30d);
    const theirs = await readJson(await get('/home', 'other'));
    expect(theirs.team.rows).toEqual([
      expect.objectContaining({ owner_email: null, accounts: 1, interviews_completed: 0 }),
    ]);
  });
});
