import { kindedSignal } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { playSignalOf, signalsWithPlays } from '../triggers/play-signals';
import type { ConnectorAction } from './connector';
import { queueConnectorAction } from './deliver-action';
import { accountCard, briefingCard, type Card, type CardAccount } from './slack-cards';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now' | 'config'>;

/** Who a Slack card goes to: each person by DM, and the connector's channel when one is set. */
async function slackTo(deps: Deps, ws: Ws, emails: (string | null)[]) {
  const slack = await tenant(deps.db, ws)
    .selectFrom('connectors')
    .select('settings')
    .where('kind', '=', 'slack')
    .where('enabled', '=', true)
    .executeTakeFirst();
  if (!slack) return [];
  const people = [...new Set(emails.filter((e): e is string => !!e))].map((email) => ({ email }));
  const channel = typeof slack.settings.channel === 'string' && slack.settings.channel ? slack.settings.channel : null;
  return channel ? [...people, { channel }] : people;
}

/** Sends `card` to each recipient, once per `key` and recipient; false when Slack is not connected. */
export async function queueSlackCard(
  deps: Deps,
  ws: Ws,
  emails: (string | null)[],
  card: Card,
  key: string,
): Promise<boolean> {
  const recipients = await slackTo(deps, ws, emails);
  for (const to of recipients) {
    const action: ConnectorAction = { type: 'slack.message', to, ...card };
    await queueConnectorAction(deps, ws, action, `${key}:${'email' in to ? to.email : `#${to.channel}`}`);
  }
  return recipients.length > 0;
}

/** A CRM task on the account, for `ownerEmail`, on every CRM connected; false when none is. */
export async function queueCrmTask(
  deps: Deps,
  ws: Ws,
  account: CardAccount & { attributes: Record<string, unknown> },
  task: { ownerEmail: string | null; subject: string; body: string; priority: 'high' | 'medium' | 'low' },
  key: string,
): Promise<boolean> {
  let queued = false;
  const crmId = (kind: string) => {
    const v = account.attributes[`${kind}_id`];
    return typeof v === 'string' ? v : null;
  };
  // One action per CRM so each carries its own record id.
  for (const kind of ['hubspot', 'salesforce'] as const) {
    const connected = await tenant(deps.db, ws)
      .selectFrom('connectors')
      .select('id')
      .where('kind', '=', kind)
      .where('enabled', '=', true)
      .executeTakeFirst();
    if (!connected) continue;
    queued = true;
    await queueConnectorActionOn(
      deps,
      ws,
      connected.id,
      {
        type: 'crm.task',
        account: { name: account.name, crm_id: crmId(kind) },
        owner_email: task.ownerEmail,
        subject: task.subject.slice(0, 255),
        body: task.body.slice(0, 10_000),
        priority: task.priority,
      },
      `${key}:${kind}`,
    );
  }
  return queued;
}

async function queueConnectorActionOn(deps: Deps, ws: Ws, connectorId: string, action: ConnectorAction, key: string) {
  await queueConnectorAction(deps, ws, action, key, connectorId);
}

const accountColumns = [
  'accounts.id',
  'accounts.name',
  'accounts.arr_cents',
  'accounts.renewal_date',
  'accounts.owner_email',
  'accounts.ae_email',
  'accounts.attributes',
] as const;

/**
 * After an interview's signals are extracted: an expansion intent goes to the owner and the
 * AE (Slack) and becomes a CRM task for the AE; a request for a person (hand-off) and a high
 * churn risk go to the owner and become a CRM task for them. Keys make re-extraction quiet.
 * A signal that an enabled play acts on is left to the play (triggers/signal-plays.ts).
 */
export async function queueInterviewAlerts(deps: Deps, ws: Ws, interviewId: string): Promise<void> {
  const t = tenant(deps.db, ws);
  const account = await t
    .selectFrom('interviews')
    .innerJoin('accounts', 'accounts.id', 'interviews.account_id')
    .select([...accountColumns, 'accounts.plan'])
    .where('interviews.id', '=', interviewId)
    .executeTakeFirst();
  if (!account) return;
  const signals = (
    await t
      .selectFrom('signals')
      .select(['kind', 'value', 'quote', 'message_id'])
      .where('interview_id', '=', interviewId)
      .where('kind', 'in', ['expansion_intent', 'wants_human', 'churn_risk'])
      .orderBy('created_at')
      .execute()
  ).map(kindedSignal);
  const url = deps.config.publicUrl;
  // A workspace that set up a play for a signal decides itself who hears of it.
  const played = await signalsWithPlays(deps, ws, account.plan);
  for (const s of signals) {
    const asPlay = playSignalOf(s);
    if (asPlay && played.has(asPlay)) continue;
    const key = `${s.kind}:${s.message_id}`;
    if (s.kind === 'expansion_intent') {
      const detail = [s.value.kind, s.value.size, s.value.timing].filter((v) => typeof v === 'string').join(' · ');
      const card = accountCard(url, { headline: 'Expansion intent', account, quote: s.quote, detail, interviewId });
      await queueSlackCard(deps, ws, [account.owner_email, account.ae_email], card, key);
      await queueCrmTask(
        deps,
        ws,
        account,
        {
          ownerEmail: account.ae_email ?? account.owner_email,
          subject: `Expansion intent at ${account.name}`,
          body: `“${s.quote}”\n\n${detail}\n${url}/interviews/${interviewId}`,
          priority: 'high',
        },
        key,
      );
    } else if (s.kind === 'wants_human' || (s.kind === 'churn_risk' && s.value.level === 'high')) {
      const handOff = s.kind === 'wants_human';
      const headline = handOff ? 'Hand-off requested' : 'High churn risk';
      const card = accountCard(url, { headline, account, quote: s.quote, interviewId });
      await queueSlackCard(deps, ws, [account.owner_email], card, key);
      await queueCrmTask(
        deps,
        ws,
        account,
        {
          ownerEmail: account.owner_email,
          subject: `${headline}: ${account.name}`,
          body: `“${s.quote}”\n\n${url}/interviews/${interviewId}`,
          priority: 'high',
        },
        key,
      );
    }
  }
}

/** An account entering at risk: a card to its owner. */
export async function queueAccountStateAlerts(
  deps: Deps,
  ws: Ws,
  changes: readonly { accountId: string; from: string; to: string }[],
): Promise<void> {
  const atRisk = changes.filter((c) => c.to === 'at_risk' && c.from !== 'at_risk');
  if (atRisk.length === 0) return;
  const accounts = await tenant(deps.db, ws)
    .selectFrom('accounts')
    .select([...accountColumns, 'accounts.health_reasons'])
    .where(
      'accounts.id',
      'in',
      atRisk.map((c) => c.accountId),
    )
    .execute();
  for (const account of accounts) {
    // The strongest reason in words, and the customer's own words behind the first that has them.
    const reasons = account.health_reasons;
    const card = accountCard(deps.config.publicUrl, {
      headline: 'Now at risk',
      account,
      quote: reasons.find((r) => r.evidence)?.evidence?.quote ?? null,
      detail: reasons[0]?.text ?? null,
    });
    await queueSlackCard(
      deps,
      ws,
      [account.owner_email],
      card,
      `at_risk:${account.id}:${deps.now().toISOString().slice(0, 10)}`,
    );
  }
}

/** The weekly briefing: a notice to its CSM with a link to read it. */
export async function queueBriefingAlert(
  deps: Deps,
  ws: Ws,
  input: { memberEmail: string; weekOf: string; summary: string },
): Promise<void> {
  const card = briefingCard(deps.config.publicUrl, { weekOf: input.weekOf, summary: input.summary });
  await queueSlackCard(deps, ws, [input.memberEmail], card, `weekly_briefing:${input.weekOf}`);
}
