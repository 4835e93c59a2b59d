import { churnRiskTemplate } from '@candor/api/guides/templates/churn-risk';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { eventually } from '../support/eventually';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';
import { runJob } from '../support/jobs';

const DAY = 86_400_000;
const PRICE =
  "Honestly it's too expensive for what we get. Our CFO has frozen new spend and we are switching to Acme Analytics next month.";
const ASK =
  'It is too expensive and support never answers. I wish it had a Salesforce sync. We want to upgrade to the enterprise plan in 3 months.';

type SignalRow = {
  kind: string;
  value: { level?: string; reasons?: unknown; kind?: string };
  quote: string;
  feature_key: string | null;
  account_id: string | null;
  created_at: Date;
};

const dayOf = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString()).slice(0, 10);
const countedReasons = (s: SignalRow) =>
  s.kind === 'churn_risk' && Array.isArray(s.value.reasons) && s.value.level !== 'low'
    ? (s.value.reasons as string[]).slice(0, 9)
    : [];
const tally = (into: Record<string, number[]>, key: string, ...add: number[]) => {
  const sums = into[key] ?? add.map(() => 0);
  into[key] = sums.map((n, i) => n + add[i]!);
};

// The daily summaries behind Insights and the portfolio report must say what a direct count over
// the signals says, after every kind of write: extraction, backdating, corrections, retention, erasure.
describe(`Signal summaries follow every signal write (${databaseKind})`, () => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let carol: ReturnType<typeof consoleCall>;
  const interviews: Record<string, string> = {};

  const signals = async () =>
    (await t.deps.db
      .selectFrom('signals')
      .select(['kind', 'value', 'quote', 'feature_key', 'account_id', 'created_at'])
      .where('workspace_id', '=', seeded.ws.id)
      .execute()) as SignalRow[];

  /** What each summary should hold, worked out in code from the signals themselves. */
  function expectedSummaries(rows: SignalRow[]) {
    const kinds: Record<string, number[]> = {};
    const reasons: Record<string, number[]> = {};
    const features: Record<string, number[]> = {};
    const expansion: Record<string, number[]> = {};
    for (const s of rows) {
      if (!s.account_id) continue;
      const day = dayOf(new Date(s.created_at));
      const given = countedReasons(s);
      tally(kinds, `${day}|${s.kind}|${s.account_id}`, 1, given.length > 0 ? 1 : 0);
      for (const r of given) tally(reasons, `${day}|${r}|${s.account_id}`, 1, s.quote !== '' ? 1 : 0);
      if (s.kind === 'feature_request') tally(features, `${day}|${s.feature_key}|${s.account_id}`, 1);
      if (s.kind === 'expansion_intent') tally(expansion, `${day}|${s.account_id}|${s.value.kind ?? null}`, 1);
    }
    return { kinds, reasons, features, expansion };
  }

  async function storedSummaries() {
    const db = t.deps.db;
    const ws = seeded.ws.id;
    const kinds: Record<string, number[]> = {};
    const reasons: Record<string, number[]> = {};
    const features: Record<string, number[]> = {};
    const expansion: Record<string, number[]> = {};
    for (const r of await db.selectFrom('signal_days').selectAll().where('workspace_id', '=', ws).execute())
      kinds[`${dayOf(r.day)}|${r.kind}|${r.account_id}`] = [r.signals, r.churn_reasoned];
    for (const r of await db.selectFrom('churn_reason_days').selectAll().where('workspace_id', '=', ws).execute())
      reasons[`${dayOf(r.day)}|${r.reason}|${r.account_id}`] = [r.signals, r.quoted];
    for (const r of await db.selectFrom('feature_request_days').selectAll().where('workspace_id', '=', ws).execute())
      features[`${dayOf(r.day)}|${r.feature_key}|${r.account_id}`] = [r.signals];
    for (const r of await db.selectFrom('expansion_days').selectAll().where('workspace_id', '=', ws).execute())
      expansion[`${dayOf(r.day)}|${r.account_id}|${r.expansion_kind}`] = [r.signals];
    return { kinds, reasons, features, expansion };
  }

  /** The summaries, Insights and the portfolio report all agree with a direct count; returns that count. */
  async function expectSummariesMatchSignals() {
    const rows = await signals();
    expect(await storedSummaries()).toEqual(expectedSummaries(rows));

    const byKind: Record<string, number> = {};
    const byReason: Record<string, number> = {};
    const quotedByReason: Record<string, number> = {};
    for (const s of rows) {
      byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
      for (const r of countedReasons(s)) {
        byReason[r] = (byReason[r] ?? 0) + 1;
        quotedByReason[r] = (quotedByReason[r] ?? 0) + (s.quote !== '' ? 1 : 0);
      }
    }
    const insights = await readJson(await carol('GET', '/insights'));
    expect(
      Object.fromEntries(insights.signal_counts.map((c: { kind: string; count: number }) => [c.kind, c.count])),
    ).toEqual(byKind);
    expect(
      Object.fromEntries(insights.churn_reasons.map((c: { reason: string; count: number }) => [c.reason, c.count])),
    ).toEqual(byReason);

    const key = seeded.ws.secret_key;
    const report = await readJson(await t.request('/v1/reports/portfolio?mode=rules', { token: key }));
    // The expansion pipeline: per account and kind in the report, per account on Insights.
    const pipeline: Record<string, number> = {};
    for (const s of rows)
      if (s.kind === 'expansion_intent' && s.account_id) {
        const entry = `${s.account_id}|${s.value.kind}`;
        pipeline[entry] = (pipeline[entry] ?? 0) + 1;
      }
    expect(
      Object.fromEntries(
        report.expansion_pipeline.map((e: { account: { id: string }; kind: string; signals: number }) => [
          `${e.account.id}|${e.kind}`,
          e.signals,
        ]),
      ),
    ).toEqual(pipeline);
    expect(insights.expansion.items.reduce((n: number, e: { signals: number }) => n + e.signals, 0)).toBe(
      byKind.expansion_intent ?? 0,
    );
    expect(
      Object.fromEntries(report.churn_reasons.map((c: { reason: string; count: number }) => [c.reason, c.count])),
    ).toEqual(byReason);
    // Every signal here is from the last few days, so each reason's weeks add up to its count.
    const weeksOf = (weekly: { count?: number; signals?: number }[]) =>
      weekly.reduce((n, w) => n + (w.count ?? w.signals ?? 0), 0);
    for (const c of [...report.churn_reasons, ...insights.churn_reasons]) expect(weeksOf(c.weekly)).toBe(c.count);
    expect(report.feature_requests.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBe(
      byKind.feature_request ?? 0,
    );
    for (const [reason, quoted] of Object.entries(quotedByReason)) {
      const page = await readJson(
        await t.request(`/v1/reports/portfolio/churn-reasons/${reason}/quotes`, { token: key }),
      );
      expect(page.total).toBe(quoted);
    }
    return { byKind, byReason };
  }

  async function interview(userId: string, first: string) {
    const id = (await invite(t, seeded.ws, seeded.guideId, 'in_app', userId)).id;
    const { token } = await identify(t, seeded.ws, userId);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
    let status = 'started';
    for (let i = 0; status === 'started' && i < 8; i++)
      status =
        (await answer(t, id, token, `a${i}`, i === 0 ? first : longAnswer('reporting'))).done?.status ?? 'started';
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    seeded = await seedWorkspace(t, churnRiskTemplate.body);
    await t.deps.db
      .insertInto('contacts')
      .values({
        workspace_id: seeded.ws.id,
        account_id: seeded.accountId,
        external_id: 'u_7',
        name: 'Grace Hopper',
        email: 'grace@acme.io',
        attributes: {},
      })
      .execute();
    carol = consoleCall(t, (await signIn(t, seeded.ws.id, 'carol@vendor.io', 'admin')).cookie);
    interviews.ada = await interview('u_42', PRICE);
    interviews.grace = await interview('u_7', ASK);
    await eventually(async () => {
      const kinds = new Set((await signals()).map((s) => s.kind));
      return kinds.has('churn_risk') && kinds.has('feature_request');
    }, 30_000);
    for (const id of Object.values(interviews))
      await runJob(t, 'extract-interview', { workspaceId: seeded.ws.id, interviewId: id });
  }, 180_000);
  afterAll(() => t?.close());

  it('counts extracted signals, including on whole days of the past', async () => {
    const counted = await expectSummariesMatchSignals();
    expect(counted.byKind.churn_risk).toBeGreaterThan(0);
    expect(counted.byKind.feature_request).toBeGreaterThan(0);
    expect(counted.byKind.expansion_intent).toBeGreaterThan(0);
    // Grace spoke two days ago: her signals move to that day's summary rows.
    await sql`update signals set created_at = created_at - interval '2 days' where interview_id = ${interviews.grace!}`.execute(
      t.deps.db,
    );
    const days = await t.deps.db
      .selectFrom('signal_days')
      .select('day')
      .distinct()
      .where('workspace_id', '=', seeded.ws.id)
      .execute();
    expect(days.length).toBe(2);
    await expectSummariesMatchSignals();
  });

  it('follows a CSM changing and dismissing signals', async () => {
    const { signals: list } = await readJson(await carol('GET', `/interviews/${interviews.ada}`));
    const churn = list.filter((s: { kind: string }) => s.kind === 'churn_risk');
    expect(churn.length).toBeGreaterThan(0);
    const changed = await carol('POST', `/signals/${churn[0].id}/corrections`, {
      action: 'change',
      kind: 'churn_risk',
      value: { level: 'high', reasons: ['support_experience', 'adoption_onboarding'] },
    });
    expect(changed.status).toBe(201);
    const after = await expectSummariesMatchSignals();
    expect(after.byReason.adoption_onboarding).toBeGreaterThan(0);
    const low = await carol('POST', `/signals/${churn[0].id}/corrections`, {
      action: 'change',
      kind: 'churn_risk',
      value: { level: 'low', reasons: ['adoption_onboarding'] },
    });
    expect(low.status).toBe(201);
    expect((await expectSummariesMatchSignals()).byReason.adoption_onboarding).toBeUndefined();
    const feature = list.find((s: { kind: string }) => s.kind !== 'churn_risk');
    expect((await carol('POST', `/signals/${feature.id}/corrections`, { action: 'dismiss' })).status).toBe(201);
    await expectSummariesMatchSignals();

    // Another kind of expansion moves the signal to another pipeline entry.
    const grace = (await readJson(await carol('GET', `/interviews/${interviews.grace}`))).signals;
    const expansion = grace.find((s: { kind: string }) => s.kind === 'expansion_intent');
    expect(expansion.value.kind).toBe('plan_upgrade');
    const seats = await carol('POST', `/signals/${expansion.id}/corrections`, {
      action: 'change',
      kind: 'expansion_intent',
      value: { kind: 'seats', size: '20 seats', timing: null },
    });
    expect(seats.status).toBe(201);
    await expectSummariesMatchSignals();
    const kinds = await t.deps.db
      .selectFrom('expansion_days')
      .select('expansion_kind')
      .where('workspace_id', '=', seeded.ws.id)
      .execute();
    expect(kinds.map((k) => k.expansion_kind)).toEqual(['seats']);
  });

  it("follows retention erasing old quotes and erasure removing a person's signals", async () => {
    await t.deps.db
      .updateTable('interviews')
      .set({ last_activity_at: new Date(Date.now() - 200 * DAY) })
      .where('id', '=', interviews.grace!)
      .execute();
    expect((await carol('PATCH', '/settings/workspace', { retention_days: 90 })).status).toBe(200);
    await runJob(t, 'erase-expired-transcripts', {});
    const rows = await signals();
    expect(rows.some((s) => s.quote === '')).toBe(true);
    await expectSummariesMatchSignals();

    const before = (await signals()).length;
    const erased = await t.request('/v1/contacts/u_7', { method: 'DELETE', token: seeded.ws.secret_key });
    expect(erased.status).toBeLessThan(300);
    expect((await signals()).length).toBeLessThan(before);
    const left = await expectSummariesMatchSignals();
    expect(left.byKind.feature_request).toBeUndefined();
    expect(left.byKind.expansion_intent).toBeUndefined();
  });

  it('follows signals written and deleted straight in the database', async () => {
    const [message] = await t.deps.db
      .selectFrom('messages')
      .select('id')
      .where('interview_id', '=', interviews.ada!)
      .where('role', '=', 'customer')
      .limit(1)
      .execute();
    await t.deps.db
      .insertInto('signals')
      .values(
        ['seats', 'seats', 'plan_upgrade'].map((kind, i) => ({
          workspace_id: seeded.ws.id,
          interview_id: interviews.ada!,
          account_id: seeded.accountId,
          kind: 'expansion_intent' as const,
          value: { kind, size: null, timing: null },
          quote: 'We will add seats.',
          message_id: message!.id,
          source: 'rules' as const,
          created_at: new Date(Date.now() - i * DAY),
        })),
      )
      .execute();
    expect((await expectSummariesMatchSignals()).byKind.expansion_intent).toBe(3);
    // Deleting the interview takes its signals with it (a cascade, not a statement on signals).
    await t.deps.db.deleteFrom('interviews').where('id', '=', interviews.ada!).execute();
    expect((await signals()).length).toBe(0);
    await expectSummariesMatchSignals();
  });
});
