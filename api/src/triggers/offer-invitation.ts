import type { SkipReason } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { AppError } from '../http/errors';
import { inviteContact } from '../interviews/invite-contact';
import { checkFatigue } from './fatigue';
import { loadFatigueContext } from './fatigue-context';
import { isHeldOut } from './holdout';
import { scheduleInvitationEmail } from './invitation-email';
import type { Trigger } from './trigger-store';
import type { InvitationSettings } from './workspace-settings';

export type Offer =
  | { decision: 'invited'; interviewId: string }
  | { decision: 'skipped'; reason: SkipReason }
  | { decision: 'duplicate' };

/** The key that records one decision per trigger, contact and period. */
export const invitationDedupeKey = (triggerId: string, contactId: string, periodKey: string) =>
  `trigger:${triggerId}:${contactId}:${periodKey}`;

/**
 * Which of these decision keys are already recorded, read in slices of 5,000 through the unique
 * index: a periodic pass looks them up at once instead of one query per contact.
 */
export async function decidedKeys(deps: Pick<AppDeps, 'db'>, ws: Ws, keys: string[]): Promise<Set<string>> {
  const decided = new Set<string>();
  for (let i = 0; i < keys.length; i += 5000) {
    const rows = await tenant(deps.db, ws)
      .selectFrom('invitations')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys.slice(i, i + 5000))
      .execute();
    for (const r of rows) if (r.dedupe_key) decided.add(r.dedupe_key);
  }
  return decided;
}

/**
 * Offers one contact an interview for a fired trigger: fatigue rules decide, the decision
 * is recorded once per `periodKey` (a second evaluation of the same period does nothing),
 * and an invited contact gets the interview in-app, by email, or in-app then email.
 */
export async function offerInvitation(
  deps: AppDeps,
  ws: Ws,
  trigger: Trigger,
  contactId: string,
  periodKey: string,
  settings: InvitationSettings,
): Promise<Offer> {
  const t = tenant(deps.db, ws);
  const now = deps.now();
  const dedupeKey = invitationDedupeKey(trigger.id, contactId, periodKey);
  const seen = await t.selectFrom('invitations').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  if (seen) return { decision: 'duplicate' };

  const ctx = await loadFatigueContext(
    deps,
    ws,
    { guideId: trigger.guide_id, channel: trigger.how.channel },
    contactId,
    settings,
    now,
  );
  // The control group is drawn before fatigue, so it is a fair sample of everyone eligible.
  const heldOut = ctx !== undefined && isHeldOut(trigger.id, ctx.accountId ?? contactId, trigger.holdout_percent);
  const reason = !ctx
    ? 'no_contact'
    : heldOut
      ? 'holdout'
      : checkFatigue(ctx.fatigue, settings.fatigue, trigger.throttle);
  const channel = trigger.how.channel === 'email' ? 'email' : 'in_app';
  const claimed = await t
    .insertInto('invitations')
    .values({
      trigger_id: trigger.id,
      guide_id: trigger.guide_id,
      contact_id: ctx ? contactId : null,
      account_id: ctx?.accountId ?? null,
      channel: trigger.how.channel,
      decision: reason ? 'skipped' : 'invited',
      skip_reason: reason,
      dedupe_key: dedupeKey,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!claimed) return { decision: 'duplicate' }; // a concurrent evaluation got there first
  if (reason) return { decision: 'skipped', reason };

  try {
    const invited = await inviteContact(deps, ws, {
      contactId,
      guideId: trigger.guide_id,
      channel,
      triggerId: trigger.id,
    });
    await t.updateTable('invitations').set({ interview_id: invited.id }).where('id', '=', claimed.id).execute();
    await scheduleInvitationEmail(deps, ws, invited.id, trigger.how, settings);
    return { decision: 'invited', interviewId: invited.id };
  } catch (err) {
    // The contact opted out of this moment from the widget: a skip, not a failure.
    if (err instanceof AppError && err.code === 'opted_out') {
      await t
        .updateTable('invitations')
        .set({ decision: 'skipped', skip_reason: 'opted_out' })
        .where('id', '=', claimed.id)
        .execute();
      return { decision: 'skipped', reason: 'opted_out' };
    }
    throw err;
  }
}
