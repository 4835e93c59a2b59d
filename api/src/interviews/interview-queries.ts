import type { Database } from '@candor/migrations';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { AppError, notFound } from '../app-error';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { notPreviewContact } from '../guides/preview-contact';
import { describeSignal } from '../guides/signal-label';
import { listMessages } from './interview-store';

/** Which interviews a list holds; guide previews never. */
export type InterviewFilter = {
  status?: string;
  /** The server API names accounts and contacts by their external ids… */
  accountExternalId?: string;
  contactExternalId?: string;
  /** …the console names an account by its id. */
  accountId?: string;
};

/** A page after a cursor (the server API), or a numbered page with the total (the console). */
type CursorPaging = { limit: number; cursor?: string };
type NumberedPaging = { page: number; pageSize: number };

/** One listed interview: each surface answers its own subset of it. */
export type InterviewListRow = {
  id: string;
  status: string;
  mode: string;
  channel: string;
  invited_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
  guide_id: string;
  guide_name: string;
  guide_version: number;
  /** Ours and, as the server API names them, the external ids. */
  contact_id: string | null;
  contact_external_id: string | null;
  contact_name: string | null;
  contact_email: string | null;
  account_id: string | null;
  account_external_id: string | null;
  account_name: string | null;
  signal_count: number;
};

type Cursor = { at: string; id: string };

function encodeCursor(c: Cursor) {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof c?.at === 'string' && typeof c?.id === 'string' && !Number.isNaN(Date.parse(c.at))) return c;
  } catch {}
  throw new AppError('invalid_request', 'cursor: not a cursor this API returned');
}

/** Interviews with their guide, its version, contact and account. */
function joined(t: ReturnType<typeof tenant>) {
  return t
    .selectFrom('interviews')
    .innerJoin('guides', 'guides.id', 'interviews.guide_id')
    .innerJoin('guide_versions', 'guide_versions.id', 'interviews.guide_version_id')
    .leftJoin('contacts', 'contacts.id', 'interviews.contact_id')
    .leftJoin('accounts', 'accounts.id', 'interviews.account_id');
}

/** What a list row and the detail both show; each surface answers its own subset. */
const summaryColumns = [
  'interviews.id',
  'interviews.status',
  'interviews.mode',
  'interviews.channel',
  'interviews.invited_at',
  'interviews.started_at',
  'interviews.ended_at',
  'interviews.guide_id',
  'guides.name as guide_name',
  'guide_versions.version as guide_version',
  'interviews.contact_id',
  'contacts.external_id as contact_external_id',
  'contacts.name as contact_name',
  'contacts.email as contact_email',
  'interviews.account_id',
  'accounts.external_id as account_external_id',
  'accounts.name as account_name',
] as const;

function summaryQuery(t: ReturnType<typeof tenant>) {
  return joined(t).select(summaryColumns);
}

/**
 * The workspace's interviews, newest invitation first, with how many signals each produced:
 * one read for the server API (by cursor) and the console (by page, with the total).
 */
export function listInterviews(
  db: Db,
  ws: Ws,
  filter: InterviewFilter,
  paging: NumberedPaging,
): Promise<{ items: InterviewListRow[]; total: number }>;
export function listInterviews(
  db: Db,
  ws: Ws,
  filter: InterviewFilter,
  paging: CursorPaging,
): Promise<{ items: InterviewListRow[]; next_cursor: string | null }>;
export async function listInterviews(
  db: Db,
  ws: Ws,
  filter: InterviewFilter,
  paging: CursorPaging | NumberedPaging,
): Promise<{ items: InterviewListRow[]; total?: number; next_cursor?: string | null }> {
  const t = tenant(db, ws);
  const rows = joined(t)
    .where(matchesFilter(ws, filter))
    .select(summaryColumns)
    .select(
      sql<string>`(select count(*) from signals s where s.interview_id = interviews.id and s.workspace_id = interviews.workspace_id)`.as(
        'signal_count',
      ),
    )
    .orderBy('interviews.invited_at', 'desc');
  const counted = <R extends { signal_count: string }>(r: R) => ({ ...r, signal_count: Number(r.signal_count) });
  if ('page' in paging) {
    const [items, total] = await Promise.all([
      // In the order of `interviews_newest_invitation`, so a page reads its own rows only.
      rows
        .orderBy('interviews.id')
        .limit(paging.pageSize)
        .offset((paging.page - 1) * paging.pageSize)
        .execute(),
      countInterviews(t, ws, filter),
    ]);
    return { items: items.map(counted), total: Number(total.n) };
  }
  let after = rows;
  if (paging.cursor) {
    const c = decodeCursor(paging.cursor);
    after = after.where((eb) =>
      eb.or([
        eb('interviews.invited_at', '<', new Date(c.at)),
        eb.and([eb('interviews.invited_at', '=', new Date(c.at)), eb('interviews.id', '<', c.id)]),
      ]),
    );
  }
  const found = await after
    .orderBy('interviews.id', 'desc')
    .limit(paging.limit + 1)
    .execute();
  const items = found.slice(0, paging.limit);
  const last = items.at(-1);
  return {
    items: items.map(counted),
    next_cursor:
      found.length > paging.limit && last
        ? encodeCursor({ at: new Date(last.invited_at).toISOString(), id: last.id })
        : null,
  };
}

/**
 * A list's filter as one condition on `interviews` alone, so the page and its count say the
 * same. Guide previews are the console's rehearsals, not conversations with customers; the
 * people's own ids are matched without joining them, as interviews already belong to the workspace.
 */
function matchesFilter(ws: Ws, filter: InterviewFilter) {
  return (eb: ExpressionBuilder<Database, 'interviews'>) => {
    const conditions: Expression<SqlBool>[] = [notPreviewContact(ws, 'interviews.contact_id')];
    if (filter.status) conditions.push(eb('interviews.status', '=', filter.status as never));
    if (filter.accountId) conditions.push(eb('interviews.account_id', '=', filter.accountId));
    if (filter.contactExternalId)
      conditions.push(
        eb(
          'interviews.contact_id',
          'in',
          eb.selectFrom('contacts').select('contacts.id').where('contacts.external_id', '=', filter.contactExternalId),
        ),
      );
    if (filter.accountExternalId)
      conditions.push(
        eb(
          'interviews.account_id',
          'in',
          eb.selectFrom('accounts').select('accounts.id').where('accounts.external_id', '=', filter.accountExternalId),
        ),
      );
    return eb.and(conditions);
  };
}

/** How many interviews a numbered list holds, read from `interviews` alone (no joins). */
async function countInterviews(t: ReturnType<typeof tenant>, ws: Ws, filter: InterviewFilter) {
  const q = t.selectFrom('interviews').where(matchesFilter(ws, filter));
  const { n } = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { n };
}

/** An interview as the server API summarises it: accounts and contacts by their external ids. */
export function interviewSummary(
  r: Pick<
    InterviewListRow,
    | 'id'
    | 'status'
    | 'mode'
    | 'channel'
    | 'invited_at'
    | 'started_at'
    | 'ended_at'
    | 'guide_id'
    | 'guide_name'
    | 'guide_version'
    | 'contact_external_id'
    | 'account_external_id'
  >,
) {
  return {
    id: r.id,
    status: r.status,
    mode: r.mode,
    channel: r.channel,
    guide: { id: r.guide_id, name: r.guide_name, version: r.guide_version },
    contact_id: r.contact_external_id,
    account_id: r.account_external_id,
    invited_at: iso(r.invited_at),
    started_at: r.started_at ? iso(r.started_at) : null,
    ended_at: r.ended_at ? iso(r.ended_at) : null,
  };
}

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * One interview as both its answers read it: the row (the summary's columns and the
 * detail's own), its messages in order and its signals in the order the customer said them.
 */
async function readInterview(db: Db, ws: Ws, id: string) {
  if (!isUuid(id)) throw notFound('Interview');
  const t = tenant(db, ws);
  const row = await summaryQuery(t)
    .select([
      'interviews.prompt_tokens',
      'interviews.completion_tokens',
      'interviews.extraction_fallback_reason',
      'interviews.language',
      'interviews.transcript_erased_at',
    ])
    .where('interviews.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Interview');
  const [messages, signals] = await Promise.all([
    listMessages(t, id),
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
        'signals.model',
        'signals.corrected_at',
        'signals.created_at',
      ])
      .where('signals.interview_id', '=', id)
      .orderBy('messages.seq')
      .orderBy('signals.kind')
      .execute(),
  ]);
  return { row, messages, signals };
}

/** One interview with its transcript and the signals extracted from it, as the server API answers it. */
export async function getInterviewDetail(db: Db, ws: Ws, id: string) {
  const { row, messages, signals } = await readInterview(db, ws, id);
  return {
    ...interviewSummary(row),
    language: row.language,
    usage: { prompt_tokens: row.prompt_tokens, completion_tokens: row.completion_tokens },
    extraction: { fallback_reason: row.extraction_fallback_reason },
    messages: messages.map((m) => ({
      id: m.id,
      role: m.role,
      text: m.text,
      mode: m.mode,
      client_id: m.client_id,
      decision: m.decision,
      created_at: iso(m.created_at),
    })),
    // In the order they were extracted.
    signals: signals
      .toSorted((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
      .map((s) => ({
        id: s.id,
        kind: s.kind,
        value: s.value,
        quote: s.quote,
        message_id: s.message_id,
        confidence: s.confidence,
        source: s.source,
        model: s.model,
        created_at: iso(s.created_at),
      })),
  };
}

/**
 * An interview's messages in order and its signals, each pointing at the message it quotes
 * and labelled in words, as the console's transcript shows them.
 */
export async function getTranscript(db: Db, ws: Ws, interviewId: string) {
  const { row, messages, signals } = await readInterview(db, ws, interviewId);
  return {
    interview: {
      id: row.id,
      status: row.status,
      mode: row.mode,
      channel: row.channel,
      account_id: row.account_id,
      guide_name: row.guide_name,
      guide_version: row.guide_version,
      contact_name: row.contact_name,
      contact_email: row.contact_email,
      account_name: row.account_name,
      invited_at: iso(row.invited_at),
      started_at: row.started_at ? iso(row.started_at) : null,
      ended_at: row.ended_at ? iso(row.ended_at) : null,
      signal_count: signals.length,
      transcript_erased_at: row.transcript_erased_at ? iso(row.transcript_erased_at) : null,
      language: row.language,
    },
    messages: messages.map((m) => ({
      id: m.id,
      seq: m.seq,
      role: m.role,
      text: m.text,
      created_at: iso(m.created_at),
      decision: m.decision,
    })),
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
