import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../app-deps';
import { type TenantInsert, tenant, type Ws } from '../db/tenant';
import { createRng } from '../demo/prng';
import { isHeldOut } from '../triggers/holdout';
import { createTrigger } from '../triggers/trigger-store';
import { saveInputs } from './inputs-store';

const DAY = 86_400_000;
const HOLDOUT_PERCENT = 20;
const answers = [
  'The weekly digest saves our team an hour every Monday.',
  'Setup was quick; the dashboards are what we look at first.',
  'Reports are fine, exports could be faster.',
  'We mostly use it for the alerts, and they are reliable.',
];
type Arm = { churn: number; contract: number; expand: number };
// Illustrative outcome rates, held-out accounts doing worse: the lift the page then measures.
const treatedRates: Arm = { churn: 0.03, contract: 0.07, expand: 0.26 };
const heldRates: Arm = { churn: 0.1, contract: 0.12, expand: 0.12 };

/**
 * Gives the demo a year of operating-model history so the page means something on first
 * start: a whole-book health-pulse wave eleven months ago that kept a 20 % holdout (the
 * treated contacts' interviews, some completed with a signal), every account's renewal
 * since, drawn so held-out accounts churn and expand as an untouched book would, and an
 * NPS baseline of 9 %. Deterministic apart from the trigger's id, which draws the holdout.
 * A churned renewal stands for ARR lost then; the account stays in today's book so the
 * demo's account count is the same as every other demo's.
 */
export async function seedDemoOperatingModel(deps: AppDeps, ws: Ws): Promise<{ renewals: number; heldOut: number }> {
  const t = tenant(deps.db, ws);
  const now = deps.now();
  const rng = createRng('northwind-operating-model');
  const guide = await t
    .selectFrom('guides')
    .innerJoin('guide_versions', 'guide_versions.guide_id', 'guides.id')
    .select(['guides.id', 'guide_versions.id as version_id'])
    .where('guides.moment', '=', 'health_pulse')
    .orderBy('guide_versions.version', 'desc')
    .executeTakeFirst();
  if (!guide) return { renewals: 0, heldOut: 0 };
  const trigger = await createTrigger(deps.db, ws, {
    name: 'Health pulse, whole book (last year, with a holdout)',
    guide_id: guide.id,
    enabled: true,
    when: { type: 'manual' },
    who: { type: 'account_contacts', roles: ['champion'] },
    how: { channel: 'in_app' },
    throttle: {},
    holdout_percent: HOLDOUT_PERCENT,
    do: [{ type: 'invite' }],
  });
  const accounts = await t
    .selectFrom('accounts')
    .select(['id', 'arr_cents', 'plan', 'owner_email', 'renewal_date'])
    .orderBy('external_id')
    .execute();
  const contacts = await t
    .selectFrom('contacts')
    .select(['id', 'account_id', 'role'])
    .where('account_id', 'is not', null)
    .orderBy('external_id')
    .execute();

  const invitations: TenantInsert<'invitations'>[] = [];
  const interviews: TenantInsert<'interviews'>[] = [];
  const messages: TenantInsert<'messages'>[] = [];
  const signals: TenantInsert<'signals'>[] = [];
  const renewals: TenantInsert<'renewal_outcomes'>[] = [];
  let heldOut = 0;
  for (const account of accounts) {
    const mine = contacts.filter((c) => c.account_id === account.id);
    const contact = mine.find((c) => c.role === 'champion') ?? mine[0];
    const held = isHeldOut(trigger.id, account.id, HOLDOUT_PERCENT);
    const waveAt = new Date(now.getTime() - (330 + rng.int(0, 20)) * DAY - rng.int(0, 86_399) * 1000);
    const invitation: TenantInsert<'invitations'> & { interview_id: string | null } = {
      id: randomUUID(),
      trigger_id: trigger.id,
      guide_id: guide.id,
      contact_id: contact?.id ?? null,
      account_id: account.id,
      channel: 'in_app',
      decision: held ? 'skipped' : 'invited',
      skip_reason: held ? 'holdout' : null,
      interview_id: null,
      dedupe_key: `trigger:${trigger.id}:${contact?.id ?? account.id}:demo-wave`,
      created_at: waveAt,
    };
    if (held) heldOut++;
    else if (contact) {
      const roll = rng.next();
      const status = roll < 0.45 ? 'completed' : roll < 0.55 ? 'abandoned' : 'expired';
      const startedAt = new Date(waveAt.getTime() + rng.int(1, 48) * 3_600_000);
      const interviewId = randomUUID();
      invitation.interview_id = interviewId;
      interviews.push({
        id: interviewId,
        guide_id: guide.id,
        guide_version_id: guide.version_id,
        account_id: account.id,
        contact_id: contact.id,
        trigger_id: trigger.id,
        channel: 'in_app' as const,
        status: status as 'completed' | 'abandoned' | 'expired',
        state: {},
        cost_micros: 0,
        invited_at: waveAt,
        started_at: status === 'expired' ? null : startedAt,
        ended_at: status === 'expired' ? null : new Date(startedAt.getTime() + 600_000),
        last_activity_at: status === 'expired' ? waveAt : new Date(startedAt.getTime() + 600_000),
      });
      if (status === 'completed') {
        const messageId = randomUUID();
        const text = rng.pick(answers);
        messages.push({
          id: messageId,
          interview_id: interviewId,
          seq: 2,
          role: 'customer' as const,
          text,
          created_at: startedAt,
        });
        signals.push({
          interview_id: interviewId,
          account_id: account.id,
          contact_id: contact.id,
          kind: 'sentiment',
          value: { polarity: text.includes('could') ? 'mixed' : 'positive' },
          quote: text,
          message_id: messageId,
          source: 'rules' as const,
          created_at: new Date(startedAt.getTime() + 300_000),
        });
      }
    }
    invitations.push(invitation);

    const arr = Number(account.arr_cents ?? 0);
    if (arr <= 0) continue;
    const next = account.renewal_date ? new Date(`${account.renewal_date}T00:00:00Z`) : null;
    const last = next ? new Date(next.getTime() - 365 * DAY) : new Date(now.getTime() - rng.int(30, 300) * DAY);
    if (last > now) continue;
    const rates = held ? heldRates : treatedRates;
    const r = rng.next();
    const [before, after] =
      r < rates.churn
        ? [arr, 0]
        : r < rates.churn + rates.contract
          ? [Math.round(arr / rng.between(0.75, 0.92)), arr]
          : r < rates.churn + rates.contract + rates.expand
            ? [Math.round(arr / rng.between(1.1, 1.35)), arr]
            : [arr, arr];
    renewals.push({
      external_id: `demo-renewal-${account.id}`,
      account_id: account.id,
      outcome: after === 0 ? 'churned' : after < before ? 'contracted' : after > before ? 'expanded' : 'renewed',
      occurred_on: last.toISOString().slice(0, 10),
      arr_before_cents: before,
      arr_after_cents: after,
      plan: account.plan,
      owner_email: account.owner_email,
    });
  }
  await deps.db.transaction().execute(async (trx) => {
    const tt = tenant(trx, ws);
    if (interviews.length) await tt.insertInto('interviews').values(interviews).execute();
    if (messages.length) await tt.insertInto('messages').values(messages).execute();
    if (signals.length) await tt.insertInto('signals').values(signals).execute();
    await tt.insertInto('invitations').values(invitations).execute();
    if (renewals.length) await tt.insertInto('renewal_outcomes').values(renewals).execute();
    await saveInputs(tt, { baseline: { survey_response_rate: 0.09, survey_name: 'NPS survey' } });
  });
  return { renewals: renewals.length, heldOut };
}
