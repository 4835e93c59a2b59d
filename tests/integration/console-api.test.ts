import { createLoginLink } from '@candor/api/auth/login-links';
import { tenant } from '@candor/api/db/tenant';
import type { HealthState } from '@candor/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followLoginLink } from '../support/console-session';
import { createTestWorkspace, readJson, startTestApp, type TestApp } from '../support/harness';

/** Signs a member in through the real /login link and returns the session cookie header. */
async function signIn(t: TestApp, workspaceId: string, email: string, role: 'admin' | 'csm') {
  const link = await createLoginLink(t.deps, { workspaceId, email, role });
  return { ...(await followLoginLink(t, link.url)), memberId: link.memberId };
}

describe('console API', () => {
  let t: TestApp;
  let ws: { id: string };
  let other: { id: string };
  let admin: string;
  let csm: string;
  let otherCookie: string;

  beforeAll(async () => {
    t = await startTestApp();
    ws = { id: (await createTestWorkspace(t, 'Console Co')).id };
    other = { id: (await createTestWorkspace(t, 'Other Co')).id };
    const owners = ['ana@console.example', 'ben@console.example', null];
    const health: HealthState[] = ['healthy', 'watch', 'at_risk'];
    await tenant(t.deps.db, ws)
      .insertInto('accounts')
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          external_id: `acct_${String(i).padStart(3, '0')}`,
          name: `Account ${String(i).padStart(3, '0')}`,
          arr_cents: i % 10 === 0 ? null : (i * 7919) % 100_000_00,
          renewal_date: `2027-0${(i % 9) + 1}-15`,
          owner_email: owners[i % 3],
          // Plans and AEs cycle on their own periods so each filter selects a different set.
          plan: [null, 'growth', 'enterprise', 'starter'][i % 4],
          ae_email: i % 5 === 0 ? 'sam@console.example' : null,
          health_state: health[i % 3]!,
          attributes: {},
          health_reasons: [],
        })),
      )
      .execute();
    await tenant(t.deps.db, other)
      .insertInto('accounts')
      .values({ external_id: 'secret', name: 'Other workspace account', attributes: {}, health_reasons: [] })
      .execute();
    admin = (await signIn(t, ws.id, 'admin@console.example', 'admin')).cookie;
    csm = (await signIn(t, ws.id, 'ana@console.example', 'csm')).cookie;
    otherCookie = (await signIn(t, other.id, 'someone@other.example', 'admin')).cookie;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string, cookie?: string) =>
    t.request(`/console/api${path}`, { headers: cookie ? { cookie } : {} });

  it('answers 401 in the error shape without a session', async () => {
    const res = await get('/accounts');
    expect(res.status).toBe(401);
    expect((await readJson(res)).error.code).toBe('unauthorized');
  });

  it('pages accounts 50 at a time with the total', async () => {
    const page1 = await readJson(await get('/accounts?sort=name', csm));
    expect(page1.total).toBe(120);
    expect(page1.items).toHaveLength(50);
    expect(page1.items[0].name).toBe('Account 000');
    const page3 = await readJson(await get('/accounts?sort=name&page=3', csm));
    expect(page3.items.map((a: { name: string }) => a.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Account ${String(100 + i).padStart(3, '0')}`),
    );
  });

  it('sorts by ARR descending with empty ARR last', async () => {
    const all = [];
    for (let page = 1; page <= 3; page++)
      all.push(...(await readJson(await get(`/accounts?sort=arr&order=desc&page=${page}`, csm))).items);
    const arrs = all.map((a: { arr_cents: number | null }) => a.arr_cents);
    const numbers = arrs.filter((a): a is number => a !== null);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(arrs.slice(numbers.length).every((a) => a === null)).toBe(true);
    expect(arrs.slice(-12).every((a) => a === null)).toBe(true);
  });

  it('sorts health by severity and filters by owner, health and search', async () => {
    const worst = await readJson(await get('/accounts?sort=health&order=desc', csm));
    expect(worst.items[0].health_state).toBe('at_risk');
    const mine = await readJson(await get('/accounts?owner=ana%40console.example', csm));
    expect(mine.total).toBe(40);
    expect(mine.items.every((a: { owner_email: string }) => a.owner_email === 'ana@console.example')).toBe(true);
    const none = await readJson(await get('/accounts?owner=none', csm));
    expect(none.total).toBe(40);
    const risky = await readJson(await get('/accounts?health=at_risk,watch', csm));
    expect(risky.total).toBe(80);
    const found = await readJson(await get('/accounts?q=account%2011', csm));
    expect(found.items.map((a: { name: string }) => a.name).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `Account 11${i}`),
    );
    const literal = await readJson(await get('/accounts?q=%25', csm));
    expect(literal.total).toBe(0);
  });

  it('filters by plan (tier) and by AE, alone and with the other filters', async () => {
    const growth = await readJson(await get('/accounts?plan=growth', csm));
    expect(growth.total).toBe(30);
    expect(growth.items.every((a: { plan: string }) => a.plan === 'growth')).toBe(true);
    expect((await readJson(await get('/accounts?plan=growth,none', csm))).total).toBe(60);
    const sams = await readJson(await get('/accounts?ae=sam%40console.example', csm));
    expect(sams.total).toBe(24);
    expect(sams.items.every((a: { ae_email: string }) => a.ae_email === 'sam@console.example')).toBe(true);
    expect((await readJson(await get('/accounts?ae=none', csm))).total).toBe(96);
    // i % 20 === 0 is both AE'd and plan-less (i % 4 === 0); ana owns i % 3 === 0 of those.
    const combined = await readJson(
      await get('/accounts?ae=sam%40console.example&plan=none&owner=ana%40console.example', csm),
    );
    expect(combined.items.map((a: { external_id: string }) => a.external_id).sort()).toEqual(['acct_000', 'acct_060']);
    const facets = await readJson(await get('/accounts/facets', csm));
    expect(facets.aes).toEqual(['sam@console.example']);
    expect(facets.plans).toEqual(['enterprise', 'growth', 'starter']);
  });

  it('rejects an unknown health state or a malformed AE with 400 naming the field', async () => {
    for (const [path, field] of [
      ['/accounts?health=at_risk,dying', 'health'],
      ['/accounts?ae=not-an-email', 'ae'],
      ['/accounts?tier=growth', 'tier'],
    ] as const) {
      const res = await get(path, csm);
      expect(res.status).toBe(400);
      const body = await readJson(res);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message).toContain(field);
    }
  });

  it('rejects a bad sort with 400 naming the field', async () => {
    const res = await get('/accounts?sort=password', csm);
    expect(res.status).toBe(400);
    const body = await readJson(res);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain('sort');
  });

  it('never shows another workspace’s account', async () => {
    const theirs = await t.deps.db
      .selectFrom('accounts')
      .select('id')
      .where('workspace_id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect((await get(`/accounts/${theirs.id}`, csm)).status).toBe(404);
    const mine = await readJson(await get('/accounts', otherCookie));
    expect(mine.total).toBe(1);
    expect((await get('/accounts/not-a-uuid', csm)).status).toBe(404);
  });

  it('answers the account page with no brief as null', async () => {
    const { items } = await readJson(await get('/accounts?sort=name', csm));
    const detail = await readJson(await get(`/accounts/${items[0].id}`, csm));
    expect(detail.account.name).toBe('Account 000');
    expect(detail.brief).toBeNull();
    expect(detail.contacts).toEqual([]);
  });

  it('keeps settings for admins', async () => {
    expect((await get('/settings', csm)).status).toBe(403);
    const res = await get('/settings', admin);
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.api_keys.map((k: { display_prefix: string }) => k.display_prefix.slice(0, 3)).sort()).toEqual([
      'pk_',
      'sk_',
    ]);
    expect(JSON.stringify(body)).not.toContain('key_hash');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it("computes home KPIs from the tables, over a CSM's book or an admin's team", async () => {
    // Ana owns every third account from the first, none of which is at risk.
    const book = await readJson(await get('/home', csm));
    expect(book.kpis).toMatchObject({ accounts: 40, accounts_at_risk: 0 });
    const home = await readJson(await get('/home', admin));
    expect(home.kpis.accounts).toBe(120);
    expect(home.kpis.accounts_at_risk).toBe(40);
    expect(home.kpis.response_rate).toBeNull();
    expect(home.review_queue).toEqual([]);
  });

  it('serves the console page for client routes without shadowing the API', async () => {
    const page = await t.request('/accounts/123', { headers: { accept: 'text/html' } });
    expect([200, 503]).toContain(page.status);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await t.request('/healthz')).status).toBe(200);
    expect((await t.request('/openapi.json')).status).toBe(200);
  });
});
