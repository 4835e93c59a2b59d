import { AppError, notFound } from '../app-error';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { notPreviewContact } from '../guides/preview-contact';
import { listMessages } from './interview-store';

export type InterviewFilter = {
  status?: string;
  /** External ids, as the server API speaks them. */
  accountId?: string;
  contactId?: string;
  limit: number;
  cursor?: string;
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

/** An interview with its guide, contact and account: what a list row and the detail both show. */
function summaryQuery(t: ReturnType<typeof tenant>) {
  return t
    .selectFrom('interviews')
    .innerJoin('guides', 'guides.id', 'interviews.guide_id')
    .innerJoin('guide_versions', 'guide_versions.id', 'interviews.guide_version_id')
    .leftJoin('contacts', 'contacts.id', 'interviews.contact_id')
    .leftJoin('accounts', 'accounts.id', 'interviews.account_id')
    .select([
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
      'contacts.external_id as contact_id',
      'accounts.external_id as account_id',
    ]);
}

/** A page of the workspace's interviews, newest first, with the cursor of the next page. */
export async function listInterviews(db: Db, ws: Ws, filter: InterviewFilter) {
  let q = summaryQuery(tenant(db, ws));
  // Guide previews are the console's rehearsals, not conversations with customers.
  q = q.where(notPreviewContact(ws, 'interviews.contact_id'));
  if (filter.status) q = q.where('interviews.status', '=', filter.status as never);
  if (filter.contactId) q = q.where('contacts.external_id', '=', filter.contactId);
  if (filter.accountId) q = q.where('accounts.external_id', '=', filter.accountId);
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    q = q.where((eb) =>
      eb.or([
        eb('interviews.invited_at', '<', new Date(c.at)),
        eb.and([eb('interviews.invited_at', '=', new Date(c.at)), eb('interviews.id', '<', c.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('interviews.invited_at', 'desc')
    .orderBy('interviews.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    data: page.map(summarize),
    next_cursor:
      rows.length > filter.limit && last
        ? encodeCursor({ at: new Date(last.invited_at).toISOString(), id: last.id })
        : null,
  };
}

function summarize(r: {
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
  contact_id: string | null;
  account_id: string | null;
}) {
  return {
    id: r.id,
    status: r.status,
    mode: r.mode,
    channel: r.channel,
    guide: { id: r.guide_id, name: r.guide_name, version: r.guide_version },
    contact_id: r.contact_id,
    account_id: r.account_id,
    invited_at: iso(r.invited_at),
    started_at: r.started_at ? iso(r.started_at) : null,
    ended_at: r.ended_at ? iso(r.ended_at) : null,
  };
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** One interview with its transcript and the signals extracted from it. */
export async function getInterviewDetail(db: Db, ws: Ws, id: string) {
  const t = tenant(db, ws);
  const page = await summaryQuery(t)
    .select([
      'interviews.prompt_tokens',
      'interviews.completion_tokens',
      'interviews.extraction_fallback_reason',
      'interviews.language',
    ])
    .where('interviews.id', '=', id)
    .executeTakeFirst();
  if (!page) throw notFound('Interview');
  const messages = await listMessages(t, id);
  const signals = await t
    .selectFrom('signals')
    .select(['id', 'kind', 'value', 'quote', 'message_id', 'confidence', 'source', 'model', 'created_at'])
    .where('interview_id', '=', id)
    .orderBy('created_at')
    .execute();
  return {
    ...summarize(page),
    language: page.language,
    usage: { prompt_tokens: page.prompt_tokens, completion_tokens: page.completion_tokens },
    extraction: { fallback_reason: page.extraction_fallback_reason },
    messages: messages.map((m) => ({
      id: m.id,
      role: m.role,
      text: m.text,
      mode: m.mode,
      client_id: m.client_id,
      decision: m.decision,
      created_at: iso(m.created_at),
    })),
    signals: signals.map((s) => ({ ...s, created_at: iso(s.created_at) })),
  };
}
