import { type Moment, moments, type TriggerHow } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { chooseInterviewLanguage } from '../interviews/interview-language';
import { loadGuideVersion } from '../interviews/interview-store';
import { interviewLink } from '../interviews/invite-contact';
import { queueEmail } from '../mail/send-email';
import { renderInvitationEmail } from '../mail/templates/invitation-email';
import { listUnsubscribeHeaders, unsubscribeUrl } from '../mail/unsubscribe';
import { emailSendTime } from './fatigue';
import { type InvitationSettings, loadInvitationSettings } from './workspace-settings';

const DAY = 86_400_000;

/** What the invitation-email job does for one interview. */
export type InvitationEmailKind = 'reminder' | 'unseen';

/**
 * Email side of an invitation: an email invitation goes out now (after quiet hours) with
 * one reminder later; an in-app invitation that stays unseen gets the email after N days.
 */
export async function scheduleInvitationEmail(
  deps: AppDeps,
  ws: Ws,
  interviewId: string,
  how: TriggerHow,
  settings: InvitationSettings,
): Promise<void> {
  if (how.channel === 'email') {
    await sendInvitationEmail(deps, ws, interviewId, false, settings);
    await deps.jobs.send(
      'invitation-email',
      { workspaceId: ws.id, interviewId, kind: 'reminder' },
      { startAfter: new Date(deps.now().getTime() + settings.reminder_days * DAY) },
    );
  } else if (how.channel === 'in_app_then_email') {
    await deps.jobs.send(
      'invitation-email',
      { workspaceId: ws.id, interviewId, kind: 'unseen' },
      { startAfter: new Date(deps.now().getTime() + how.email_after_days * DAY) },
    );
  }
}

/** The delayed half: a reminder if still not started, or the email for an unseen in-app invitation. */
export async function runInvitationEmailJob(
  deps: AppDeps,
  job: { workspaceId: string; interviewId: string; kind: InvitationEmailKind },
): Promise<void> {
  const ws = { id: job.workspaceId };
  const interview = await tenant(deps.db, ws)
    .selectFrom('interviews')
    .select(['status', 'shown_at'])
    .where('id', '=', job.interviewId)
    .executeTakeFirst();
  if (interview?.status !== 'invited') return; // started, finished or declined meanwhile
  const settings = await loadInvitationSettings(deps.db, ws);
  if (job.kind === 'reminder') {
    await sendInvitationEmail(deps, ws, job.interviewId, true, settings);
  } else if (!interview.shown_at) {
    await scheduleInvitationEmail(deps, ws, job.interviewId, { channel: 'email' }, settings);
  }
}

/** Renders and queues the invitation (or reminder) email for one interview; no address, no email. */
export async function sendInvitationEmail(
  deps: AppDeps,
  ws: Ws,
  interviewId: string,
  reminder: boolean,
  settings: InvitationSettings,
): Promise<string | undefined> {
  const row = await tenant(deps.db, ws)
    .selectFrom('interviews')
    .innerJoin('contacts', 'contacts.id', 'interviews.contact_id')
    .innerJoin('guides', 'guides.id', 'interviews.guide_id')
    .select([
      'interviews.id',
      'interviews.expires_at',
      'interviews.guide_version_id',
      'contacts.id as contact_id',
      'contacts.email',
      'contacts.name',
      'contacts.timezone',
      'contacts.locale',
      'contacts.opted_out_at',
      'guides.moment',
    ])
    .where('interviews.id', '=', interviewId)
    .executeTakeFirst();
  if (!row?.email || row.opted_out_at) return undefined;
  const unsubscribe = unsubscribeUrl(deps, ws.id, row.contact_id);
  const moment = (moments as readonly string[]).includes(row.moment) ? (row.moment as Moment) : 'health_pulse';
  const guide = await loadGuideVersion(deps.db, ws, row.guide_version_id);
  // The email speaks the language the interview will open in (no browser to ask yet).
  const language = chooseInterviewLanguage({
    languagePolicy: guide.language_policy,
    contactLocale: row.locale,
    browserLocale: null,
    workspaceDefault: settings.default_language,
  });
  const email = await renderInvitationEmail({
    product: settings.name,
    moment,
    contactName: row.name,
    url: await interviewLink(deps, ws, row),
    unsubscribeUrl: unsubscribe,
    reminder,
    language,
  });
  return queueEmail(deps, {
    workspaceId: ws.id,
    kind: reminder ? 'invitation_reminder' : 'invitation',
    to: row.email,
    ...email,
    headers: listUnsubscribeHeaders(unsubscribe),
    sendAt: emailSendTime(deps.now(), row.timezone, settings.fatigue.quiet_hours),
  });
}
