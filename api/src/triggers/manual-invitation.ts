import type { SkipReason } from '@candor/shared';
import type { manualInvitationBodySchema } from '@candor/shared/console';
import type { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AppError, notFound } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { type Invited, inviteContact } from '../interviews/invite-contact';
import { memberActor, recordAudit } from '../workspaces/audit';
import { checkFatigue } from './fatigue';
import { loadFatigueContext } from './fatigue-context';
import { scheduleInvitationEmail } from './invitation-email';
import { loadInvitationSettings } from './workspace-settings';

export type ManualInvitationInput = z.infer<typeof manualInvitationBodySchema>;

/** Rules no one overrides: an opt-out is the customer's choice, and an email needs an address. */
const hardStops: readonly SkipReason[] = ['opted_out', 'no_email', 'no_contact'];

export type ManualInvitationCheck = {
  /** The fatigue rule that would hold this invitation back, or null when it may go out. */
  blocked_by: SkipReason | null;
  /** Whether a CSM may send it anyway (false for opt-outs and missing email addresses). */
  can_send_anyway: boolean;
};

export type ManualInvitationOutcome =
  | ({ outcome: 'invited'; overrode: SkipReason | null } & { interview: Invited })
  | ({ outcome: 'blocked' } & ManualInvitationCheck);

/** What the fatigue rules say about a CSM inviting this contact now, before anything is sent. */
export async function checkManualInvitation(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  contactId: string,
  offer: Pick<ManualInvitationInput, 'guide_id' | 'channel'>,
): Promise<ManualInvitationCheck> {
  if (!isUuid(contactId)) throw notFound('Contact');
  await requireGuide(deps, ws, offer.guide_id);
  const settings = await loadInvitationSettings(deps.db, ws);
  const ctx = await loadFatigueContext(
    deps,
    ws,
    { guideId: offer.guide_id, channel: offer.channel },
    contactId,
    settings,
    deps.now(),
  );
  if (!ctx) throw notFound('Contact');
  const blocked = checkFatigue(ctx.fatigue, settings.fatigue);
  return { blocked_by: blocked, can_send_anyway: blocked !== null && !hardStops.includes(blocked) };
}

/**
 * A CSM invites one contact from the console. The same fatigue rules as triggers apply; a
 * soft rule (recent contact, account budget, CSM touch) can be overridden knowingly and the
 * override is audited. Recorded as an invitation without a trigger, so it counts as a
 * manual send in the funnel, and email goes out through the triggered path (quiet hours,
 * reminder, unsubscribe).
 */
export async function sendManualInvitation(
  deps: AppDeps,
  ws: Ws,
  memberId: string,
  contactId: string,
  input: ManualInvitationInput,
): Promise<ManualInvitationOutcome> {
  const check = await checkManualInvitation(deps, ws, contactId, input);
  if (check.blocked_by && !(check.can_send_anyway && input.send_anyway)) return { outcome: 'blocked', ...check };

  const interview = await inviteContact(deps, ws, { contactId, guideId: input.guide_id, channel: input.channel });
  // An opt-out from this moment alone is found only here; it is as final as the contact's own.
  if ('skipped' in interview) return { outcome: 'blocked', blocked_by: interview.skipped, can_send_anyway: false };
  const t = tenant(deps.db, ws);
  const contact = await t.selectFrom('contacts').select('account_id').where('id', '=', contactId).executeTakeFirst();
  await t
    .insertInto('invitations')
    .values({
      trigger_id: null,
      guide_id: input.guide_id,
      contact_id: contactId,
      account_id: contact?.account_id ?? null,
      interview_id: interview.id,
      channel: input.channel,
      decision: 'invited',
      skip_reason: null,
      dedupe_key: null,
    })
    .execute();
  if (input.channel === 'email')
    await scheduleInvitationEmail(
      deps,
      ws,
      interview.id,
      { channel: 'email' },
      await loadInvitationSettings(deps.db, ws),
    );
  await recordAudit(deps, ws, {
    actor: memberActor(memberId),
    action: 'interview.invited',
    target: interview.id,
    details: { contact_id: contactId, guide_id: input.guide_id, channel: input.channel, overrode: check.blocked_by },
  });
  return { outcome: 'invited', overrode: check.blocked_by, interview };
}

async function requireGuide(deps: Pick<AppDeps, 'db'>, ws: Ws, guideId: string) {
  const guide = await tenant(deps.db, ws)
    .selectFrom('guides')
    .select('archived_at')
    .where('id', '=', guideId)
    .executeTakeFirst();
  if (!guide) throw notFound('Guide');
  if (guide.archived_at) throw new AppError('guide_archived', 'This guide is archived: restore it or pick another.');
}
