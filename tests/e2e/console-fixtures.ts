import { randomUUID } from 'node:crypto';
import type { AppDeps } from '@candor/api/app-deps';
import { tenant } from '@candor/api/db/tenant';

export const XSS_ANSWER = 'Honestly <img src=x onerror=window.__xss=1> the exports keep timing out on us.';
export const PRICE_QUOTE = 'the price went up 30% and we are not using half of it';
export const EXPANSION_QUOTE = 'the support team wants 15 more seats next quarter';

/**
 * What the interview engine and synthesis would have written for a few demo accounts:
 * completed interviews with messages and quoted signals (one answer carries an XSS
 * payload), an at-risk account with reasons and a cited renewal brief, a review item
 * for the given member, and an outbox email whose HTML tries to run script.
 */
export async function addConsoleFixtures(deps: AppDeps, workspaceId: string, memberId: string) {
  const ws = { id: workspaceId };
  const t = tenant(deps.db, ws);
  const accounts = await t.selectFrom('accounts').select(['id', 'name']).orderBy('name').limit(3).execute();
  const guide = await t
    .selectFrom('guides')
    .innerJoin('guide_versions', 'guide_versions.guide_id', 'guides.id')
    .select(['guides.id as guide_id', 'guide_versions.id as version_id'])
    .orderBy('guides.name')
    .limit(1)
    .executeTakeFirstOrThrow();
  const now = deps.now();
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);

  const interviews: { id: string; accountId: string; customerMessageIds: string[]; churnSignalId: string }[] = [];
  for (const [i, account] of accounts.entries()) {
    const contact = await t
      .selectFrom('contacts')
      .select('id')
      .where('account_id', '=', account.id)
      .orderBy('external_id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const id = randomUUID();
    await t
      .insertInto('interviews')
      .values({
        id,
        guide_id: guide.guide_id,
        guide_version_id: guide.version_id,
        account_id: account.id,
        contact_id: contact.id,
        channel: i === 0 ? 'email' : 'in_app',
        status: 'completed',
        mode: i === 2 ? 'scripted' : 'ai',
        state: {},
        cost_micros: 0,
        invited_at: ago(i + 2),
        started_at: ago(i + 2),
        ended_at: ago(i + 2),
        last_activity_at: ago(i + 2),
      })
      .execute();
    const answers = [`Renewal is coming and ${PRICE_QUOTE}.`, XSS_ANSWER, `On the bright side ${EXPANSION_QUOTE}.`];
    const ids: string[] = [];
    let seq = 0;
    for (const [n, answer] of answers.entries()) {
      await t
        .insertInto('messages')
        .values({ interview_id: id, seq: seq++, role: 'interviewer', text: `Question ${n + 1}: how is it going?` })
        .execute();
      const mid = randomUUID();
      ids.push(mid);
      await t
        .insertInto('messages')
        .values({ id: mid, interview_id: id, seq: seq++, role: 'customer', text: answer, client_id: randomUUID() })
        .execute();
    }
    const [churn] = await t
      .insertInto('signals')
      .values([
        {
          interview_id: id,
          account_id: account.id,
          contact_id: contact.id,
          kind: 'churn_risk',
          value: { level: 'high', reasons: ['price_value'] },
          quote: PRICE_QUOTE,
          message_id: ids[0]!,
          confidence: 0.9,
          source: 'rules',
        },
        {
          interview_id: id,
          account_id: account.id,
          contact_id: contact.id,
          kind: 'feature_request',
          value: { summary: 'Faster exports' },
          quote: 'the exports keep timing out',
          message_id: ids[1]!,
          confidence: 0.8,
          source: 'rules',
        },
        {
          interview_id: id,
          account_id: account.id,
          contact_id: contact.id,
          kind: 'expansion_intent',
          value: { kind: 'seats', size: '15 seats', timing: 'next quarter' },
          quote: EXPANSION_QUOTE,
          message_id: ids[2]!,
          confidence: 0.85,
          source: 'rules',
        },
      ])
      .returning('id')
      .execute();
    interviews.push({ id, accountId: account.id, customerMessageIds: ids, churnSignalId: churn!.id });
  }

  const atRisk = accounts[0]!;
  const cited = interviews[0]!;
  await t
    .updateTable('accounts')
    .set({
      health_state: 'at_risk',
      health_reasons: [
        {
          code: 'churn_risk_high',
          text: 'High churn risk in a recent interview',
          evidence: {
            signal_id: cited.churnSignalId,
            interview_id: cited.id,
            message_id: cited.customerMessageIds[0]!,
            quote: PRICE_QUOTE,
          },
        },
      ],
    })
    .where('id', '=', atRisk.id)
    .execute();
  const first = interviews[0]!;
  await t
    .insertInto('briefs')
    .values({
      kind: 'renewal',
      subject_id: atRisk.id,
      version: 1,
      status: 'ready',
      mode: 'rules',
      content: {
        sections: [
          {
            heading: 'Risks',
            items: [
              {
                text: 'Price is seen as out of line with value.',
                quote: PRICE_QUOTE,
                interview_id: first.id,
                message_id: first.customerMessageIds[0]!,
              },
            ],
          },
        ],
        generated_at: new Date().toISOString(),
        signals_used: 1,
      },
    })
    .execute();
  await t
    .insertInto('review_items')
    .values({
      account_id: atRisk.id,
      kind: 'churn_risk',
      reason: 'A churn-risk interview flagged high risk.',
      evidence: [],
      assignee_member_id: memberId,
    })
    .execute();
  await deps.db
    .insertInto('outbox_emails')
    .values({
      workspace_id: workspaceId,
      kind: 'invitation',
      to_address: 'ada@acme.example',
      from_address: 'Candor <interviews@candor.localhost>',
      subject: 'Two minutes to tell us how it is going?',
      html: '<h1>Hi Ada</h1><p>We would love your view.</p><script>window.parent.__outboxXss = 1</script>',
      text: 'Hi Ada. We would love your view.',
      headers: {},
      transport: 'outbox',
    })
    .execute();
  return { atRisk, interviews };
}
