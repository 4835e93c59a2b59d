import type { HealthReason } from '@candor/shared';
import { sql } from 'kysely';
import { notFound } from '../app-error';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { topUsageEvents, usageWindows } from '../events/daily-usage';
import { describeSignal, humanizeKey } from '../guides/signal-label';
import { USAGE_WINDOW_DAYS } from './account-health';
import { consoleSections } from './brief-sections';
import { failedAttemptSince } from './brief-versions';
import { ratingReport } from './rating-report';
import { loadStakeholderMap } from './stakeholder-map';

const TIMELINE_LIMIT = 60;
/** One account with its health reasons, contacts, stakeholder map, recent timeline and latest renewal brief. */
export async function getAccountDetail(db: Db, ws: Ws, accountId: string, at: Date) {
  if (!isUuid(accountId)) throw notFound('Account');
  const t = tenant(db, ws);
  const account = await t.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
  if (!account) throw notFound('Account');

  const [ratings, contacts, events, interviews, signals, brief, usage, topUsage, stakeholders] = await Promise.all([
    ratingReport(db, ws, { now: at, days: 365, accountId }),
    t
      .selectFrom('contacts')
      .select(['id', 'external_id', 'name', 'email', 'role', 'opted_out_at'])
      .where('account_id', '=', accountId)
      .orderBy('name')
      .limit(200)
      .execute(),
    t
      .selectFrom('events')
      .select(['id', 'name', 'occurred_at', 'properties'])
      .where('account_id', '=', accountId)
      .orderBy('occurred_at', 'desc')
      .limit(TIMELINE_LIMIT)
      .execute(),
    t
      .selectFrom('interviews')
      .innerJoin('guides', 'guides.id', 'interviews.guide_id')
      .leftJoin('contacts', 'contacts.id', 'interviews.contact_id')
      .select([
        'interviews.id',
        'interviews.status',
        'interviews.invited_at',
        'interviews.started_at',
        'guides.name as guide_name',
        'contacts.name as contact_name',
        'contacts.email as contact_email',
      ])
      .where('interviews.account_id', '=', accountId)
      .orderBy('interviews.invited_at', 'desc')
      .limit(TIMELINE_LIMIT)
      .execute(),
    t
      .selectFrom('signals')
      .select(['id', 'kind', 'value', 'quote', 'interview_id', 'created_at'])
      .where('account_id', '=', accountId)
      .orderBy('created_at', 'desc')
      .limit(TIMELINE_LIMIT)
      .execute(),
    t
      .selectFrom('briefs')
      .select([
        'id',
        'version',
        'status',
        'mode',
        'content',
        'created_at',
        'model',
        'prompt_version',
        'fallback_reason',
      ])
      .where('kind', '=', 'renewal')
      .where('status', '=', 'ready')
      .where('subject_id', '=', accountId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst(),
    // The same usage figures (and the same definition of usage) as the health rules read.
    usageWindows(t, at, USAGE_WINDOW_DAYS, [accountId]),
    topUsageEvents(t, accountId, at, USAGE_WINDOW_DAYS),
    loadStakeholderMap(db, ws, accountId, at),
  ]);

  const timeline = [
    ...events.map((e) => ({
      kind: 'event' as const,
      id: e.id,
      at: e.occurred_at.toISOString(),
      title: e.name,
      detail: summarizeProperties(e.properties),
      interview_id: null,
    })),
    ...interviews.map((i) => ({
      kind: 'interview' as const,
      id: i.id,
      at: (i.started_at ?? i.invited_at).toISOString(),
      title: `${i.guide_name} with ${i.contact_name ?? i.contact_email ?? 'a contact'} (${i.status})`,
      detail: null,
      interview_id: i.id,
    })),
    ...signals.map((s) => ({
      kind: 'signal' as const,
      id: s.id,
      at: s.created_at.toISOString(),
      title: `${humanizeKey(s.kind)}: ${describeSignal(s.kind, s.value)}`,
      detail: s.quote,
      interview_id: s.interview_id,
    })),
  ]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, TIMELINE_LIMIT);

  // What the brief does not know yet: answers that came in after it was written.
  const [newAnswers, failedAttempt] = brief
    ? await Promise.all([
        t
          .selectFrom('interviews')
          .select(sql<string>`count(*)`.as('n'))
          .where('account_id', '=', accountId)
          .where('status', 'in', ['completed', 'abandoned'])
          .where('ended_at', '>', brief.created_at)
          .executeTakeFirstOrThrow(),
        failedAttemptSince(db, ws, 'renewal', accountId, brief.version),
      ])
    : [{ n: '0' }, null];

  return {
    account: {
      id: account.id,
      external_id: account.external_id,
      name: account.name,
      arr_cents: account.arr_cents === null ? null : Number(account.arr_cents),
      plan: account.plan,
      renewal_date: account.renewal_date,
      owner_email: account.owner_email,
      ae_email: account.ae_email,
      health_state: account.health_state,
      last_touch_at: account.last_touch_at?.toISOString() ?? null,
      lifecycle_stage: account.lifecycle_stage,
      health_reasons: account.health_reasons.map(healthReasonView),
    },
    contacts: contacts.map((c) => ({
      id: c.id,
      external_id: c.external_id,
      name: c.name,
      email: c.email,
      role: c.role,
      opted_out: c.opted_out_at !== null,
    })),
    stakeholders,
    timeline,
    // The account's scores over the last year: headline per scale, per week, and the low ones' reasons.
    ratings: { overall: ratings.overall, weekly: ratings.weekly, detractor_reasons: ratings.detractor_reasons },
    usage: {
      last_30d: usage.get(accountId)?.recent ?? 0,
      previous_30d: usage.get(accountId)?.previous ?? 0,
      top: topUsage,
    },
    brief: brief
      ? {
          id: brief.id,
          version: brief.version,
          status: brief.status,
          mode: brief.mode,
          model: brief.model,
          prompt_version: brief.prompt_version,
          fallback_reason: brief.fallback_reason,
          created_at: brief.created_at.toISOString(),
          sections: consoleSections(brief.content.sections),
          new_answers: Number(newAnswers.n),
          failed_attempt: failedAttempt,
        }
      : null,
  };
}

/** A health reason as the console lists it: what it says and the customer's words it rests on. */
const healthReasonView = (r: HealthReason) => ({
  label: r.text,
  detail: null,
  quote: r.evidence?.quote ?? null,
  interview_id: r.evidence?.interview_id ?? null,
  message_id: r.evidence?.message_id ?? null,
});

function summarizeProperties(props: Record<string, unknown>): string | null {
  const parts = Object.entries(props ?? {})
    .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${String(v).slice(0, 60)}`);
  return parts.length ? parts.join(' · ') : null;
}
