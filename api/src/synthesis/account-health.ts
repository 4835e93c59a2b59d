import { isDeepStrictEqual } from 'node:util';
import { type HealthReason, healthReasonsSchema, kindedSignal, type SignalKind } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { queueAccountStateAlerts } from '../connectors/alerts';
import { queueCrmFieldWrites } from '../connectors/crm-fields';
import { type Tenant, tenant, type Ws } from '../db/tenant';
import { addReviewItems } from '../review-queue/review-queue';
import { evaluateRecordedEvents, type StoredEvent } from '../triggers/evaluate-events';
import { emitAccountStateChanges } from '../webhooks/account-events';
import { assessHealth, type HealthSignal, nextUsageChange, type UsageDay, usageClass, usageOn } from './health-rules';

const DAY = 86_400_000;
/** Usage is compared over this many UTC days (today included) against the same span before it. */
export const USAGE_WINDOW_DAYS = 30;
/** Rows per multi-row write of a pass. */
const WRITE_SLICE = 1000;
const HEALTH_KINDS: SignalKind[] = ['churn_risk', 'wants_human', 'sentiment', 'expansion_intent'];

export type HealthChange = { accountId: string; from: string; to: string };
/**
 * Bumped when the rules change, so that every account is evaluated again. The nightly pass
 * reads only accounts that are due (`health_recheck_at`), so a bump also takes a migration that
 * sets `health_recheck_at` to null on every account.
 */
const RULES_VERSION = 1;
const SIGNAL_DAYS = 90;

/**
 * Recomputes health for some accounts (one pass whatever their number) or for the accounts of
 * a workspace whose inputs changed since their last evaluation, from usage and signals, stores
 * state and reasons, and acts on each transition: an `account.state_changed` event (which
 * health-change triggers use) and, on entering at-risk, a review-queue item for the owning
 * CSM; subscribed webhooks hear of it.
 */
export async function recomputeHealth(deps: AppDeps, ws: Ws, accounts?: string | string[]): Promise<HealthChange[]> {
  return (await evaluateHealth(deps, ws, accounts)).changes;
}

/**
 * The pass itself. Named accounts are always evaluated. Without names, only the accounts that
 * are due are read (migration 0042): those with new usage or signals since their last
 * evaluation (`account_health_due`), and those whose recheck time has come
 * (`health_recheck_at`): the day a usage window slides past a threshold with no new event, or
 * the moment a signal leaves the 90 days. Of those, an account is evaluated only when its
 * inputs differ from those of its last evaluation (a digest: usage class, health signals, the
 * rules' version), and every account read gets its next recheck time. The new-data marks are
 * taken before the inputs are read: data stored in between marks the account again.
 */
export async function evaluateHealth(
  deps: AppDeps,
  ws: Ws,
  accounts?: string | string[],
): Promise<{ evaluated: number; read: number; changes: HealthChange[] }> {
  const named = typeof accounts === 'string' ? [accounts] : accounts;
  if (named?.length === 0) return { evaluated: 0, read: 0, changes: [] };
  const t = tenant(deps.db, ws);
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  const signalsSince = new Date(now.getTime() - SIGNAL_DAYS * DAY);
  const candidates = (await dueAccounts(t, now, named)).sort();
  let read = 0;

  let evaluated = 0;
  const changes: HealthChange[] = [];
  const events: StoredEvent[] = [];
  for (let i = 0; i < candidates.length; i += WRITE_SLICE) {
    const ids = candidates.slice(i, i + WRITE_SLICE);
    const [usageBy, inputs] = await Promise.all([usageDays(t, today, ids), signalInputs(t, signalsSince, ids)]);
    read += inputs.length;
    const usageOf = (id: string) => usageOn(usageBy.get(id) ?? [], today, USAGE_WINDOW_DAYS);
    const due = new Map<string, string>();
    const rechecks: { id: string; at: string }[] = [];
    for (const row of inputs) {
      const digest = `${RULES_VERSION}|${usageClass(usageOf(row.id))}|${row.signals}`;
      if (named || digest !== row.stored) due.set(row.id, digest);
      rechecks.push({ id: row.id, at: recheckAt(usageBy.get(row.id) ?? [], today, row.oldest) });
    }
    evaluated += due.size;
    const dueIds = [...due.keys()].sort();
    const [rows, signals] = dueIds.length
      ? await Promise.all([
          t
            .selectFrom('accounts')
            .select(['id', 'health_state', 'health_reasons', 'health_inputs'])
            .where('id', 'in', dueIds)
            .execute(),
          t
            .selectFrom('signals')
            .select(['id', 'account_id', 'kind', 'value', 'quote', 'message_id', 'interview_id', 'created_at'])
            .where('created_at', '>=', signalsSince)
            .where('kind', 'in', HEALTH_KINDS)
            .where('account_id', 'in', dueIds)
            .orderBy('created_at', 'desc')
            .execute(),
        ])
      : [[], []];
    const signalsBy = new Map<string, HealthSignal[]>();
    for (const s of signals) {
      if (!s.account_id) continue;
      const list = signalsBy.get(s.account_id) ?? [];
      list.push(kindedSignal(s));
      signalsBy.set(s.account_id, list);
    }
    const updates: { id: string; state: string; reasons: HealthReason[]; inputs: string }[] = [];
    const sliceEvents: StoredEvent[] = [];
    const sliceReviewItems: Parameters<typeof addReviewItems>[1] = [];
    for (const account of rows) {
      const { state, reasons } = assessHealth({
        usage: { ...usageOf(account.id), days: USAGE_WINDOW_DAYS },
        signals: signalsBy.get(account.id) ?? [],
      });
      const digest = due.get(account.id) as string;
      const unchanged = state === account.health_state;
      // Compared as values: jsonb hands keys back in its own order, so a text comparison would
      // rewrite every account with cited reasons on every pass.
      const sameReasons = unchanged && isDeepStrictEqual(JSON.parse(JSON.stringify(reasons)), account.health_reasons);
      if (sameReasons && digest === account.health_inputs) continue;
      // Parsed as `accounts.health_reasons` holds them: what every reader of the column trusts.
      updates.push({ id: account.id, state, reasons: healthReasonsSchema.parse(reasons), inputs: digest });
      if (unchanged) continue;
      changes.push({ accountId: account.id, from: account.health_state, to: state });
      const properties = { from: account.health_state, to: state, reasons: reasons.map((r) => r.code) };
      sliceEvents.push({
        name: 'account.state_changed',
        properties,
        occurred_at: now,
        account_id: account.id,
        contact_id: null,
      });
      if (state === 'at_risk') {
        sliceReviewItems.push({
          accountId: account.id,
          kind: 'health',
          reason: `Now at risk: ${reasons.map((r) => r.text).join('; ')}`,
          evidence: reasons.flatMap((r) => (r.evidence ? [r.evidence] : [])),
          dedupeKey: `health:${account.id}:${now.toISOString().slice(0, 10)}`,
        });
      }
    }
    // A slice's new states, their events and review items, and its recheck times commit
    // together: a state stored without its `account.state_changed` event would never fire
    // the health-change triggers, since the next pass sees no change.
    await deps.db.transaction().execute(async (trx) => {
      // One multi-row statement per slice, rows in id order (the slices are) so that concurrent
      // passes lock accounts in the same order: a first pass over a fresh book writes every account.
      if (updates.length)
        await sql`
          update accounts set health_state = v.state, health_reasons = v.reasons::jsonb,
            health_inputs = v.inputs, health_evaluated_at = ${now}
          from (values ${sql.join(updates.map((u) => sql`(${u.id}, ${u.state}, ${JSON.stringify(u.reasons)}, ${u.inputs})`))})
            as v(id, state, reasons, inputs)
          where accounts.id = v.id::uuid and accounts.workspace_id = ${ws.id}`.execute(trx);
      if (rechecks.length)
        await sql`
          update accounts set health_recheck_at = v.at::timestamptz
          from (values ${sql.join(rechecks.map((r) => sql`(${r.id}, ${r.at})`))}) as v(id, at)
          where accounts.id = v.id::uuid and accounts.workspace_id = ${ws.id}
            and accounts.health_recheck_at is distinct from v.at::timestamptz`.execute(trx);
      const tt = tenant(trx, ws);
      if (sliceEvents.length)
        await tt
          .insertInto('events')
          .values(
            sliceEvents.map((e) => ({
              account_id: e.account_id,
              name: e.name,
              properties: e.properties,
              occurred_at: e.occurred_at,
            })),
          )
          .execute();
      await addReviewItems(tt, sliceReviewItems);
    });
    events.push(...sliceEvents);
  }
  await evaluateRecordedEvents(deps, ws, events);
  await emitAccountStateChanges(deps, ws, changes);
  await queueAccountStateAlerts(deps, ws, changes);
  for (const change of changes) await queueCrmFieldWrites(deps, ws, change.accountId);
  return { evaluated, read, changes };
}

/**
 * The accounts this pass reads: the named ones, or those with new data and those whose recheck
 * time has come (or that were never evaluated), each found through an index. Their new-data
 * marks are deleted first; a write still in progress holds its mark locked, so the delete waits
 * for it and the reads that follow see its data.
 */
async function dueAccounts(t: Tenant, now: Date, named?: string[]): Promise<string[]> {
  const onlyNamed = named ? sql`and account_id in (${sql.join(named.map((id) => sql`${id}::uuid`))})` : sql``;
  const { rows: marked } = await sql<{ account_id: string }>`
    delete from account_health_due where workspace_id = ${t.ws.id} ${onlyNamed}
    returning account_id`.execute(t.db);
  if (named) return [...new Set(named)];
  const timed = await t
    .selectFrom('accounts')
    .select('id')
    .where((eb) => eb.or([eb('health_recheck_at', 'is', null), eb('health_recheck_at', '<=', now)]))
    .execute();
  return [...new Set([...marked.map((r) => r.account_id), ...timed.map((r) => r.id)])];
}

/**
 * When an account's stored inputs could next change its health with no new data: the first
 * day its usage class changes as the windows slide, or just after its oldest health signal
 * leaves the 90 days, whichever comes first; 'infinity' when neither can happen.
 */
function recheckAt(usage: UsageDay[], today: string, oldestSignal: Date | null): string {
  const usageChange = nextUsageChange(usage, today, USAGE_WINDOW_DAYS);
  const times = [
    ...(usageChange ? [Date.parse(`${usageChange}T00:00:00Z`)] : []),
    ...(oldestSignal ? [oldestSignal.getTime() + SIGNAL_DAYS * DAY + 1] : []),
  ];
  return times.length ? new Date(Math.min(...times)).toISOString() : 'infinity';
}

/**
 * The daily usage of some accounts from the rollup, from the first day of the earlier window
 * on: days after today too, which will enter the windows as they slide.
 */
async function usageDays(t: Tenant, today: string, ids: string[]): Promise<Map<string, UsageDay[]>> {
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - (2 * USAGE_WINDOW_DAYS - 1) * DAY);
  const rows = await t
    .selectFrom('account_daily_usage')
    .select(['account_id', sql<string>`day::text`.as('day'), 'usage_events'])
    .where('account_id', 'in', ids)
    .where('day', '>=', sql<string>`${since.toISOString().slice(0, 10)}::date`)
    .execute();
  const byAccount = new Map<string, UsageDay[]>();
  for (const r of rows) {
    const list = byAccount.get(r.account_id) ?? [];
    list.push({ day: r.day, events: r.usage_events });
    byAccount.set(r.account_id, list);
  }
  return byAccount;
}

/**
 * Each account's stored digest beside a digest of its health signals of the last 90 days,
 * taken in SQL: how many, which (ids), and what they say (kind and value, which a CSM's
 * correction changes); and when the oldest of them was stored.
 */
async function signalInputs(t: Tenant, since: Date, ids: string[]) {
  const list = sql.join(ids.map((id) => sql`${id}::uuid`));
  const { rows } = await sql<{ id: string; stored: string | null; signals: string; oldest: Date | null }>`
    select a.id, a.health_inputs as stored, coalesce(s.digest, '0') as signals, s.oldest
    from accounts a
    left join (
      select account_id, count(*) || ':' || sum(hashtext(id::text || kind || value::text)) as digest,
        min(created_at) as oldest
      from signals
      where workspace_id = ${t.ws.id} and created_at >= ${since}
        and kind in (${sql.join(HEALTH_KINDS)}) and account_id in (${list})
      group by account_id
    ) s on s.account_id = a.id
    where a.workspace_id = ${t.ws.id} and a.id in (${list})`.execute(t.db);
  return rows;
}

/**
 * A batch of queued recomputes in as few passes as it takes: one per workspace, over every
 * account named (or all of them when one job asked for the whole workspace).
 */
export async function recomputeQueuedHealth(
  deps: AppDeps,
  jobs: { workspaceId: string; accountId?: string | undefined }[],
): Promise<void> {
  const byWorkspace = new Map<string, Set<string> | 'all'>();
  for (const { workspaceId, accountId } of jobs) {
    const seen = byWorkspace.get(workspaceId);
    if (seen === 'all') continue;
    if (!accountId) byWorkspace.set(workspaceId, 'all');
    else byWorkspace.set(workspaceId, (seen ?? new Set()).add(accountId));
  }
  for (const [id, accounts] of byWorkspace)
    await recomputeHealth(deps, { id }, accounts === 'all' ? undefined : [...accounts].sort());
}

/**
 * The daily pass over every workspace: how many accounts it read (those due), how many of them
 * it evaluated (inputs changed) and how many changed state.
 */
export async function recomputeAllHealth(deps: AppDeps): Promise<{ evaluated: number; changed: number; read: number }> {
  const workspaces = await deps.db.selectFrom('workspaces').select('id').execute();
  const total = { evaluated: 0, changed: 0, read: 0 };
  for (const ws of workspaces) {
    const { evaluated, read, changes } = await evaluateHealth(deps, ws);
    total.evaluated += evaluated;
    total.changed += changes.length;
    total.read += read;
  }
  return total;
}
