import { crmSettings } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { enabledCrmConnectors } from './connector-store';
import { queueConnectorAction } from './deliver-action';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log'>;

/** A CRM text property holds this much of one answer; HubSpot's limit is 65,536, Salesforce's long text is set per field. */
const MAX_ANSWER_CHARS = 5000;

type MessageRow = { role: string; text: string; decision: { action?: string; topic_index?: unknown } | null };

/**
 * The customer's answers to each topic, in their own words: an interviewer message asks
 * the topic its turn decision names (the opening asks the first), and every customer
 * message answers the question before it. Topics not answered are absent.
 */
export function answersByTopic(topicKeys: readonly string[], messages: readonly MessageRow[]): Map<string, string> {
  const answers = new Map<string, string[]>();
  let topic = 0;
  for (const m of messages) {
    if (m.role === 'interviewer') {
      const index = m.decision?.topic_index;
      if (typeof index === 'number' && m.decision?.action !== 'close') topic = index;
      continue;
    }
    const key = topicKeys[topic];
    const text = m.text.trim();
    if (!key || !text) continue;
    answers.set(key, [...(answers.get(key) ?? []), text]);
  }
  return new Map([...answers].map(([k, v]) => [k, v.join('\n').slice(0, MAX_ANSWER_CHARS)]));
}

/**
 * When an onboarding interview completes, writes its intake answers onto the account's
 * CRM record (HubSpot company, Salesforce account) for each connected CRM that maps topics
 * (`intake_fields`) and knows the record (`attributes.<crm>_id`). Goes through the
 * connector's delivery log with its retries; once per interview and CRM.
 */
export async function queueIntakeFieldWrites(deps: Deps, ws: Ws, interviewId: string): Promise<void> {
  const t = tenant(deps.db, ws);
  const crms = await enabledCrmConnectors(deps.db, ws);
  const mapped = crms.flatMap((c) => {
    const settings = crmSettings.safeParse(c.settings);
    return settings.success && Object.keys(settings.data.intake_fields).length > 0
      ? [{ ...c, intake: settings.data.intake_fields }]
      : [];
  });
  if (mapped.length === 0) return;
  const interview = await t
    .selectFrom('interviews')
    .innerJoin('guides', 'guides.id', 'interviews.guide_id')
    .innerJoin('guide_versions', 'guide_versions.id', 'interviews.guide_version_id')
    .innerJoin('accounts', 'accounts.id', 'interviews.account_id')
    .select(['interviews.status', 'guides.moment', 'guide_versions.definition', 'accounts.attributes'])
    .where('interviews.id', '=', interviewId)
    .executeTakeFirst();
  if (interview?.status !== 'completed' || interview.moment !== 'onboarding') return;
  const topics = interview.definition.topics ?? [];
  const messages = await t
    .selectFrom('messages')
    .select(['role', 'text', 'decision'])
    .where('interview_id', '=', interviewId)
    .orderBy('seq')
    .execute();
  const answers = answersByTopic(
    topics.map((topic) => (typeof topic.key === 'string' ? topic.key : '')),
    messages,
  );
  for (const crm of mapped) {
    const crmId = interview.attributes[`${crm.kind}_id`];
    if (typeof crmId !== 'string') continue;
    const fields: Record<string, string> = {};
    for (const [topic, property] of Object.entries(crm.intake)) {
      const answer = answers.get(topic);
      if (answer) fields[property] = answer;
    }
    if (Object.keys(fields).length === 0) continue;
    await queueConnectorAction(
      deps,
      ws,
      { type: 'crm.account_fields', crm_id: crmId, fields },
      `intake:${interviewId}`,
      crm.id,
    );
  }
}
