import type { ContactView } from '@candor/shared';
import { findContactRow, toContactView } from '../contacts/find-contact';
import type { Tenant } from '../db/tenant';

export type ContactExport = {
  contact: ContactView;
  account: { id: string; name: string } | null;
  events: { event: string; properties: Record<string, unknown>; timestamp: string; message_id: string | null }[];
  interviews: {
    id: string;
    guide_id: string;
    channel: string;
    status: string;
    mode: string;
    invited_at: string;
    started_at: string | null;
    ended_at: string | null;
    messages: { role: string; text: string; created_at: string }[];
  }[];
  signals: { interview_id: string; kind: string; value: Record<string, unknown>; quote: string; created_at: string }[];
  invitations: { guide_id: string; channel: string; decision: string; created_at: string }[];
  in_app_messages: {
    title: string;
    body: string;
    link_url: string;
    link_label: string | null;
    created_at: string;
    shown_at: string | null;
    dismissed_at: string | null;
    clicked_at: string | null;
  }[];
};

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/** Everything held about one person (a subject access request); undefined when no such contact. */
export async function exportContact(t: Tenant, externalId: string): Promise<ContactExport | undefined> {
  const row = await findContactRow(t, externalId);
  if (!row) return undefined;
  const account = row.account_id
    ? await t.selectFrom('accounts').select(['external_id', 'name']).where('id', '=', row.account_id).executeTakeFirst()
    : undefined;
  const events = await t
    .selectFrom('events')
    .select(['name', 'properties', 'occurred_at', 'message_id'])
    .where('contact_id', '=', row.id)
    .orderBy('occurred_at')
    .execute();
  const interviews = await t
    .selectFrom('interviews')
    .select(['id', 'guide_id', 'channel', 'status', 'mode', 'invited_at', 'started_at', 'ended_at'])
    .where('contact_id', '=', row.id)
    .orderBy('invited_at')
    .execute();
  const interviewIds = interviews.map((i) => i.id);
  const messages =
    interviewIds.length === 0
      ? []
      : await t
          .selectFrom('messages')
          .select(['interview_id', 'role', 'text', 'created_at'])
          .where('interview_id', 'in', interviewIds)
          .orderBy('interview_id')
          .orderBy('seq')
          .execute();
  const signals = await t
    .selectFrom('signals')
    .select(['interview_id', 'kind', 'value', 'quote', 'created_at'])
    .where((eb) =>
      interviewIds.length > 0
        ? eb.or([eb('contact_id', '=', row.id), eb('interview_id', 'in', interviewIds)])
        : eb('contact_id', '=', row.id),
    )
    .orderBy('created_at')
    .execute();
  const invitations = await t
    .selectFrom('invitations')
    .select(['guide_id', 'channel', 'decision', 'created_at'])
    .where('contact_id', '=', row.id)
    .orderBy('created_at')
    .execute();
  // Messages plays left for this person: what was shown to them, and whether they acted.
  const inAppMessages = await t
    .selectFrom('in_app_messages')
    .select(['title', 'body', 'link_url', 'link_label', 'created_at', 'shown_at', 'dismissed_at', 'clicked_at'])
    .where('contact_id', '=', row.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

  return {
    contact: toContactView(row),
    account: account ? { id: account.external_id, name: account.name } : null,
    events: events.map((e) => ({
      event: e.name,
      properties: e.properties,
      timestamp: iso(e.occurred_at),
      message_id: e.message_id,
    })),
    interviews: interviews.map((i) => ({
      id: i.id,
      guide_id: i.guide_id,
      channel: i.channel,
      status: i.status,
      mode: i.mode,
      invited_at: iso(i.invited_at),
      started_at: isoOrNull(i.started_at),
      ended_at: isoOrNull(i.ended_at),
      messages: messages
        .filter((m) => m.interview_id === i.id)
        .map((m) => ({ role: m.role, text: m.text, created_at: iso(m.created_at) })),
    })),
    signals: signals.map((s) => ({ ...s, created_at: iso(s.created_at) })),
    invitations: invitations.map((i) => ({ ...i, created_at: iso(i.created_at) })),
    in_app_messages: inAppMessages.map((m) => ({
      ...m,
      created_at: iso(m.created_at),
      shown_at: isoOrNull(m.shown_at),
      dismissed_at: isoOrNull(m.dismissed_at),
      clicked_at: isoOrNull(m.clicked_at),
    })),
  };
}
