import type { PlaySignal, PlayStep } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { queueCrmTask, queueSlackCard } from '../connectors/alerts';
import { accountCard } from '../connectors/slack-cards';
import { tenant, type Ws } from '../db/tenant';
import { queueEmail } from '../mail/send-email';
import { offerInvitation } from './offer-invitation';
import { resolveRecipients } from './recipients';
import { listTriggers, type Trigger } from './trigger-store';
import { loadInvitationSettings } from './workspace-settings';

type SignalRow = { kind: string; value: unknown; quote: string; message_id: string };
type Outcome = { outcome: 'done' | 'queued' | 'skipped' | 'failed'; detail: string | null };

/** Which play signal a stored signal is, if any. */
export function playSignalOf(kind: string, value: unknown): PlaySignal | null {
  if (kind === 'churn_risk') return (value as { level?: unknown } | null)?.level === 'high' ? 'churn_risk_high' : null;
  if (kind === 'expansion_intent') return 'expansion_intent';
  if (kind === 'wants_human') return 'wants_human';
  if (kind === 'competitor') return 'competitor_named';
  return null;
}

/** The signals the workspace's enabled plays act on; their default alerts give way to the play. */
export async function signalsWithPlays(deps: Pick<AppDeps, 'db'>, ws: Ws): Promise<Set<PlaySignal>> {
  const rows = await tenant(deps.db, ws)
    .selectFrom('triggers')
    .select(sql<PlaySignal>`rule->'when'->>'signal'`.as('signal'))
    .where('enabled', '=', true)
    .where(sql<string>`rule->'when'->>'type'`, '=', 'signal')
    .execute();
  return new Set(rows.map((r) => r.signal));
}

const labels: Record<PlaySignal, string> = {
  churn_risk_high: 'High churn risk',
  expansion_intent: 'Expansion intent',
  wants_human: 'Hand-off requested',
  competitor_named: 'Competitor named',
};

/**
 * Runs the workspace's plays for an interview's signals: every enabled trigger whose *when*
 * is a signal runs its steps in order for each matching signal. Each step is claimed in
 * play_steps once per signal (re-extraction runs nothing twice) and its outcome recorded.
 */
export async function runSignalPlays(deps: AppDeps, ws: Ws, interviewId: string): Promise<void> {
  const plays = (await listTriggers(deps.db, ws, { enabled: true })).filter((t) => t.when.type === 'signal');
  if (plays.length === 0) return;
  const t = tenant(deps.db, ws);
  const interview = await t
    .selectFrom('interviews')
    .leftJoin('accounts', 'accounts.id', 'interviews.account_id')
    .select([
      'interviews.contact_id',
      'interviews.account_id',
      'accounts.name',
      'accounts.arr_cents',
      'accounts.renewal_date',
      'accounts.owner_email',
      'accounts.ae_email',
      'accounts.attributes',
    ])
    .where('interviews.id', '=', interviewId)
    .executeTakeFirst();
  if (!interview) return;
  const signals: SignalRow[] = await t
    .selectFrom('signals')
    .select(['kind', 'value', 'quote', 'message_id'])
    .where('interview_id', '=', interviewId)
    .orderBy('created_at')
    .execute();
  for (const play of plays) {
    if (play.when.type !== 'signal') continue;
    const wanted = play.when.signal;
    for (const s of signals) {
      if (playSignalOf(s.kind, s.value) !== wanted) continue;
      const signalKey = `${s.kind}:${s.message_id}`;
      for (const [index, step] of play.do.entries()) {
        const claimed = await deps.db
          .insertInto('play_steps')
          .values({
            workspace_id: ws.id,
            trigger_id: play.id,
            step: index,
            step_type: step.type,
            signal_key: signalKey,
            account_id: interview.account_id,
            outcome: 'queued',
          })
          .onConflict((oc) => oc.columns(['trigger_id', 'signal_key', 'step']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!claimed) continue;
        let result: Outcome;
        try {
          result = await runStep(deps, ws, play, step, { interviewId, signal: s, signalKey, index, ...interview });
        } catch (err) {
          deps.log.error({ err, triggerId: play.id, step: index }, 'play step failed');
          result = { outcome: 'failed', detail: 'unexpected error' };
        }
        await t
          .updateTable('play_steps')
          .set({ outcome: result.outcome, detail: result.detail })
          .where('id', '=', claimed.id)
          .execute();
      }
    }
  }
}

type Subject = {
  interviewId: string;
  signal: SignalRow;
  signalKey: string;
  index: number;
  contact_id: string | null;
  account_id: string | null;
  name: string | null;
  arr_cents: string | null;
  renewal_date: string | null;
  owner_email: string | null;
  ae_email: string | null;
  attributes: Record<string, unknown> | null;
};

function people(to: 'owner' | 'ae' | 'owner_and_ae', s: Subject): string[] {
  const list = to === 'owner' ? [s.owner_email] : to === 'ae' ? [s.ae_email] : [s.owner_email, s.ae_email];
  return [...new Set(list.filter((e): e is string => !!e))];
}

async function runStep(deps: AppDeps, ws: Ws, play: Trigger, step: PlayStep, s: Subject): Promise<Outcome> {
  const key = `play:${play.id}:${s.signalKey}:${s.index}`;
  const headline = `${labels[(play.when as { signal: PlaySignal }).signal]} (${play.name})`;
  if (step.type === 'invite') {
    const recipients = await resolveRecipients(deps.db, ws, play.who, {
      contactId: s.contact_id,
      accountId: s.account_id,
    });
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

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** How each step of a play turned out, for the trigger's funnel. */
export async function playStepCounts(deps: Pick<AppDeps, 'db'>, ws: Ws, triggerId: string) {
  const rows = await tenant(deps.db, ws)
    .selectFrom('play_steps')
    .select(['step', 'step_type', 'outcome', sql<string>`count(*)`.as('n')])
    .where('trigger_id', '=', triggerId)
    .groupBy(['step', 'step_type', 'outcome'])
    .orderBy('step')
    .execute();
  const steps = new Map<
    number,
    { step: number; type: string; done: number; queued: number; skipped: number; failed: number }
  >();
  for (const r of rows) {
    const entry = steps.get(r.step) ?? { step: r.step, type: r.step_type, done: 0, queued: 0, skipped: 0, failed: 0 };
    entry[r.outcome] += Number(r.n);
    steps.set(r.step, entry);
  }
  return [...steps.values()];
}
