import type { AppDeps } from '../app-deps';
import { AppError, notFound } from '../app-error';
import { type Tenant, tenant, type Ws } from '../db/tenant';
import { LINK_TOKEN_TTL_DAYS, signLinkToken } from '../widget-auth/tokens';
import { aiInterviewerEnabled } from '../workspaces/workspace-settings';
import { hasOptedOut } from './opt-outs';

export type InviteInput = {
  /** The contact's internal id. */
  contactId: string;
  guideId: string;
  channel: 'in_app' | 'email';
  triggerId?: string | null;
  /** Defaults to LINK_TOKEN_TTL_DAYS from now. */
  expiresAt?: Date;
};

export type Invited = { id: string; status: 'invited'; url: string | null; expires_at: string };
/** An invitation is an outcome, not an error: an opted-out contact is skipped, and the caller decides what that means. */
export type InviteOutcome = Invited | { skipped: 'opted_out' };

/**
 * Invites a contact to a guide: creates the interview at the guide's current version and,
 * for email, the signed link to it. Used by the server API and by triggers. A contact who
 * opted out of this moment is skipped, not invited.
 */
export async function inviteContact(
  deps: Pick<AppDeps, 'db' | 'now' | 'secret' | 'config'>,
  ws: Ws,
  input: InviteInput,
): Promise<InviteOutcome> {
  const t = tenant(deps.db, ws);
  const contact = await t
    .selectFrom('contacts')
    .select(['id', 'account_id'])
    .where('id', '=', input.contactId)
    .executeTakeFirst();
  if (!contact) throw notFound('Contact');
  const guide = await invitableGuide(t, input.guideId);
  if (await hasOptedOut(t, contact.id, guide.moment)) return { skipped: 'opted_out' };

  const now = deps.now();
  const expiresAt = input.expiresAt ?? new Date(now.getTime() + LINK_TOKEN_TTL_DAYS * 86_400_000);
  const row = await t
    .insertInto('interviews')
    .values({
      guide_id: guide.id,
      guide_version_id: guide.version_id,
      contact_id: contact.id,
      account_id: contact.account_id,
      trigger_id: input.triggerId ?? null,
      channel: input.channel,
      mode: (await aiInterviewerEnabled(deps, ws)) ? 'ai' : 'scripted',
      state: {},
      cost_micros: 0,
      invited_at: now,
      last_activity_at: now,
      expires_at: expiresAt,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const url =
    input.channel === 'email'
      ? `${deps.config.publicUrl}/i/${await signLinkToken(deps, ws.id, row.id, expiresAt)}`
      : null;
  return { id: row.id, status: 'invited', url, expires_at: expiresAt.toISOString() };
}

/** Where a skipped invitation can only be refused (an API call that asked for this one contact). */
export function invitedOrRefused(outcome: InviteOutcome): Invited {
  if ('skipped' in outcome) throw new AppError('opted_out', 'This contact has opted out of interviews like this one.');
  return outcome;
}

/** The guide an invitation opens, at its current version; an archived guide invites no one. */
export async function invitableGuide(t: Tenant, guideId: string) {
  const guide = await t
    .selectFrom('guides')
    .innerJoin('guide_versions', (j) =>
      j
        .onRef('guide_versions.guide_id', '=', 'guides.id')
        .onRef('guide_versions.version', '=', 'guides.current_version'),
    )
    .select(['guides.id', 'guides.moment', 'guides.archived_at', 'guide_versions.id as version_id'])
    .where('guides.id', '=', guideId)
    .executeTakeFirst();
  if (!guide || guide.archived_at) throw notFound('Guide');
  return guide;
}

/** A fresh link for an existing interview (the hosted page, or a resend). */
export async function interviewLink(
  deps: Pick<AppDeps, 'now' | 'secret' | 'config'>,
  ws: Ws,
  interview: {
    id: string;
    expires_at: Date | null;
  },
) {
  const expiresAt = interview.expires_at ?? new Date(deps.now().getTime() + LINK_TOKEN_TTL_DAYS * 86_400_000);
  return `${deps.config.publicUrl}/i/${await signLinkToken(deps, ws.id, interview.id, expiresAt)}`;
}
