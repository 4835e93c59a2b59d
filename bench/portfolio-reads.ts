import { sql } from 'kysely';
import { createTestWorkspace, databaseKind, startTestApp, type TestApp } from '../tests/support/harness';
import { consoleCookie, timeRead } from './support/scale-reads';

const flag = (name: string, fallback: number) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};

/**
 * The portfolio report (public API), Insights and Home over a sizeable book — by default
 * 2,000 accounts, 200,000 events and 5,000 signals (`--accounts= --events= --signals=`):
 * p50/p99, response size and the longest event-loop stall while the requests ran.
 * Prints figures; asserts nothing.
 */
export async function benchPortfolioReads() {
  const accounts = flag('accounts', 2_000);
  const events = flag('events', 200_000);
  const signals = flag('signals', 5_000);
  const rounds = flag('rounds', 30);
  const t = await startTestApp();
  try {
    const ws = await createTestWorkspace(t, 'Bench Co');
    const seeded = performance.now();
    await seedBook(t, ws.id, { accounts, events, signals });
    console.log(
      `\nPortfolio reads, ${databaseKind}: ${accounts.toLocaleString()} accounts, ${events.toLocaleString()} events, ` +
        `${signals.toLocaleString()} signals (seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s), ${rounds} requests each`,
    );
    const admin = await consoleCookie(t, ws.id, { email: 'lead@bench.example', role: 'admin' });
    const csm = await consoleCookie(t, ws.id, { email: 'csm3@bench.example', role: 'csm' });
    const apiKey = { headers: { authorization: `Bearer ${ws.secret_key}` } };
    const targets: [string, string, RequestInit][] = [
      ['GET /v1/reports/portfolio?mode=rules', '/v1/reports/portfolio?mode=rules', apiKey],
      ['GET /v1/reports/portfolio (one CSM)', '/v1/reports/portfolio?mode=rules&owner=csm3%40bench.example', apiKey],
      ['console /insights (admin)', '/console/api/insights', { headers: { cookie: admin } }],
      ['console /home (admin)', '/console/api/home', { headers: { cookie: admin } }],
      ['console /home (csm)', '/console/api/home', { headers: { cookie: csm } }],
    ];
    for (const [label, path, init] of targets) {
      const f = await timeRead(t, label, path, init, rounds, 3);
      console.log(
        `  ${label.padEnd(40)} p50 ${f.p50.toFixed(0).padStart(5)} ms  p99 ${f.p99.toFixed(0).padStart(5)} ms  ` +
          `${f.kb.toFixed(1).padStart(7)} KB  max loop stall ${f.loopBlockMs.toFixed(0).padStart(4)} ms`,
      );
    }
  } finally {
    await t.close();
  }
}

/**
 * A book written straight in SQL (generate_series): accounts over 25 CSMs, contacts,
 * usage events over 60 days, completed interviews with one answer each, and signals over
 * the last 90 days — churn risk with taxonomy reasons, expansion intent, feature requests
 * with a long tail of distinct wordings.
 */
async function seedBook(t: TestApp, workspaceId: string, n: { accounts: number; events: number; signals: number }) {
  const db = t.deps.db;
  const ws = workspaceId;
  await sql`
    insert into accounts (workspace_id, external_id, name, arr_cents, plan, owner_email, health_state, attributes, health_reasons)
    select ${ws}, 'acct_' || i, 'Account ' || i, (i * 7919) % 50000000,
      (array['starter','growth','enterprise'])[1 + i % 3], 'csm' || (i % 25) || '@bench.example',
      (array['healthy','watch','at_risk','unknown'])[1 + i % 4], '{}', '[]'
    from generate_series(0, ${n.accounts - 1}) i`.execute(db);
  await sql`
    insert into contacts (workspace_id, account_id, external_id, email, attributes)
    select a.workspace_id, a.id, a.external_id || '_c' || k, a.external_id || '_c' || k || '@customer.example', '{}'
    from accounts a, generate_series(1, 3) k where a.workspace_id = ${ws}`.execute(db);
  await sql`
    insert into events (workspace_id, account_id, contact_id, name, properties, occurred_at)
    select ${ws}, c.account_id, c.id,
      (array['login','dashboard_viewed','report_created','export_run','csm_touch'])[1 + i % 5], '{}',
      now() - ((i % 60) || ' days')::interval - ((i % 1440) || ' minutes')::interval
    from generate_series(0, ${n.events - 1}) i
    join (
      select id, account_id, row_number() over (order by external_id) - 1 as n from contacts where workspace_id = ${ws}
    ) c on c.n = i % ${n.accounts * 3}`.execute(db);
  const guide = await db
    .selectFrom('guides')
    .innerJoin('guide_versions', 'guide_versions.guide_id', 'guides.id')
    .select(['guides.id', 'guide_versions.id as version_id'])
    .where('guides.workspace_id', '=', ws)
    .executeTakeFirstOrThrow();
  const interviews = Math.ceil(n.signals / 2);
  await sql`
    insert into interviews (workspace_id, guide_id, guide_version_id, account_id, contact_id, channel, status, state, invited_at, started_at, ended_at)
    select ${ws}, ${guide.id}, ${guide.version_id}, a.id, c.id, 'in_app', 'completed', jsonb_build_object('bench', i),
      now() - ((i % 90) || ' days')::interval, now() - ((i % 90) || ' days')::interval, now() - ((i % 90) || ' days')::interval
    from generate_series(0, ${interviews - 1}) i
    join accounts a on a.workspace_id = ${ws} and a.external_id = 'acct_' || ((i * 37) % ${n.accounts})
    join contacts c on c.account_id = a.id and c.external_id = a.external_id || '_c1'`.execute(db);
  await sql`
    insert into messages (workspace_id, interview_id, seq, role, text)
    select workspace_id, id, 2, 'customer', 'What the customer said, in a sentence or two of plain words.'
    from interviews where workspace_id = ${ws}`.execute(db);
  await sql`
    insert into signals (workspace_id, interview_id, account_id, contact_id, message_id, kind, value, quote, source, created_at)
    select i.workspace_id, i.id, i.account_id, i.contact_id, m.id,
      (array['churn_risk','expansion_intent','feature_request','churn_risk','feature_request'])[1 + (k + n) % 5],
      case (array['churn_risk','expansion_intent','feature_request','churn_risk','feature_request'])[1 + (k + n) % 5]
        when 'churn_risk' then jsonb_build_object('level', (array['high','medium','low'])[1 + n % 3],
          'reasons', jsonb_build_array((array['price_value','performance_reliability','missing_features','support_experience','champion_left','competitor'])[1 + n % 6],
            (array['onboarding_adoption','price_value','budget_cuts'])[1 + n % 3]))
        when 'expansion_intent' then jsonb_build_object('kind', (array['seats','plan_upgrade','new_team'])[1 + n % 3], 'size', (n % 50) || ' seats', 'timing', 'next quarter')
        else jsonb_build_object('summary', case when n % 4 = 0 then 'Request number ' || n else (array['SSO','Zendesk integration','Audit log','API rate limits','Dark mode'])[1 + n % 5] end)
      end,
      'A quote the customer said about this, long enough to read like a real sentence in a report.',
      'rules', i.ended_at
    from (select *, row_number() over (order by id) as n from interviews where workspace_id = ${ws}) i
    join messages m on m.interview_id = i.id
    cross join generate_series(0, 1) k
    where (i.n - 1) * 2 + k < ${n.signals}`.execute(db);
  for (const table of ['accounts', 'contacts', 'events', 'interviews', 'messages', 'signals', 'account_daily_usage'])
    await sql`analyze ${sql.table(table)}`.execute(db);
}
