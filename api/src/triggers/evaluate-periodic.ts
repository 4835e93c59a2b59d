import type { TriggerWhen } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { usageWindows } from '../events/daily-usage';
import { attributeMatches, usageDropped } from './match-event';
import { decidedKeys, invitationDedupeKey, type Offer, offerInvitations } from './offer-invitation';
import { resolveRecipients, resolveRecipientsOfMany } from './recipients';
import { listTriggers, type Trigger } from './trigger-store';
import { loadInvitationSettings } from './workspace-settings';

const DAY = 86_400_000;
/** A schedule that was missed (server down) still fires within this many days. */
const CATCH_UP_DAYS = 7;

type Subject = { contactId?: string; accountId?: string; periodKey: string };

/**
 * The periodic pass over schedule, usage-drop and attribute rules of every workspace.
 * Idempotent: each decision has a key per trigger, contact and period, so a second run
 * in the same period sends nothing twice. Returns how many invitations it made.
 */
export async function evaluatePeriodicTriggers(deps: AppDeps): Promise<{ invited: number; skipped: number }> {
  const workspaces = await deps.db
    .selectFrom('triggers')
    .select('workspace_id')
    .distinct()
    .where('enabled', '=', true)
    .where(sql<string>`rule->'when'->>'type'`, 'in', ['schedule', 'usage_drop', 'attribute'])
    .execute();
  const totals = { invited: 0, skipped: 0 };
  for (const { workspace_id } of workspaces) {
    const result = await evaluateWorkspaceTriggers(deps, { id: workspace_id });
    totals.invited += result.invited;
    totals.skipped += result.skipped;
  }
  return totals;
}

/** One workspace's periodic pass (also run right after the demo seed). */
export async function evaluateWorkspaceTriggers(deps: AppDeps, ws: Ws): Promise<{ invited: number; skipped: number }> {
  const rules = (await listTriggers(deps.db, ws, { enabled: true })).filter((r) =>
    ['schedule', 'usage_drop', 'attribute'].includes(r.when.type),
  );
  const settings = await loadInvitationSettings(deps.db, ws);
  const totals = { invited: 0, skipped: 0 };
  for (const rule of rules) {
    const subjects = await subjectsFor(deps, ws, rule.when, deps.now());
    // A steady pass finds the same subjects as the last one, already decided: their recipients
    // and decisions are read in bulk, and only contacts with no decision this period are offered.
    const offers = (await resolveRecipientsOfMany(deps.db, ws, rule, subjects)).flatMap(({ subject, contactIds }) =>
      contactIds.map((contactId) => ({ contactId, periodKey: subject.periodKey })),
    );
    const decided = await decidedKeys(
      deps,
      ws,
      offers.map((o) => invitationDedupeKey(rule.id, o.contactId, o.periodKey)),
    );
    const undecided = offers.filter((o) => !decided.has(invitationDedupeKey(rule.id, o.contactId, o.periodKey)));
    for (const offer of await offerInvitations(deps, ws, rule, undecided, settings)) {
      if (offer.decision === 'invited') totals.invited++;
      if (offer.decision === 'skipped') totals.skipped++;
    }
  }
  return totals;
}

/** The accounts or contacts a periodic rule is about right now (also counted by a dry run). */
export async function subjectsFor(deps: AppDeps, ws: Ws, when: TriggerWhen, now: Date): Promise<Subject[]> {
  const t = tenant(deps.db, ws);
  switch (when.type) {
    case 'schedule': {
      if (when.anchor === 'renewal_date') {
        // Fires when renewal_date + offset falls within the last CATCH_UP_DAYS days (today included).
        const latest = isoDate(new Date(now.getTime() - when.offset_days * DAY));
        const earliest = isoDate(new Date(now.getTime() - (when.offset_days + CATCH_UP_DAYS) * DAY));
        const accounts = await t
          .selectFrom('accounts')
          .select(['id', 'renewal_date'])
          .where('renewal_date', '<=', latest)
          .where('renewal_date', '>', earliest)
          .execute();
        return accounts.map((a) => ({ accountId: a.id, periodKey: `renewal:${String(a.renewal_date).slice(0, 10)}` }));
      }
      const latest = new Date(now.getTime() - when.offset_days * DAY);
      const earliest = new Date(latest.getTime() - CATCH_UP_DAYS * DAY);
      const contacts = await t
        .selectFrom('contacts')
        .select(['id', 'account_id'])
        .where('created_at', '<=', latest)
        .where('created_at', '>', earliest)
        .execute();
      return contacts.map((c) => ({ contactId: c.id, accountId: c.account_id ?? undefined, periodKey: 'signup' }));
    }
    case 'usage_drop': {
      const usage = await usageWindows(t, now, when.days);
      // One decision per window: the same drop is not re-asked until the next window.
      const window = Math.floor(now.getTime() / (when.days * DAY));
      return [...usage]
        .filter(([, u]) => usageDropped(u.previous, u.recent, when.percent))
        .map(([accountId]) => ({ accountId, periodKey: `usage_drop:${window}` }));
    }
    case 'attribute': {
      const builtIn = ['plan', 'lifecycle_stage', 'health_state', 'role', 'email', 'name'];
      if (when.target === 'account') {
        const accounts = await t.selectFrom('accounts').selectAll().execute();
        return accounts
          .filter((a) => attributeMatches(fieldValue(a, when.attribute, builtIn), when.op, when.value))
          .map((a) => ({ accountId: a.id, periodKey: `attribute:${String(when.value)}` }));
      }
      const contacts = await t.selectFrom('contacts').selectAll().execute();
      return contacts
        .filter((c) => attributeMatches(fieldValue(c, when.attribute, builtIn), when.op, when.value))
        .map((c) => ({
          contactId: c.id,
          accountId: c.account_id ?? undefined,
          periodKey: `attribute:${String(when.value)}`,
        }));
    }
    default:
      return [];
  }
}

function fieldValue(
  row: Record<string, unknown> & { attributes: Record<string, unknown> },
  key: string,
  builtIn: string[],
) {
  return builtIn.includes(key) ? row[key] : row.attributes?.[key];
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Offers a manual trigger to the given contacts and accounts now (once per day per contact). */
export async function runManualTrigger(
  deps: AppDeps,
  ws: Ws,
  rule: Trigger,
  subjects: { contactIds: string[]; accountIds: string[] },
) {
  const settings = await loadInvitationSettings(deps.db, ws);
  const day = isoDate(deps.now());
  const targets = [
    ...subjects.contactIds.map((contactId) => ({ contactId })),
    ...subjects.accountIds.map((accountId) => ({ accountId })),
  ];
  const candidates = [];
  for (const subject of targets)
    for (const contactId of await resolveRecipients(deps.db, ws, rule, subject))
      candidates.push({ contactId, periodKey: `manual:${day}` });
  const offers = await offerInvitations(deps, ws, rule, candidates, settings);
  return candidates.map(({ contactId }, i) => ({ contact_id: contactId, ...(offers[i] as Offer) }));
}
