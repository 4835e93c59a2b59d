import type { AppDeps } from '../app-deps';
import type { Ws } from '../db/tenant';
import { eventFiresRule } from './match-event';
import { offerInvitation } from './offer-invitation';
import { resolveRecipients } from './recipients';
import { listTriggers } from './trigger-store';
import { loadInvitationSettings } from './workspace-settings';

/** Above this many matches a batch is handed to a job instead of being evaluated in the request. */
const INLINE_MATCH_LIMIT = 5;

/** A stored event, as trigger evaluation needs it. */
export type StoredEvent = {
  name: string;
  properties: Record<string, unknown>;
  occurred_at: Date;
  contact_id: string | null;
  account_id: string | null;
};

export type EventMatch = { triggerId: string; contactId: string | null; accountId: string | null; day: string };

/**
 * Matches freshly stored events against the workspace's event and health-change rules.
 * Only the cheap part (one query, in-memory matching) runs in the request; a small result
 * (a widget `track`) is offered right away so the same call can answer with the invitation,
 * a large one goes to the `evaluate-events` job.
 */
export async function evaluateRecordedEvents(deps: AppDeps, ws: Ws, events: StoredEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rules = (await listTriggers(deps.db, ws, { enabled: true })).filter(
    (r) => r.when.type === 'event' || r.when.type === 'health_change',
  );
  if (rules.length === 0) return;
  const matches: EventMatch[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    for (const rule of rules) {
      if (!eventFiresRule(rule.when, event)) continue;
      const day = event.occurred_at.toISOString().slice(0, 10);
      const key = `${rule.id}:${event.contact_id}:${event.account_id}:${day}`;
      if (seen.has(key)) continue;
      seen.add(key);
      matches.push({ triggerId: rule.id, contactId: event.contact_id, accountId: event.account_id, day });
    }
  }
  if (matches.length === 0) return;
  if (matches.length <= INLINE_MATCH_LIMIT) await offerForMatches(deps, ws, matches);
  else await deps.jobs.send('evaluate-events', { workspaceId: ws.id, matches });
}

/** Offers invitations for event matches; at most one decision per trigger, contact and day. */
export async function offerForMatches(deps: AppDeps, ws: Ws, matches: EventMatch[]): Promise<void> {
  const rules = new Map((await listTriggers(deps.db, ws, { enabled: true })).map((r) => [r.id, r]));
  const settings = await loadInvitationSettings(deps.db, ws);
  for (const match of matches) {
    const rule = rules.get(match.triggerId);
    if (!rule) continue; // disabled or deleted since
    const recipients = await resolveRecipients(deps.db, ws, rule, match);
    for (const contactId of recipients)
      await offerInvitation(deps, ws, rule, contactId, `event:${match.day}`, settings);
  }
}
