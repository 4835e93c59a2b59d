import { tenant } from '@candor/api/db/tenant';
import { installDemoTriggers } from '@candor/api/triggers/demo-triggers';
import { type ServerType, serve } from '@hono/node-server';
import { createTestWorkspace, startTestApp } from '../tests/support/harness';
import { benchRateLimits } from './support/bench-rate-limits';

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const USAGE = ['login', 'report_created', 'dashboard_viewed', 'export_run', 'alert_created'];

/**
 * Batched `POST /v1/events` over real HTTP with the demo playbook active: events per
 * second, and how long an event takes to become an in-app invitation (inline for a
 * small request, through the job queue inside a 1,000-event batch). Prints; asserts nothing.
 */
export async function benchTriggerEvents(batches = 40, batchSize = 1000, concurrency = 4) {
  // The goal is stated for real Postgres: use the local server unless told otherwise.
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
  const t = await startTestApp({ CANDOR_RATE_LIMITS: benchRateLimits });
  let server: ServerType | undefined;
  try {
    const ws = await createTestWorkspace(t, 'Bench Co');
    const accounts = 200;
    const perAccount = 5;
    await tenant(t.deps.db, ws)
      .insertInto('accounts')
      .values(
        Array.from({ length: accounts }, (_, a) => ({
          external_id: `a${a}`,
          name: `Account ${a}`,
          attributes: {},
          health_reasons: [],
        })),
      )
      .execute();
    const accountRows = await tenant(t.deps.db, ws).selectFrom('accounts').select(['id', 'external_id']).execute();
    const roles = ['champion', 'admin', 'end user', 'end user', 'economic buyer'];
    await tenant(t.deps.db, ws)
      .insertInto('contacts')
      .values(
        accountRows.flatMap((a) =>
          Array.from({ length: perAccount }, (_, c) => ({
            account_id: a.id,
            external_id: `${a.external_id}-c${c}`,
            email: `${a.external_id}-c${c}@bench.example`,
            role: roles[c]!,
            attributes: {},
          })),
        ),
      )
      .execute();
    const { triggers } = await installDemoTriggers(t.deps, ws);

    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server?.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const post = async (events: object[]) => {
      const res = await fetch(`http://127.0.0.1:${port}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ws.secret_key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
      if (res.status !== 200) throw new Error(`POST /v1/events: ${res.status} ${await res.text()}`);
    };
    const usageEvent = (i: number) => ({
      event: USAGE[i % USAGE.length],
      contact_id: `a${i % accounts}-c${i % perAccount}`,
      properties: { n: i },
    });

    // Throughput: usage events only (they are matched against every event rule and fire none).
    await post(Array.from({ length: batchSize }, (_, i) => usageEvent(i))); // warm-up
    const started = performance.now();
    const latencies: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < batches) {
          const b = next++;
          const s = performance.now();
          await post(Array.from({ length: batchSize }, (_, i) => usageEvent(b * batchSize + i)));
          latencies.push(performance.now() - s);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const total = batches * batchSize;

    // Event → in-app invitation, inline: one matching event per request, as the widget or a server sends it.
    const waitForInvitation = async (externalId: string, since: number) => {
      for (;;) {
        const row = await t.deps.db
          .selectFrom('interviews')
          .innerJoin('contacts', 'contacts.id', 'interviews.contact_id')
          .select('interviews.id')
          .where('contacts.workspace_id', '=', ws.id)
          .where('contacts.external_id', '=', externalId)
          .where('interviews.status', '=', 'invited')
          .executeTakeFirst();
        if (row) return performance.now() - since;
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const inline: number[] = [];
    for (let a = 0; a < 40; a++) {
      const s = performance.now();
      await post([{ event: 'onboarding_completed', contact_id: `a${a}-c0` }]);
      inline.push(await waitForInvitation(`a${a}-c0`, s));
    }
    // …and inside a full batch, where matches go through the job queue.
    const queued: number[] = [];
    for (let round = 0; round < 10; round++) {
      const matching = Array.from({ length: 10 }, (_, k) => `a${40 + round * 10 + k}-c1`);
      const events = Array.from({ length: batchSize }, (_, i) => usageEvent(i));
      matching.forEach((id, k) => {
        events[k * 97] = { event: 'onboarding_completed', contact_id: id, properties: {} } as never;
      });
      const s = performance.now();
      await post(events);
      for (const waited of await Promise.all(matching.map((id) => waitForInvitation(id, s)))) queued.push(waited);
    }

    console.log(
      `\nPOST /v1/events, Postgres, ${triggers} demo trigger rules active, ${accounts * perAccount} contacts`,
    );
    console.log(
      `  throughput: ${Math.round(total / seconds).toLocaleString()} events/s (${total.toLocaleString()} events in ${batches} batches of ${batchSize}, ${concurrency} concurrent requests; goal ≥ 5,000)`,
    );
    console.log(
      `  request time per 1,000-event batch: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`,
    );
    console.log(
      `  event → in-app invitation, single-event request: p50 ${ms(percentile(inline, 50))}, p95 ${ms(percentile(inline, 95))}`,
    );
    console.log(
      `  event → in-app invitation, inside a 1,000-event batch (job queue): p50 ${ms(percentile(queued, 50))}, p95 ${ms(percentile(queued, 95))} (goal p95 ≤ 1 s)`,
    );
  } finally {
    server?.close();
    await t.close();
  }
}
