import { randomUUID } from 'node:crypto';
import { tenant } from '@candor/api/db/tenant';
import type { StoredInterviewState } from '@candor/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { createTestWorkspace, readJson, startTestApp, type TestApp } from '../support/harness';
import { runJob } from '../support/jobs';

const DAY = 86_400_000;
const OLD_ANSWER = 'Our champion Priya Raman left and the price went up 30% for us.';
const NEW_ANSWER = 'The new dashboards save my team two hours a week.';

/** One interview with what synthesis copies around it: messages, signals, a review item, a health reason, a brief line, a webhook. */
async function addInterview(t: TestApp, ws: { id: string }, daysAgo: number, answer: string, quote: string) {
  const db = tenant(t.deps.db, ws);
  const at = new Date(Date.now() - daysAgo * DAY);
  const account = await db
    .insertInto('accounts')
    .values({ external_id: `acct-${randomUUID()}`, name: `Account ${daysAgo}d`, attributes: {}, health_reasons: [] })
    .returning('id')
    .executeTakeFirstOrThrow();
  const contact = await db
    .insertInto('contacts')
    .values({ external_id: `c-${randomUUID()}`, account_id: account.id, name: 'Ada', attributes: {} })
    .returning('id')
    .executeTakeFirstOrThrow();
  const guide = await db
    .selectFrom('guides')
    .innerJoin('guide_versions', 'guide_versions.guide_id', 'guides.id')
    .select(['guides.id', 'guide_versions.id as version_id'])
    .limit(1)
    .executeTakeFirstOrThrow();
  const interview = await db
    .insertInto('interviews')
    .values({
      guide_id: guide.id,
      guide_version_id: guide.version_id,
      account_id: account.id,
      contact_id: contact.id,
      channel: 'in_app',
      status: 'completed',
      mode: 'ai',
      // Words in the engine's working state, which retention must clear with the rest.
      state: { answers: [answer] } as StoredInterviewState,
      cost_micros: 1234,
      prompt_tokens: 100,
      completion_tokens: 20,
      invited_at: at,
      started_at: at,
      ended_at: at,
      last_activity_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const customer = randomUUID();
  await db
    .insertInto('messages')
    .values([
      { interview_id: interview.id, seq: 1, role: 'interviewer', text: 'Hi Ada, how is it going?', mode: 'scripted' },
      { id: customer, interview_id: interview.id, seq: 2, role: 'customer', text: answer, client_id: randomUUID() },
      { interview_id: interview.id, seq: 3, role: 'interviewer', text: `You said "${quote}". Thanks!`, mode: 'ai' },
    ])
    .execute();
  const evidence = { interview_id: interview.id, message_id: customer, quote };
  const [risk] = await db
    .insertInto('signals')
    .values([
      {
        interview_id: interview.id,
        account_id: account.id,
        contact_id: contact.id,
        kind: 'churn_risk',
        value: { level: 'high', reasons: ['price_value'] },
        quote,
        message_id: customer,
        confidence: 0.9,
        source: 'ai',
        created_at: at,
      },
      {
        interview_id: interview.id,
        account_id: account.id,
        contact_id: contact.id,
        kind: 'stakeholder',
        value: { name: 'Priya Raman', role: 'VP Operations', champion_change: true },
        quote,
        message_id: customer,
        confidence: 0.8,
        source: 'ai',
        created_at: at,
      },
    ])
    .returning('id')
    .execute();
  await db
    .updateTable('accounts')
    .set({
      health_reasons: [
        { code: 'churn_risk_high', text: 'High churn risk', evidence: { ...evidence, signal_id: risk!.id } },
      ],
    })
    .where('id', '=', account.id)
    .execute();
  await db
    .insertInto('review_items')
    .values({ account_id: account.id, kind: 'churn_risk', reason: 'Risk', evidence: [evidence] })
    .execute();
  await db
    .insertInto('briefs')
    .values({
      kind: 'renewal',
      subject_id: account.id,
      version: 1,
      status: 'ready',
      mode: 'rules',
      content: {
        sections: [{ heading: 'Risks', items: [{ text: 'Price', ...evidence }] }],
        generated_at: at.toISOString(),
        signals_used: 1,
      },
    })
    .execute();
  const endpoint = await db
    .insertInto('webhook_endpoints')
    .values({ url: 'https://hooks.example.com/x', secret: 'whsec_x', event_types: ['interview.completed'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('webhook_deliveries')
    .values({
      endpoint_id: endpoint.id,
      event_type: 'interview.completed',
      payload: {
        type: 'interview.completed',
        timestamp: at.toISOString(),
        data: { interview_id: interview.id, signals: [{ quote }] },
      },
      status: 'delivered',
      attempts: 1,
      last_status_code: 200,
      created_at: at,
    })
    .execute();
  return { interviewId: interview.id, accountId: account.id, endpointId: endpoint.id };
}

describe('transcript retention', () => {
  let t: TestApp;
  let ws: { id: string };
  let keeper: { id: string };
  let admin: ReturnType<typeof consoleCall>;
  let old: Awaited<ReturnType<typeof addInterview>>;
  let recent: Awaited<ReturnType<typeof addInterview>>;
  let otherOld: Awaited<ReturnType<typeof addInterview>>;

  beforeAll(async () => {
    t = await startTestApp();
    ws = { id: (await createTestWorkspace(t, 'Retention Co')).id };
    keeper = { id: (await createTestWorkspace(t, 'Keeps Everything Co')).id };
    admin = consoleCall(t, (await signIn(t, ws.id, 'admin@retention.example', 'admin')).cookie);
    old = await addInterview(t, ws, 200, OLD_ANSWER, 'the price went up 30%');
    recent = await addInterview(t, ws, 10, NEW_ANSWER, 'save my team two hours');
    otherOld = await addInterview(t, keeper, 400, OLD_ANSWER, 'the price went up 30%');
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const snapshot = async ({ interviewId, accountId, endpointId }: Awaited<ReturnType<typeof addInterview>>) => {
    const db = t.deps.db;
    return {
      interview: await db
        .selectFrom('interviews')
        .select(['status', 'mode', 'state', 'cost_micros', 'prompt_tokens', 'transcript_erased_at'])
        .where('id', '=', interviewId)
        .executeTakeFirstOrThrow(),
      messages: await db
        .selectFrom('messages')
        .select(['seq', 'role', 'text'])
        .where('interview_id', '=', interviewId)
        .orderBy('seq')
        .execute(),
      signals: await db
        .selectFrom('signals')
        .select(['kind', 'value', 'quote'])
        .where('interview_id', '=', interviewId)
        .orderBy('kind')
        .execute(),
      health: (
        await db.selectFrom('accounts').select('health_reasons').where('id', '=', accountId).executeTakeFirstOrThrow()
      ).health_reasons,
      review: (
        await db
          .selectFrom('review_items')
          .select('evidence')
          .where('account_id', '=', accountId)
          .executeTakeFirstOrThrow()
      ).evidence,
      brief: (
        await db.selectFrom('briefs').select('content').where('subject_id', '=', accountId).executeTakeFirstOrThrow()
      ).content,
      delivery: await db
        .selectFrom('webhook_deliveries')
        .select(['payload', 'status', 'last_status_code'])
        .where('endpoint_id', '=', endpointId)
        .execute(),
    };
  };

  it('does nothing while retention is off', async () => {
    const before = await snapshot(old);
    await runJob(t, 'erase-expired-transcripts', {});
    expect(await snapshot(old)).toEqual(before);
  });

  it('erases the words of interviews older than the period and keeps the counts', async () => {
    const recentBefore = await snapshot(recent);
    const keeperBefore = await snapshot(otherOld);
    expect((await admin('PATCH', '/settings/workspace', { retention_days: 90 })).status).toBe(200);
    await runJob(t, 'erase-expired-transcripts', {});

    const after = await snapshot(old);
    // Gone: every word, the working state, the quotes and the stakeholder's name.
    expect(after.messages).toEqual([
      { seq: 1, role: 'interviewer', text: '' },
      { seq: 2, role: 'customer', text: '' },
      { seq: 3, role: 'interviewer', text: '' },
    ]);
    expect(after.interview.state).toEqual({});
    expect(after.signals).toEqual([
      { kind: 'churn_risk', value: { level: 'high', reasons: ['price_value'] }, quote: '' },
      { kind: 'stakeholder', value: { name: null, role: 'VP Operations', champion_change: true }, quote: '' },
    ]);
    expect(JSON.stringify([after.health, after.review, after.brief, after.delivery])).not.toContain('price went up');
    expect(after.delivery).toEqual([
      expect.objectContaining({
        status: 'delivered',
        last_status_code: 200,
        payload: expect.objectContaining({ erased: true }),
      }),
    ]);
    // Kept: the interview with its status, mode, usage; one row per message; each signal's kind and value.
    expect(after.interview).toMatchObject({ status: 'completed', mode: 'ai', prompt_tokens: 100 });
    expect(Number(after.interview.cost_micros)).toBe(1234);
    expect(after.interview.transcript_erased_at).not.toBeNull();

    // Recent interviews and workspaces without a retention period are untouched.
    expect(await snapshot(recent)).toEqual(recentBefore);
    expect((await snapshot(recent)).messages[1]?.text).toBe(NEW_ANSWER);
    expect(await snapshot(otherOld)).toEqual(keeperBefore);
    expect(keeperBefore.messages[1]?.text).toBe(OLD_ANSWER);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor', 'details'])
      .where('workspace_id', '=', ws.id)
      .where('action', '=', 'retention.erased')
      .execute();
    expect(audit).toEqual([
      {
        actor: 'system',
        details: expect.objectContaining({
          interviews: 1,
          messages: 3,
          signals: 2,
          briefs: 1,
          webhook_deliveries: 1,
          retention_days: 90,
        }),
      },
    ]);
  });

  it('shows the erased transcript as erased in the console and still counts it', async () => {
    const transcript = await readJson(await admin('GET', `/interviews/${old.interviewId}`));
    expect(transcript.interview.transcript_erased_at).toEqual(expect.any(String));
    expect(transcript.messages.map((m: { text: string }) => m.text)).toEqual(['', '', '']);
    const list = await readJson(await admin('GET', '/interviews'));
    expect(list.total).toBe(2);
    const overview = await readJson(await admin('GET', '/settings'));
    expect(overview.retention).toMatchObject({ erased_interviews: 1, last_run: { interviews: 1 } });
  });

  it('runs again without doing anything twice', async () => {
    const before = await snapshot(old);
    await runJob(t, 'erase-expired-transcripts', {});
    expect(await snapshot(old)).toEqual(before);
    const audits = await t.deps.db
      .selectFrom('audit_log')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('action', '=', 'retention.erased')
      .execute();
    expect(audits).toHaveLength(1);
  });
});
