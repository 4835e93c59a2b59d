import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { queueAccountStateAlerts } from '../connectors/alerts';
import { queueCrmFieldWrites } from '../connectors/crm-fields';
import { tenant, type Ws } from '../db/tenant';
import { usageWindows } from '../events/daily-usage';
import { evaluateRecordedEvents, type StoredEvent } from '../triggers/evaluate-events';
import { emitAccountStateChanges } from '../webhooks/account-events';
import { assessHealth, type HealthSignal } from './health-rules';
import { addReviewItems } from './review-queue';

const DAY = 86_400_000;
/** Usage is compared over this many UTC days (today included) against the same span before it. */
export const USAGE_WINDOW_DAYS = 30;
/** Rows per multi-row write of a pass. */
const WRITE_SLICE = 1000;
const HEALTH_KINDS = ['churn_risk', 'wants_human', 'sentiment', 'expansion_intent'];

export type HealthChange = { accountId: string; from: string; to: string };

/**
 * Recomputes health for some accounts (one pass whatever their number) or all of a
 * workspace's accounts from usage and
 * signals, stores state and reasons, and acts on each transition: an
 * `account.state_changed` event (which health-change triggers use) and, on entering
 * at-risk, a review-queue item for the owning CSM; subscribed webhooks hear of it.
 */
export async function recomputeHealth(deps: AppDeps, ws: Ws, accounts?: string | string[]): Promise<HealthChange[]> {
  const accountIds = typeof accounts === 'string' ? [accounts] : accounts;
  const t = tenant(deps.db, ws);
  const now = deps.now();
  let accountsQ = t.selectFrom('accounts').select(['id', 'health_state', 'health_reasons']);
  let signalsQ = t
    .selectFrom('signals')
    .select(['id', 'account_id', 'kind', 'value', 'quote', 'message_id', 'interview_id', 'created_at'])
    .where('created_at', '>=', new Date(now.getTime() - 90 * DAY))
    .where('kind', 'in', HEALTH_KINDS)
    .orderBy('created_at', 'desc');
  if (accountIds) {
    if (accountIds.length === 0) return [];
    accountsQ = accountsQ.where('id', 'in', accountIds);
    signalsQ = signalsQ.where('account_id', 'in', accountIds);
  }
  const [rows, usageBy, signals] = await Promise.all([
    accountsQ.execute(),
    usageWindows(t, now, USAGE_WINDOW_DAYS, accountIds),
    signalsQ.execute(),
  ]);
  const signalsBy = new Map<string, HealthSignal[]>();
  for (const s of signals) {
    if (!s.account_id) continue;
    const list = signalsBy.get(s.account_id) ?? [];
    list.push({ ...s, value: s.value as Record<string, unknown> });
    signalsBy.set(s.account_id, list);
  }

  const changes: HealthChange[] = [];
  const updates: { id: string; state: string; reasons: unknown[] }[] = [];
  const events: StoredEvent[] = [];
  const reviewItems: Parameters<typeof addReviewItems>[1] = [];
  for (const account of rows) {
    const { state, reasons } = assessHealth({
      usage: { ...(usageBy.get(account.id) ?? { recent: 0, previous: 0 }), days: USAGE_WINDOW_DAYS },
      signals: signalsBy.get(account.id) ?? [],
    });
    const unchanged = state === account.health_state;
    // Compared as values: jsonb hands keys back in its own order, so a text comparison would
    // rewrite every account with cited reasons on every pass.
    if (unchanged && isDeepStrictEqual(JSON.parse(JSON.stringify(reasons)), account.health_reasons)) continue;
    updates.push({ id: account.id, state, reasons });
    if (unchanged) continue;
    changes.push({ accountId: account.id, from: account.health_state, to: state });
    const properties = { from: account.health_state, to: state, reasons: reasons.map((r) => r.code) };
    events.push({
      name: 'account.state_changed',
      properties,
      occurred_at: now,
      account_id: account.id,
      contact_id: null,
    });
    if (state === 'at_risk') {
      reviewItems.push({
        accountId: account.id,
        kind: 'health',
        reason: `Now at risk: ${reasons.map((r) => r.text).join('; ')}`,
        evidence: reasons.flatMap((r) => (r.evidence ? [r.evidence] : [])),
        dedupeKey: `health:${account.id}:${now.toISOString().slice(0, 10)}`,
      });
    }
  }
  // The writes go out in slices of multi-row statements, rows in id order so that concurrent
  // passes lock accounts in the same order: a first pass over a fresh book changes every account.
  updates.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < updates.length; i += WRITE_SLICE) {
    const slice = updates.slice(i, i + WRITE_SLICE);
    await sql`
      update accounts set health_state = v.state, health_reasons = v.reasons::jsonb
      from (values ${sql.join(slice.map((u) => sql`(${u.id}, ${u.state}, ${JSON.stringify(u.reasons)})`))})
        as v(id, state, reasons)
      where accounts.id = v.id::uuid and accounts.workspace_id = ${ws.id}`.execute(deps.db);
  }
  for (let i = 0; i < events.length; i += WRITE_SLICE)
    await t
      .insertInto('events')
      .values(
        events.slice(i, i + WRITE_SLICE).map((e) => ({
          account_id: e.account_id,
          name: e.name,
          properties: e.properties,
          occurred_at: e.occurred_at,
        })),
      )
      .execute();
  for (let i = 0; i < reviewItems.length; i += WRITE_SLICE)
    await addReviewItems(t, reviewItems.slice(i, i + WRITE_SLICE));
  await evaluateRecordedEvents(deps, ws, events);
  await emitAccountStateChanges(deps, ws, changes);
  await queueAccountStateAlerts(deps, ws, changes);
  for (const change of changes) await queueCrmFieldWrites(deps, ws, change.accountId);
  return changes;
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

/** The daily pass over every workspace. */
export async function recomputeAllHealth(deps: AppDeps): Promise<number> {
  const workspaces = await deps.db.selectFrom('workspaces').select('id').execute();
  let changed = 0;
  for (const ws of workspaces) changed += (await recomputeHealth(deps, ws)).length;
  return changed;
}
