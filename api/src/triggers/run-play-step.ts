import type { KindedSignalValue, PlaySignal, PlayStep } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { queueCrmTask, queueSlackCard } from '../connectors/alerts';
import { accountCard } from '../connectors/slack-cards';
import { tenant, type Ws } from '../db/tenant';
import { queueEmail } from '../mail/send-email';
import { sendToEndpoint } from '../webhooks/emit-event';
import { leaveInAppMessage } from './in-app-messages';
import { offerInvitation } from './offer-invitation';
import { resolveRecipients } from './recipients';
import type { Trigger } from './trigger-store';
import { loadInvitationSettings } from './workspace-settings';

export type StepOutcome = {
  outcome: 'done' | 'queued' | 'skipped' | 'failed';
  detail: string | null;
  webhookDeliveryId?: string;
};

export type PlaySignalRow = KindedSignalValue & { quote: string; message_id: string };

/** What a play acts on: the interview, the signal that fired it, and its account and contact. */
export type PlaySubject = {
  interviewId: string;
  signal: PlaySignalRow;
  signalKey: string;
  contact_id: string | null;
  contact_external_id: string | null;
  contact_email: string | null;
  contact_name: string | null;
  account_id: string | null;
  account_external_id: string | null;
  name: string | null;
  plan: string | null;
  arr_cents: string | null;
  renewal_date: string | null;
  owner_email: string | null;
  ae_email: string | null;
  attributes: Record<string, unknown> | null;
};

/** The step being run: its position in the play and its claimed play_steps row. */
type StepRef = { index: number; playStepId: string };

const labels: Record<PlaySignal, string> = {
  churn_risk_high: 'High churn risk',
  expansion_intent: 'Expansion intent',
  wants_human: 'Hand-off requested',
  nps_detractor: 'NPS detractor',
  competitor_named: 'Competitor named',
};

function people(to: 'owner' | 'ae' | 'owner_and_ae', s: PlaySubject): string[] {
  const list = to === 'owner' ? [s.owner_email] : to === 'ae' ? [s.ae_email] : [s.owner_email, s.ae_email];
  return [...new Set(list.filter((e): e is string => !!e))];
}

/** Runs one step of a play for one signal and says how it turned out. */
export async function runPlayStep(
  deps: AppDeps,
  ws: Ws,
  play: Trigger,
  step: PlayStep,
  s: PlaySubject,
  ref: StepRef,
): Promise<StepOutcome> {
  const key = `play:${play.id}:${s.signalKey}:${ref.index}`;
  const signal = (play.when as { signal: PlaySignal }).signal;
  const headline = `${labels[signal]} (${play.name})`;
  if (step.type === 'invite') return inviteStep(deps, ws, play, s);
  if (step.type === 'in_app_message') {
    const recipients = await reachableContacts(deps, ws, play, s);
    if (recipients.length === 0) return { outcome: 'skipped', detail: 'no_contact' };
    let left = 0;
    for (const contactId of recipients)
      if (await leaveInAppMessage(deps.db, ws, { contactId, triggerId: play.id, playStepId: ref.playStepId }, step))
        left++;
    return { outcome: 'done', detail: `left for ${left} contact${left === 1 ? '' : 's'}` };
  }
  if (step.type === 'webhook') {
    const deliveryId = await sendToEndpoint(deps, ws, step.endpoint_id, 'play.fired', playPayload(deps, play, s, ref), {
      key,
    });
    return deliveryId
      ? { outcome: 'queued', detail: null, webhookDeliveryId: deliveryId }
      : { outcome: 'skipped', detail: 'webhook endpoint deleted' };
  }
  if (!s.account_id || !s.name) return { outcome: 'skipped', detail: 'interview has no account' };
  const account = {
    id: s.account_id,
    name: s.name,
    arr_cents: s.arr_cents,
    renewal_date: s.renewal_date,
    owner_email: s.owner_email,
    ae_email: s.ae_email,
    attributes: s.attributes ?? {},
  };
  if (step.type === 'notify') {
    const to = people(step.to, s);
    if (to.length === 0) return { outcome: 'skipped', detail: `no ${step.to.replace(/_/g, ' ')} on the account` };
    if (step.channel === 'slack') {
      const card = accountCard(deps.config.publicUrl, {
        headline,
        account,
        quote: s.signal.quote,
        interviewId: s.interviewId,
      });
      const queued = await queueSlackCard(deps, ws, to, card, key);
      return queued
        ? { outcome: 'queued', detail: to.join(', ') }
        : { outcome: 'skipped', detail: 'Slack is not connected' };
    }
    const link = `${deps.config.publicUrl}/interviews/${s.interviewId}`;
    const text = `${headline}: ${account.name}\n\n“${s.signal.quote}”\n\n${link}`;
    for (const address of to)
      await queueEmail(deps, {
        workspaceId: ws.id,
        kind: 'play_notification',
        to: address,
        subject: `${headline}: ${account.name}`.slice(0, 200),
        text,
        html: `<p>${escapeHtml(`${headline}: ${account.name}`)}</p><blockquote>${escapeHtml(s.signal.quote)}</blockquote><p><a href="${escapeHtml(link)}">Read the interview</a></p>`,
      });
    return { outcome: 'queued', detail: to.join(', ') };
  }
  const owner = step.to === 'ae' ? s.ae_email : s.owner_email;
  const queued = await queueCrmTask(
    deps,
    ws,
    account,
    {
      ownerEmail: owner,
      subject: `${headline}: ${account.name}`,
      body: `“${s.signal.quote}”\n\n${deps.config.publicUrl}/interviews/${s.interviewId}`,
      priority: 'high',
    },
    key,
  );
  return queued
    ? { outcome: 'queued', detail: owner ?? 'unassigned' }
    : { outcome: 'skipped', detail: 'no CRM connected' };
}

async function inviteStep(deps: AppDeps, ws: Ws, play: Trigger, s: PlaySubject): Promise<StepOutcome> {
  const recipients = await resolveRecipients(deps.db, ws, play, { contactId: s.contact_id, accountId: s.account_id });
  if (recipients.length === 0) return { outcome: 'skipped', detail: 'no_contact' };
  const settings = await loadInvitationSettings(deps.db, ws);
  const offers = [];
  for (const contactId of recipients)
    offers.push(await offerInvitation(deps, ws, play, contactId, `signal:${s.signalKey}`, settings));
  const invited = offers.filter((o) => o.decision === 'invited').length;
  const reasons = offers.flatMap((o) => (o.decision === 'skipped' ? [o.reason] : []));
  return invited
    ? { outcome: 'done', detail: `invited ${invited}` }
    : { outcome: 'skipped', detail: reasons[0] ?? 'duplicate' };
}

/** The play's recipients who have not opted out: a message is not pushed on someone who asked for quiet. */
async function reachableContacts(deps: AppDeps, ws: Ws, play: Trigger, s: PlaySubject): Promise<string[]> {
  const ids = await resolveRecipients(deps.db, ws, play, { contactId: s.contact_id, accountId: s.account_id });
  if (ids.length === 0) return [];
  const rows = await tenant(deps.db, ws)
    .selectFrom('contacts')
    .select('id')
    .where('id', 'in', ids)
    .where('opted_out_at', 'is', null)
    .execute();
  const reachable = new Set(rows.map((r) => r.id));
  return ids.filter((id) => reachable.has(id));
}

/**
 * The body of a play's webhook: who (account with its owners and tier, contact), what
 * (the signal and the customer's verbatim quote) and where to read more (console links).
 * Accounts and contacts are named by the customer's own external ids, as everywhere in the API.
 */
export function playPayload(deps: Pick<AppDeps, 'config'>, play: Trigger, s: PlaySubject, ref: StepRef) {
  const base = deps.config.publicUrl;
  return {
    play: { id: play.id, name: play.name, signal: (play.when as { signal: PlaySignal }).signal, step: ref.index },
    account: s.account_external_id
      ? {
          id: s.account_external_id,
          name: s.name,
          plan: s.plan,
          arr_cents: s.arr_cents === null ? null : Number(s.arr_cents),
          renewal_date: s.renewal_date,
          owner_email: s.owner_email,
          ae_email: s.ae_email,
        }
      : null,
    contact: s.contact_external_id ? { id: s.contact_external_id, email: s.contact_email, name: s.contact_name } : null,
    signal: { kind: s.signal.kind, value: s.signal.value, message_id: s.signal.message_id },
    quote: s.signal.quote,
    interview_id: s.interviewId,
    links: {
      interview: `${base}/interviews/${s.interviewId}`,
      account: s.account_id ? `${base}/accounts/${s.account_id}` : null,
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
