import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import type { FatigueContext } from './fatigue';
import type { InvitationSettings } from './workspace-settings';

const DAY = 86_400_000;

/**
 * What the fatigue rules need to know about inviting one contact to one guide: the
 * contact's history, the account's interviews in the budget period and its last CSM touch.
 * Undefined when the contact does not exist in the workspace.
 */
export async function loadFatigueContext(
  deps: Pick<AppDeps, 'db'>,
  ws: Ws,
  offer: { guideId: string; channel: FatigueContext['channel'] },
  contactId: string,
  settings: InvitationSettings,
  now: Date,
): Promise<{ fatigue: FatigueContext; accountId: string | null } | undefined> {
  const t = tenant(deps.db, ws);
  const contact = await t
    .selectFrom('contacts')
    .select(['id', 'account_id', 'email', 'opted_out_at'])
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact) return undefined;
  const history = await t
    .selectFrom('interviews')
    .select(['guide_id', 'invited_at'])
    .where('contact_id', '=', contactId)
    .orderBy('invited_at', 'desc')
    .limit(100)
    .execute();
  let accountInterviews = 0;
  let lastTouch: Date | null = null;
  if (contact.account_id) {
    const since = new Date(now.getTime() - settings.fatigue.account_budget.days * DAY);
    const counted = await t
      .selectFrom('interviews')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', contact.account_id)
      .where('invited_at', '>', since)
      .executeTakeFirstOrThrow();
    accountInterviews = Number(counted.n);
    const touch = await t
      .selectFrom('events')
      .select('occurred_at')
      .where('account_id', '=', contact.account_id)
      .where('name', '=', 'csm_touch')
      .orderBy('occurred_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    lastTouch = touch?.occurred_at ?? null;
  }
  return {
    accountId: contact.account_id,
    fatigue: {
      now,
      guideId: offer.guideId,
      channel: offer.channel,
      contact: { optedOutAt: contact.opted_out_at, email: contact.email },
      contactHistory: history.map((h) => ({ guideId: h.guide_id, invitedAt: h.invited_at })),
      accountInterviewsInBudget: accountInterviews,
      lastCsmTouchAt: lastTouch,
    },
  };
}
