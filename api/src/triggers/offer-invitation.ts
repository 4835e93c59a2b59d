import { randomUUID } from 'node:crypto';
import type { SkipReason } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { invitableGuide } from '../interviews/invite-contact';
import { momentOptOutKey } from '../interviews/opt-outs';
import { LINK_TOKEN_TTL_DAYS } from '../widget-auth/tokens';
import { aiInterviewerEnabled } from '../workspaces/workspace-settings';
import { checkFatigue, type FatigueContext } from './fatigue';
import { loadFatigueContexts } from './fatigue-context';
import { isHeldOut } from './holdout';
import { scheduleInvitationEmail } from './invitation-email';
import type { Trigger } from './trigger-store';
import type { InvitationSettings } from './workspace-settings';

const DAY = 86_400_000;

export type Offer =
  | { decision: 'invited'; interviewId: string }
  | { decision: 'skipped'; reason: SkipReason }
  | { decision: 'duplicate' };

/** The key that records one decision per trigger, contact and period. */
export const invitationDedupeKey = (triggerId: string, contactId: string, periodKey: string) =>
  `trigger:${triggerId}:${contactId}:${periodKey}`;

/**
 * Which of these decision keys are already recorded, read in slices of 5,000 through the unique
 * index: a periodic pass looks them up at once instead of one query per contact.
 */
export async function decidedKeys(deps: Pick<AppDeps, 'db'>, ws: Ws, keys: string[]): Promise<Set<string>> {
  const decided = new Set<string>();
  for (let i = 0; i < keys.length; i += 5000) {
    const rows = await tenant(deps.db, ws)
      .selectFrom('invitations')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys.slice(i, i + 5000))
      .execute();
    for (const r of rows) if (r.dedupe_key) decided.add(r.dedupe_key);
  }
  return decided;
}

/** One candidate invitation of a fired trigger: a contact and the period its decision belongs to. */
export type Candidate = { contactId: string; periodKey: string };

/** Candidates decided and written together: bounds each multi-row insert and `IN (…)` list. */
const BATCH = 1000;

/**
 * Offers one contact an interview for a fired trigger: fatigue rules decide, the decision
 * is recorded once per `periodKey` (a second evaluation of the same period does nothing),
 * and an invited contact gets the interview in-app, by email, or in-app then email.
 */
export async function offerInvitation(
  deps: AppDeps,
  ws: Ws,
  trigger: Trigger,
  contactId: string,
  periodKey: string,
  settings: InvitationSettings,
): Promise<Offer> {
  const [offer] = await offerInvitations(deps, ws, trigger, [{ contactId, periodKey }], settings);
  return offer as Offer;
}

/**
 * Offers many contacts an interview for one fired trigger, with the same decisions as
 * offering them one after another: the facts are read in bulk, `checkFatigue` decides in
 * memory (counting invitations made earlier in the same batch against the account budget
 * and the contact's recontact window), and invitations and interviews are written with
 * multi-row inserts in one transaction per batch. Returns one outcome per candidate, in order.
 */
export async function offerInvitations(
  deps: AppDeps,
  ws: Ws,
  trigger: Trigger,
  candidates: Candidate[],
  settings: InvitationSettings,
): Promise<Offer[]> {
  const outcomes: Offer[] = [];
  for (let i = 0; i < candidates.length; i += BATCH)
    outcomes.push(...(await offerBatch(deps, ws, trigger, candidates.slice(i, i + BATCH), settings)));
  return outcomes;
}

type Decided = Candidate & {
  index: number;
  key: string;
  accountId: string | null;
  known: boolean;
  reason: SkipReason | null;
};

async function offerBatch(
  deps: AppDeps,
  ws: Ws,
  trigger: Trigger,
  candidates: Candidate[],
  settings: InvitationSettings,
): Promise<Offer[]> {
  const t = tenant(deps.db, ws);
  const now = deps.now();
  const keys = candidates.map((c) => invitationDedupeKey(trigger.id, c.contactId, c.periodKey));
  const seen = await decidedKeys(deps, ws, keys);
  // A key repeated within the batch is decided once, like a second offer of the same period.
  const fresh = candidates.flatMap((c, i) => {
    const key = keys[i] as string;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ ...c, key, index: i }];
  });
  const contexts = await loadFatigueContexts(
    deps,
    ws,
    { guideId: trigger.guide_id, channel: trigger.how.channel },
    fresh.map((c) => c.contactId),
    settings,
    now,
  );
  const guide = await t.selectFrom('guides').select(['moment']).where('id', '=', trigger.guide_id).executeTakeFirst();
  const optedOutOfMoment = guide
    ? await decidedKeys(
        deps,
        ws,
        [...contexts.keys()].map((id) => momentOptOutKey(id, guide.moment)),
      )
    : new Set<string>();

  // Invitations this batch has already made count as if they were stored.
  const madeForAccount = new Map<string, number>();
  const madeForContact = new Map<string, FatigueContext['contactHistory']>();
  const decided: Decided[] = fresh.map((c) => {
    const ctx = contexts.get(c.contactId);
    if (!ctx) return { ...c, accountId: null, known: false, reason: 'no_contact' };
    // The control group is drawn before fatigue, so it is a fair sample of everyone eligible.
    if (isHeldOut(trigger.id, ctx.accountId ?? c.contactId, trigger.holdout_percent))
      return { ...c, accountId: ctx.accountId, known: true, reason: 'holdout' };
    const fatigue: FatigueContext = {
      ...ctx.fatigue,
      contactHistory: [...(madeForContact.get(c.contactId) ?? []), ...ctx.fatigue.contactHistory],
      accountInterviewsInBudget:
        ctx.fatigue.accountInterviewsInBudget + (ctx.accountId ? (madeForAccount.get(ctx.accountId) ?? 0) : 0),
    };
    let reason = checkFatigue(fatigue, settings.fatigue, trigger.throttle);
    // The contact opted out of this moment from the widget: a skip, not a failure.
    if (!reason && guide && optedOutOfMoment.has(momentOptOutKey(c.contactId, guide.moment))) reason = 'opted_out';
    if (!reason) {
      if (ctx.accountId) madeForAccount.set(ctx.accountId, (madeForAccount.get(ctx.accountId) ?? 0) + 1);
      madeForContact.set(c.contactId, [{ guideId: trigger.guide_id, invitedAt: now }]);
    }
    return { ...c, accountId: ctx.accountId, known: true, reason };
  });

  const interviewIds = decided.some((d) => !d.reason)
    ? await writeDecisions(deps, ws, trigger, decided, now)
    : new Map<string, string | null>(await claimOnly(deps, ws, trigger, decided));

  const outcomes: Offer[] = candidates.map(() => ({ decision: 'duplicate' }));
  for (const d of decided) {
    if (!interviewIds.has(d.key)) continue; // a concurrent evaluation got there first
    outcomes[d.index] = d.reason
      ? { decision: 'skipped', reason: d.reason }
      : { decision: 'invited', interviewId: interviewIds.get(d.key) as string };
  }
  for (const d of decided) {
    const interviewId = interviewIds.get(d.key);
    if (!d.reason && interviewId) await scheduleInvitationEmail(deps, ws, interviewId, trigger.how, settings);
  }
  return outcomes;
}

const invitationRow = (trigger: Trigger, d: Decided) => ({
  trigger_id: trigger.id,
  guide_id: trigger.guide_id,
  contact_id: d.known ? d.contactId : null,
  account_id: d.accountId,
  channel: trigger.how.channel,
  decision: d.reason ? ('skipped' as const) : ('invited' as const),
  skip_reason: d.reason,
  dedupe_key: d.key,
});

/** Records decisions that are all skips: the keys this call claimed, each without an interview. */
async function claimOnly(deps: AppDeps, ws: Ws, trigger: Trigger, decided: Decided[]) {
  if (decided.length === 0) return [];
  const claimed = await tenant(deps.db, ws)
    .insertInto('invitations')
    .values(decided.map((d) => invitationRow(trigger, d)))
    .onConflict((oc) => oc.doNothing())
    .returning('dedupe_key')
    .execute();
  return claimed.map((c) => [c.dedupe_key as string, null] as [string, null]);
}

/**
 * Claims every decision's key (ON CONFLICT DO NOTHING keeps one decision per key across
 * concurrent passes), then creates the interviews of the invitations this call claimed and
 * links them, all in one transaction. Returns claimed key → interview id (null for skips).
 */
async function writeDecisions(
  deps: AppDeps,
  ws: Ws,
  trigger: Trigger,
  decided: Decided[],
  now: Date,
): Promise<Map<string, string | null>> {
  const t = tenant(deps.db, ws);
  const guide = await invitableGuide(t, trigger.guide_id);
  const mode = (await aiInterviewerEnabled(deps, ws)) ? 'ai' : 'scripted';
  const channel = trigger.how.channel === 'email' ? 'email' : 'in_app';
  const expiresAt = new Date(now.getTime() + LINK_TOKEN_TTL_DAYS * DAY);
  return deps.db.transaction().execute(async (trx) => {
    const tt = tenant(trx, ws);
    const claimed = await tt
      .insertInto('invitations')
      .values(decided.map((d) => invitationRow(trigger, d)))
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'dedupe_key'])
      .execute();
    const byKey = new Map(decided.map((d) => [d.key, d]));
    const result = new Map<string, string | null>();
    const links: { invitationId: string; interviewId: string; d: Decided }[] = [];
    for (const c of claimed) {
      const d = byKey.get(c.dedupe_key as string) as Decided;
      if (d.reason) result.set(d.key, null);
      else links.push({ invitationId: c.id, interviewId: randomUUID(), d });
    }
    if (links.length === 0) return result;
    await tt
      .insertInto('interviews')
      .values(
        links.map(({ interviewId, d }) => ({
          id: interviewId,
          guide_id: guide.id,
          guide_version_id: guide.version_id,
          contact_id: d.contactId,
          account_id: d.accountId,
          trigger_id: trigger.id,
          channel,
          mode,
          state: {},
          cost_micros: 0,
          invited_at: now,
          last_activity_at: now,
          expires_at: expiresAt,
        })),
      )
      .execute();
    await sql`
      update invitations set interview_id = v.interview_id::uuid
      from (values ${sql.join(links.map((l) => sql`(${l.invitationId}, ${l.interviewId})`))}) as v(id, interview_id)
      where invitations.id = v.id::uuid and invitations.workspace_id = ${ws.id}`.execute(trx);
    for (const l of links) result.set(l.d.key, l.interviewId);
    return result;
  });
}
