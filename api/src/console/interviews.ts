import { listQuery } from '@candor/shared';
import { sql } from 'kysely';
import { z } from 'zod';
import { notFound } from '../app-error';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { notPreviewContact } from '../guides/preview-contact';
import { describeSignal } from '../guides/signal-label';

export const INTERVIEWS_PAGE_SIZE = 50;
export const interviewListQuery = listQuery({
  status: z.enum(['invited', 'started', 'completed', 'abandoned', 'expired', 'declined']).optional(),
  account: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type InterviewListQuery = z.infer<typeof interviewListQuery>;

function interviewRows(db: Db, ws: Ws) {
  return tenant(db, ws)
    .selectFrom('interviews')
    .innerJoin('guides', 'guides.id', 'interviews.guide_id')
    .leftJoin('contacts', 'contacts.id', 'interviews.contact_id')
    .leftJoin('accounts', 'accounts.id', 'interviews.account_id');
}

const listColumns = [
  'interviews.id',
  'interviews.status',
  'interviews.mode',
  'interviews.channel',
  'interviews.account_id',
  'interviews.invited_at',
  'interviews.started_at',
  'interviews.ended_at',
  'guides.name as guide_name',
  'contacts.name as contact_name',
  'contacts.email as contact_email',
  'accounts.name as account_name',
] as const;

/** One page of interviews, newest invitation first, with how many signals each produced. */
export async function listInterviews(db: Db, ws: Ws, q: InterviewListQuery) {
  // Guide previews are an admin trying a guide, not a customer conversation.
  let base = tenant(db, ws).selectFrom('interviews').where(notPreviewContact(ws, 'interviews.contact_id'));
  if (q.status) base = base.where('interviews.status', '=', q.status);
  if (q.account) base = base.where('interviews.account_id', '=', q.account);
  let rows = interviewRows(db, ws).where(notPreviewContact(ws, 'interviews.contact_id'));
  if (q.status) rows = rows.where('interviews.status', '=', q.status);
  if (q.account) rows = rows.where('interviews.account_id', '=', q.account);
  const [items, total] = await Promise.all([
    rows
      .select(listColumns)
      .select(
        sql<string>`(select count(*) from signals s where s.interview_id = interviews.id and s.workspace_id = interviews.workspace_id)`.as(
          'signal_count',
        ),
      )
      .orderBy('interviews.invited_at', 'desc')
      .orderBy('interviews.id')
      .limit(INTERVIEWS_PAGE_SIZE)
      .offset((q.page - 1) * INTERVIEWS_PAGE_SIZE)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((r) => ({ ...toRow(r), signal_count: Number(r.signal_count) })),
    total: Number(total.n),
    page: q.page,
    page_size: INTERVIEWS_PAGE_SIZE,
  };
}

type RowIn = {
  invited_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
  guide_name: string;
  contact_name: string | null;
  contact_email: string | null;
  account_name: string | null;
};
function toRow<T extends RowIn>(r: T) {
  return {
    ...r,
    invited_at: r.invited_at.toISOString(),
    started_at: r.started_at?.toISOString() ?? null,
    ended_at: r.ended_at?.toISOString() ?? null,
  };
}

/** An interview's messages in order and its signals, each pointing at the message it quotes. */
export async function getTranscript(db: Db, ws: Ws, interviewId: string) {
  if (!isUuid(interviewId)) throw notFound('Interview');
  const t = tenant(db, ws);
  const interview = await interviewRows(db, ws)
    .leftJoin('guide_versions', 'guide_versions.id', 'interviews.guide_version_id')
    .select(listColumns)
    .select(['guide_versions.version as guide_version', 'interviews.transcript_erased_at', 'interviews.language'])
    .where('interviews.id', '=', interviewId)
    .executeTakeFirst();
  if (!interview) throw notFound('Interview');
  const [messages, signals] = await Promise.all([
    t
      .selectFrom('messages')
      .select(['id', 'seq', 'role', 'text', 'created_at', 'decision'])
      .where('interview_id', '=', interviewId)
      .orderBy('seq')
      .execute(),
    t
      .selectFrom('signals')
      .innerJoin('messages', 'messages.id', 'signals.message_id')
      .select([
        'signals.id',
        'signals.kind',
        'signals.value',
        'signals.quote',
        'signals.message_id',
        'signals.confidence',
        'signals.source',
        'signals.corrected_at',
      ])
      .where('signals.interview_id', '=', interviewId)
      // In the order the customer said them.
      .orderBy('messages.seq')
      .orderBy('signals.kind')
      .execute(),
  ]);
  return {
    interview: {
      ...toRow(interview),
      signal_count: signals.length,
      transcript_erased_at: interview.transcript_erased_at?.toISOString() ?? null,
      language: interview.language,
    },
    messages: messages.map((m) => ({ ...m, created_at: m.created_at.toISOString() })),
    signals: signals.map((s) => ({
      id: s.id,
      kind: s.kind,
      label: describeSignal(s.kind, s.value),
      value: s.value,
      corrected: s.corrected_at !== null,
      quote: s.quote,
      message_id: s.message_id,
      confidence: Number(s.confidence),
      source: s.source,
    })),
  };
}
