import { recomputeAllHealth } from '@candor/api/synthesis/account-health';
import { installDemoTriggers } from '@candor/api/triggers/demo-triggers';
import { evaluatePeriodicTriggers } from '@candor/api/triggers/evaluate-periodic';
import { sql } from 'kysely';
import { createTestWorkspace, startTestApp } from '../tests/support/harness';

const flag = (name: string, fallback: number) => {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return raw === undefined ? fallback : Number(raw);
};
const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

/**
 * `npm run bench -- periodic`: the 5-minute trigger pass (with the demo playbook's usage-drop
 * rule) and the nightly health pass on Postgres, over a book of --accounts=520 accounts and
 * --events=100000 usage events spread over 60 days (a tenth of the scale run's book), next to
 * the usage aggregation they ran before the daily rollup (a scan of the events of two windows).
 */
export async function benchPeriodicPasses() {
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
  const accounts = flag('accounts', 520);
  const events = flag('events', 100_000);
  const t = await startTestApp({ CANDOR_RUN_JOBS: 'false' });
  try {
    const ws = await createTestWorkspace(t, 'Bench Co');
    await sql`
      insert into accounts (workspace_id, external_id, name, attributes, health_reasons)
      select ${ws.id}::uuid, 'a' || i, 'Account ' || i, '{}'::jsonb, '[]'::jsonb from generate_series(1, ${accounts}) i`.execute(
      t.deps.db,
    );
    const seeding = await timed(() =>
      sql`
        insert into events (workspace_id, account_id, name, properties, occurred_at)
        select ${ws.id}::uuid, ids[1 + i % ${accounts}], (array['login', 'report_run', 'export_run'])[1 + i % 3],
               '{}'::jsonb, now() - ((i * 7919) % (60 * 86400)) * interval '1 second'
        from generate_series(1, ${events}) i,
             (select array_agg(id order by external_id) as ids from accounts where workspace_id = ${ws.id}::uuid) a`.execute(
        t.deps.db,
      ),
    );
    await sql`analyze`.execute(t.deps.db);
    await installDemoTriggers(t.deps, ws);

    const firstTriggerPass = await timed(() => evaluatePeriodicTriggers(t.deps));
    const steadyTriggerPass = await timed(() => evaluatePeriodicTriggers(t.deps));
    const firstHealth = await timed(() => recomputeAllHealth(t.deps));
    const steadyHealth = await timed(() => recomputeAllHealth(t.deps));
    // The next night, with no new event: both usage windows slid by a day.
    const today = t.deps.now();
    t.deps.now = () => new Date(today.getTime() + 86_400_000);
    let nextNight: Awaited<ReturnType<typeof recomputeAllHealth>> | undefined;
    const nextNightHealth = await timed(async () => {
      nextNight = await recomputeAllHealth(t.deps);
    });
    // What each pass's usage read cost before the rollup: two windows of events, counted.
    const scan = await timed(() =>
      sql`
        select account_id, count(*) filter (where occurred_at >= now() - interval '30 days') as recent,
               count(*) filter (where occurred_at < now() - interval '30 days') as previous
        from events where workspace_id = ${ws.id}::uuid and occurred_at >= now() - interval '60 days'
          and occurred_at <= now() and account_id is not null
          and name not in ('csm_touch', 'meeting_scheduled', 'account.state_changed')
        group by account_id`.execute(t.deps.db),
    );
    const rollup = await timed(() =>
      sql`
        select account_id, sum(usage_events) filter (where day > current_date - 30) as recent,
               sum(usage_events) filter (where day <= current_date - 30) as previous
        from account_daily_usage where workspace_id = ${ws.id}::uuid and day > current_date - 60
        group by account_id`.execute(t.deps.db),
    );
    console.log(
      `\nPeriodic passes, Postgres: ${accounts} accounts, ${events.toLocaleString()} usage events over 60 days (seeded in ${ms(seeding)}, rollup kept by the insert trigger)`,
    );
    console.log(
      `  5-minute trigger pass (demo playbook): first ${ms(firstTriggerPass)}, steady ${ms(steadyTriggerPass)}`,
    );
    console.log(`  nightly health pass: first ${ms(firstHealth)}, steady ${ms(steadyHealth)}`);
    console.log(`  nightly health pass the next day: ${ms(nextNightHealth)}, ${JSON.stringify(nextNight)}`);
    console.log(`  usage of two 30-day windows: from the rollup ${ms(rollup)}; counting events (before) ${ms(scan)}`);
  } finally {
    await t.close();
  }
}
