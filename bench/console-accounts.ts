import { createLoginLink } from '@candor/api/auth/login-links';
import { tenant } from '@candor/api/db/tenant';
import { healthStates } from '@candor/shared';
import { sql } from 'kysely';
import { createTestWorkspace, databaseKind, startTestApp } from '../tests/support/harness';

/**
 * The console's Accounts API over 10,000 accounts: p50/p95 per sort and filter, through
 * the real HTTP app with a signed-in member. Prints figures; asserts nothing.
 */
export async function benchConsoleAccounts(accounts = 10_000, rounds = 40) {
  const t = await startTestApp();
  try {
    const ws = { id: (await createTestWorkspace(t, 'Bench Co')).id };
    const owners = Array.from({ length: 25 }, (_, i) => `csm${i}@bench.example`);
    const states = healthStates;
    for (let start = 0; start < accounts; start += 1000) {
      await tenant(t.deps.db, ws)
        .insertInto('accounts')
        .values(
          Array.from({ length: Math.min(1000, accounts - start) }, (_, k) => {
            const i = start + k;
            return {
              external_id: `acct_${i}`,
              name: `Account ${i}`,
              arr_cents: (i * 7919) % 50_000_000,
              renewal_date: new Date(Date.UTC(2027, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10),
              owner_email: owners[i % owners.length]!,
              health_state: states[i % states.length]!,
              last_touch_at: new Date(Date.UTC(2026, 10, 1) - (i % 90) * 86_400_000),
              attributes: {},
              health_reasons: [],
            };
          }),
        )
        .execute();
    }
    // Postgres' autovacuum would have analyzed a table this size; embedded PGlite has no autovacuum.
    await sql`analyze accounts`.execute(t.deps.db);
    const link = new URL((await createLoginLink(t.deps, { workspaceId: ws.id, email: 'bench@bench.example' })).url);
    const login = await t.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ token: link.searchParams.get('token') ?? '' }),
      redirect: 'manual',
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const queries = [
      'sort=renewal',
      'sort=arr&order=desc',
      'sort=health&order=desc',
      'sort=last_touch&order=desc',
      'sort=name&page=150',
      `owner=${encodeURIComponent(owners[3]!)}&sort=arr&order=desc`,
      'health=at_risk&sort=renewal',
      'q=account%2099',
    ];
    console.log(
      `\nConsole Accounts API, ${accounts.toLocaleString()} accounts, ${databaseKind}, ${rounds} requests each`,
    );
    for (const q of queries) {
      const times: number[] = [];
      for (let r = 0; r < rounds + 3; r++) {
        const started = performance.now();
        const res = await t.request(`/console/api/accounts?${q}`, { headers: { cookie } });
        await res.json();
        if (res.status !== 200) throw new Error(`${q}: ${res.status}`);
        if (r >= 3) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
      console.log(`  ${q.padEnd(48)} p50 ${pct(0.5).padStart(6)} ms   p95 ${pct(0.95).padStart(6)} ms`);
    }
  } finally {
    await t.close();
  }
}
