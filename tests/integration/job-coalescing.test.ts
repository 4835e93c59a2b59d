import { allJobs } from '@candor/api/all-jobs';
import { startJobs } from '@candor/api/jobs/jobs';
import { recomputeHealth } from '@candor/api/synthesis/account-health';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { createTestWorkspace, databaseKind, startTestApp, type TestApp } from '../support/harness';
import { startBareQueue } from '../support/jobs';
import { recordAnswer } from '../support/signal-fixtures';

// A busy account collects a signal per finished interview, and each finished interview asks
// for its account's health again. One waiting recompute per account is enough: it reads
// every signal stored before it runs.
describe(`health recomputes coalesce per account (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string };
  beforeAll(async () => {
    // Jobs are queued but not worked until the test starts a worker, so the queue can be read.
    t = await startTestApp({ CANDOR_RUN_JOBS: 'false' });
    ws = await createTestWorkspace(t);
  });
  afterAll(() => t?.close());

  let working = false;
  const startWorker = async () => {
    if (working) return;
    working = true;
    await t.deps.jobs.work(t.deps, ['recompute-health']);
  };
  const healthJobs = async (state: string) => {
    const { rows } = await sql<{ key: string | null; n: string }>`
      select singleton_key as key, count(*) as n from pgboss.job
      where name = 'recompute-health' and state = ${state} group by singleton_key order by singleton_key collate "C"`.execute(
      t.deps.db,
    );
    return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
  };
  const newAccount = (externalId: string) =>
    t.deps.db
      .insertInto('accounts')
      .values({ workspace_id: ws.id, external_id: externalId, name: externalId, attributes: {}, health_reasons: [] })
      .returning('id')
      .executeTakeFirstOrThrow();

  // First, before any worker of this file polls the queue it replaces.
  it('moves jobs queued before coalescing onto the coalesced queue, folding repeats', async () => {
    // A database from before: the queue with pg-boss's standard policy, holding repeats.
    const boss = await startBareQueue(t);
    await boss.deleteQueue('recompute-health');
    await boss.createQueue('recompute-health', { policy: 'standard' });
    const old = await newAccount('from-before');
    for (let i = 0; i < 3; i++) await boss.send('recompute-health', { workspaceId: ws.id, accountId: old.id });
    await boss.stop({ graceful: false, close: true });

    const jobs = await startJobs(t.deps.database, t.deps.config, t.deps.log, allJobs);
    try {
      const { rows } = await sql<{ policy: string }>`
        select policy from pgboss.queue where name = 'recompute-health'`.execute(t.deps.db);
      expect(rows[0]?.policy).toBe('stately');
      expect(await healthJobs('created')).toEqual([{ key: `${ws.id}:${old.id}`, n: 1 }]);
    } finally {
      await jobs.stop();
    }
  });

  it('queues one recompute per account for many signals, and the one run leaves health current', async () => {
    const busy = await newAccount('busy');
    const quiet = await newAccount('quiet');
    const sent: (string | null)[] = [];
    for (let i = 0; i < 12; i++) {
      await recordAnswer(t, ws.id, {
        accountId: busy.id,
        text: `Answer ${i}: we are looking at other tools.`,
        signals: [
          { kind: 'churn_risk', value: { level: 'high', reasons: ['price_value'] }, quote: 'looking at other tools' },
        ],
      });
      // What the extraction job sends after storing an interview's signals.
      sent.push(await t.deps.jobs.send('recompute-health', { workspaceId: ws.id, accountId: busy.id }));
    }
    sent.push(await t.deps.jobs.send('recompute-health', { workspaceId: ws.id, accountId: quiet.id }));

    expect(sent.filter(Boolean)).toHaveLength(2);
    const keys = [`${ws.id}:${busy.id}`, `${ws.id}:${quiet.id}`].sort();
    const mine = async (state: string) => (await healthJobs(state)).filter((r) => keys.includes(r.key ?? ''));
    expect(await mine('created')).toEqual(keys.map((key) => ({ key, n: 1 })));

    await startWorker();
    // One run per account: each key completes once.
    await eventually(async () => (await mine('completed')).length === 2 || undefined, 30_000);
    expect(await mine('completed')).toEqual(keys.map((key) => ({ key, n: 1 })));

    expect(await mine('created')).toEqual([]);
    const account = await t.deps.db
      .selectFrom('accounts')
      .select(['health_state', 'health_reasons'])
      .where('id', '=', busy.id)
      .executeTakeFirstOrThrow();
    expect(account.health_state).toBe('at_risk');
    expect(account.health_reasons).toEqual([expect.objectContaining({ code: 'churn_risk_high' })]);
    // Nothing left to change: the single run saw every signal.
    expect(await recomputeHealth(t.deps, ws, [busy.id, quiet.id])).toEqual([]);
  });

  it('leaves health current when a signal arrives while a recompute is queued or running', async () => {
    await startWorker();
    const account = await newAccount('late');
    const first = await t.deps.jobs.send('recompute-health', { workspaceId: ws.id, accountId: account.id });
    expect(first).toBeTruthy();
    // The first job now runs (the worker above is polling); a send while it is queued or
    // running must leave exactly one waiting behind it or none, never lose the request.
    await recordAnswer(t, ws.id, {
      accountId: account.id,
      text: 'Please have someone call me.',
      signals: [{ kind: 'churn_risk', value: { level: 'high', reasons: ['support'] }, quote: 'have someone call me' }],
    });
    await t.deps.jobs.send('recompute-health', { workspaceId: ws.id, accountId: account.id });
    await eventually(async () => {
      const { rows } = await sql<{ n: string }>`
        select count(*) as n from pgboss.job
        where name = 'recompute-health' and state in ('created', 'retry', 'active')`.execute(t.deps.db);
      return Number(rows[0]?.n) === 0 || undefined;
    }, 30_000);
    const row = await t.deps.db
      .selectFrom('accounts')
      .select('health_state')
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(row.health_state).toBe('at_risk');
  });
});
