import { canonicalTimeZone, type EventInput, isLocale } from '@candor/shared';
import { z } from 'zod';
import { resolveAccountIds } from '../accounts/find-account';
import { type AccountUpsert, upsertAccounts } from '../accounts/upsert-accounts';
import type { AppDeps } from '../app-deps';
import { type ContactUpsert, upsertContacts } from '../contacts/upsert-contacts';
import { retryTransaction } from '../db/retry-transaction';
import { tenant, type Ws } from '../db/tenant';
import { onEventsRecorded } from '../events/on-events-recorded';
import { recordEvents } from '../events/record-events';
import type { SegmentMessage, SegmentResult } from './segment-payload';

type Identify = Extract<SegmentMessage, { type: 'identify' }>;
type Group = Extract<SegmentMessage, { type: 'group' }>;
type Track = Extract<SegmentMessage, { type: 'track' }>;

/**
 * Applies Segment calls in one transaction: groups (accounts) first, then identifies and
 * group memberships (contacts), then tracks (events), so a batch that introduces a user
 * and their events in any order lands linked.
 */
export async function ingestSegment(deps: AppDeps, ws: Ws, messages: SegmentMessage[]): Promise<SegmentResult> {
  const identifies = messages.filter((m): m is Identify & { userId: string } => m.type === 'identify' && !!m.userId);
  const groups = messages.filter((m): m is Group => m.type === 'group');
  const tracks = messages.filter((m): m is Track & { userId: string } => m.type === 'track' && !!m.userId);
  const ignored = messages.length - identifies.length - groups.length - tracks.length;

  const { recorded, duplicates } = await retryTransaction(deps.db, async (trx) => {
    const t = tenant(trx, ws);
    if (groups.length > 0) {
      const known = await resolveAccountIds(
        t,
        groups.map((g) => g.groupId),
      );
      await upsertAccounts(
        t,
        groups.map((g) => toAccount(g, known.has(g.groupId))),
      );
    }
    const contacts: ContactUpsert[] = [
      ...identifies.map(toContact),
      ...groups.flatMap((g) => (g.userId ? [{ id: g.userId, account_id: g.groupId }] : [])),
    ];
    if (contacts.length > 0) await upsertContacts(t, contacts);
    if (tracks.length === 0) return { recorded: [], duplicates: 0 };
    // A track's account is context.groupId when Candor knows it; an unknown one is not an error here.
    const accounts = await resolveAccountIds(
      t,
      tracks.flatMap((m) => (m.context?.groupId ? [m.context.groupId] : [])),
    );
    const events: EventInput[] = tracks.map((m) => {
      const groupId = m.context?.groupId;
      return {
        event: m.event,
        contact_id: m.userId,
        ...(groupId && accounts.has(groupId) ? { account_id: groupId } : {}),
        ...(m.properties ? { properties: m.properties } : {}),
        ...(m.timestamp ? { timestamp: m.timestamp } : {}),
        ...(m.messageId ? { message_id: m.messageId } : {}),
      };
    });
    const { result, recorded } = await recordEvents(t, events, deps.now());
    return { recorded, duplicates: result.duplicates };
  });
  if (recorded.length > 0) await onEventsRecorded(deps, ws, recorded);
  return {
    success: true,
    identified: identifies.length,
    grouped: groups.length,
    tracked: recorded.length,
    duplicates,
    ignored,
  };
}

const email = z.email().max(320);

/** Segment's reserved traits go to columns; the rest are kept as attributes. */
function toContact(m: Identify & { userId: string }): ContactUpsert {
  const { email: mail, name, firstName, lastName, title, role, ...rest } = m.traits ?? {};
  const fullName = str(name) ?? ([str(firstName), str(lastName)].filter(Boolean).join(' ') || undefined);
  const validEmail = email.safeParse(mail).success ? (mail as string) : undefined;
  const timezone = str(m.context?.timezone);
  const locale = str(m.context?.locale);
  return {
    id: m.userId,
    ...(validEmail ? { email: validEmail } : {}),
    ...(fullName ? { name: fullName.slice(0, 200) } : {}),
    ...((str(title) ?? str(role)) ? { role: (str(title) ?? str(role))?.slice(0, 200) } : {}),
    ...(timezone && canonicalTimeZone(timezone) ? { timezone: canonicalTimeZone(timezone) } : {}),
    ...(locale && isLocale(locale) ? { locale } : {}),
    // A malformed email is kept as sent rather than lost.
    attributes: mail !== undefined && !validEmail ? { ...rest, email: mail } : rest,
  };
}

/**
 * A group's traits: `name`, `plan` (or `tier`), `arr` (whole units), `owner_email` (CSM) and
 * `ae_email` (sales owner) are columns, the rest attributes. A malformed email stays an attribute.
 */
function toAccount(m: Group, exists: boolean): AccountUpsert {
  const { name, plan, tier, arr, owner_email, ae_email, ...rest } = m.traits ?? {};
  const owner = emailTrait(owner_email);
  const ae = emailTrait(ae_email);
  if (owner_email !== undefined && !owner) rest.owner_email = owner_email;
  if (ae_email !== undefined && !ae) rest.ae_email = ae_email;
  if (tier !== undefined && str(plan)) rest.tier = tier;
  const planName = str(plan) ?? str(tier);
  // A group call without a name must not rename a known account to its id.
  const accountName = str(name)?.slice(0, 200) ?? (exists ? undefined : m.groupId);
  return {
    id: m.groupId,
    ...(accountName ? { name: accountName } : {}),
    ...(planName ? { plan: planName.slice(0, 100) } : {}),
    ...(owner ? { owner_email: owner } : {}),
    ...(ae ? { ae_email: ae } : {}),
    ...(typeof arr === 'number' && arr >= 0 && arr <= 1e12 ? { arr } : {}),
    attributes: rest,
  };
}

function emailTrait(value: unknown): string | undefined {
  const s = str(value);
  return s && s.length <= 320 && z.email().safeParse(s).success ? s : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
