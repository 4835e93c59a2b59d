import type { FatigueSettings, SkipReason, TriggerInput } from '@candor/shared';

const DAY = 86_400_000;

/** What the fatigue rules need to know about one candidate invitation. */
export type FatigueContext = {
  now: Date;
  guideId: string;
  channel: 'in_app' | 'email' | 'in_app_then_email';
  contact: { optedOutAt: Date | null; email: string | null };
  /** The contact's earlier interviews (any guide, any channel), newest first. */
  contactHistory: { guideId: string; invitedAt: Date }[];
  /** Interviews of the contact's account within the budget period, any contact and channel. */
  accountInterviewsInBudget: number;
  /** The account's latest `csm_touch` event, if any. */
  lastCsmTouchAt: Date | null;
};

/**
 * The one place fatigue rules are enforced: returns the first rule that blocks this
 * invitation, or null when it may go out. Per-trigger throttles override the workspace's.
 */
export function checkFatigue(
  ctx: FatigueContext,
  settings: FatigueSettings,
  throttle: TriggerInput['throttle'] = {},
): SkipReason | null {
  if (ctx.contact.optedOutAt) return 'opted_out';
  if (ctx.channel === 'email' && !ctx.contact.email) return 'no_email';

  const oncePerGuide = throttle.once_per_guide ?? settings.once_per_guide;
  if (oncePerGuide && ctx.contactHistory.some((h) => h.guideId === ctx.guideId)) return 'already_asked_guide';

  const recontactDays = throttle.recontact_days ?? settings.recontact_days;
  const last = ctx.contactHistory[0];
  if (last && ctx.now.getTime() - last.invitedAt.getTime() < recontactDays * DAY) return 'recontact_window';

  if (ctx.accountInterviewsInBudget >= settings.account_budget.max) return 'account_budget';

  if (ctx.lastCsmTouchAt && ctx.now.getTime() - ctx.lastCsmTouchAt.getTime() < settings.csm_touch_backoff_days * DAY)
    return 'csm_touch_backoff';

  return null;
}

/**
 * When an email may be sent: now, or the end of the quiet hours in the contact's time zone.
 * Quiet hours defer an email rather than skip it; in-app invitations are never deferred.
 */
export function emailSendTime(now: Date, timeZone: string | null, quiet: FatigueSettings['quiet_hours']): Date {
  if (!quiet || quiet.start_hour === quiet.end_hour) return now;
  const hour = localHour(now, timeZone ?? 'UTC');
  const inQuiet =
    quiet.start_hour < quiet.end_hour
      ? hour >= quiet.start_hour && hour < quiet.end_hour
      : hour >= quiet.start_hour || hour < quiet.end_hour;
  if (!inQuiet) return now;
  // Step forward hour by hour (at most a day) to the first hour outside the quiet window:
  // exact across DST changes without a date library.
  const next = new Date(now);
  next.setUTCMinutes(0, 0, 0);
  for (let i = 0; i < 25; i++) {
    next.setTime(next.getTime() + 3_600_000);
    if (localHour(next, timeZone ?? 'UTC') === quiet.end_hour) return next;
  }
  return now;
}

function localHour(at: Date, timeZone: string): number {
  try {
    const h = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(at);
    return Number(h);
  } catch {
    return at.getUTCHours();
  }
}
