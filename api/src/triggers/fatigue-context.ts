import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import type { FatigueContext } from './fatigue';
import type { InvitationSettings } from './workspace-settings';

const DAY = 86_400_000;
/** Ids per `IN (…)` list: keeps each query's parameters well under the driver's limits. */
const SLICE = 5000;

export type LoadedFatigueContext = { fatigue: FatigueContext; accountId: string | null };

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
): Promise<LoadedFatigueContext | undefined> {
  return (await loadFatigueContexts(deps, ws, offer, [contactId], settings, now)).get(contactId);
}

/**
 * The fatigue contexts of many candidate contacts for one guide, read with one query per
 * kind of fact (contacts, their interview history, account budgets, CSM touches) instead of
 * several per contact. Contacts missing from the workspace are absent from the map.
 */
export async function loadFatigueContexts(
  deps: Pick<AppDeps, 'db'>,
  ws: Ws,
  offer: { guideId: string; channel: FatigueContext['channel'] },
  contactIds: string[],
  settings: InvitationSettings,
  now: Date,
): Promise<Map<string, LoadedFatigueContext>> {
  const t = tenant(deps.db, ws);
  const ids = [...new Set(contactIds)];
  const contacts = [];
  const history = new Map<string, FatigueContext['contactHistory']>();
  for (let i = 0; i < ids.length; i += SLICE) {
    const slice = ids.slice(i, i + SLICE);
    contacts.push(
      ...(await t
        .selectFrom('contacts')
        .select(['id', 'account_id', 'email', 'opted_out_at'])
        .where('id', 'in', slice)
        .execute()),
    );
    const rows = await t
      .selectFrom('interviews')
      .select(['contact_id', 'guide_id', 'invited_at'])
      .where('contact_id', 'in', slice)
      .orderBy('invited_at', 'desc')
      .execute();
    for (const r of rows) {
      if (!r.contact_id) continue;
      const list = history.get(r.contact_id) ?? [];
      list.push({ guideId: r.guide_id, invitedAt: r.invited_at });
      history.set(r.contact_id, list);
    }
  }

  const accountIds = [...new Set(contacts.flatMap((c) => (c.account_id ? [c.account_id] : [])))];
  const budget = new Map<string, number>();
  const touches = new Map<string, Date>();
  const since = new Date(now.getTime() - settings.fatigue.account_budget.days * DAY);
  for (let i = 0; i < accountIds.length; i += SLICE) {
    const slice = accountIds.slice(i, i + SLICE);
    const counted = await t
      .selectFrom('interviews')
      .select((eb) => ['account_id', eb.fn.countAll<string>().as('n')])
      .where('account_id', 'in', slice)
      .where('invited_at', '>', since)
      .groupBy('account_id')
      .execute();
    for (const c of counted) if (c.account_id) budget.set(c.account_id, Number(c.n));
    const touched = await t
      .selectFrom('events')
      .select((eb) => ['account_id', eb.fn.max('occurred_at').as('last')])
      .where('account_id', 'in', slice)
      .where('name', '=', 'csm_touch')
      .groupBy('account_id')
      .execute();
    for (const r of touched) if (r.account_id && r.last) touches.set(r.account_id, new Date(r.last));
  }

  const loaded = new Map<string, LoadedFatigueContext>();
  for (const c of contacts) {
    loaded.set(c.id, {
      accountId: c.account_id,
      fatigue: {
        now,
        guideId: offer.guideId,
        channel: offer.channel,
        contact: { optedOutAt: c.opted_out_at, email: c.email },
        contactHistory: history.get(c.id) ?? [],
        accountInterviewsInBudget: c.account_id ? (budget.get(c.account_id) ?? 0) : 0,
        lastCsmTouchAt: c.account_id ? (touches.get(c.account_id) ?? null) : null,
      },
    });
  }
  return loaded;
}
