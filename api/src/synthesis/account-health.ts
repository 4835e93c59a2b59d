import { isDeepStrictEqual } from 'node:util';
import { type HealthReason, healthReasonsSchema, type SignalKind } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { queueAccountStateAlerts } from '../connectors/alerts';
import { queueCrmFieldWrites } from '../connectors/crm-fields';
import { type Tenant, tenant, type Ws } from '../db/tenant';
import { usageWindows } from '../events/daily-usage';
import { addReviewItems } from '../review-queue/review-queue';
import { evaluateRecordedEvents, type StoredEvent } from '../triggers/evaluate-events';
import { emitAccountStateChanges } from '../webhooks/account-events';
import { assessHealth, type HealthSignal, usageClass } from './health-rules';

const DAY = 86_400_000;
/** Usage is compared over this many UTC days (today included) against the same span before it. */
export const USAGE_WINDOW_DAYS = 30;
/** Rows per multi-row write of a pass. */
const WRITE_SLICE = 1000;
const HEALTH_KINDS: SignalKind[] = ['churn_risk', 'wants_human', 'sentiment', 'expansion_intent'];

export type HealthChange = { accountId: string; from: string; to: string };
/** Bumped when the rules change, so the next pass evaluates every account again. */
const RULES_VERSION = 1;

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
 * The pass itself. Named accounts are always evaluated. Without names, an account is
 * evaluated only when its inputs differ from those of its last evaluation: new or corrected
 * health signals, a signal leaving the 90 days, or usage changing class (the windows slide
 * every day, so a drop that crosses a threshold with no new event is caught too). The digest
 * is taken before the signals are read: a signal stored in between is evaluated again next time.
 */
export async function evaluateHealth(
  deps: AppDeps,
  ws: Ws,
  accounts?: string | string[],
): Promise<{ evaluated: number; changes: HealthChange[] }> {
  const named = typeof accounts === 'string' ? [accounts] : accounts;
  if (named?.length === 0) return { evaluated: 0, changes: [] };
  const t = tenant(deps.db, ws);
  const now = deps.now();
  const signalsSince = new Date(now.getTime() - 90 * DAY);
  const [usageBy, inputs] = await Promise.all([
    usageWindows(t, now, USAGE_WINDOW_DAYS, named),
    storedAndCurrentInputs(t, signalsSince, named),
  ]);
  const digestOf = (id: string, signals: string) =>
    `${RULES_VERSION}|${usageClass(usageBy.get(id) ?? { recent: 0, previous: 0 })}|${signals}`;
  const due = new Map<string, string>();
  for (const row of inputs) {
    const digest = digestOf(row.id, row.signals);
    if (named || digest !== row.stored) due.set(row.id, digest);
  }

  const changes: HealthChange[] = [];
  const events: StoredEvent[] = [];
  const reviewItems: Parameters<typeof addReviewItems>[1] = [];
  const dueIds = [...due.keys()].sort();
  for (let i = 0; i < dueIds.length; i += WRITE_SLICE) {
    const ids = dueIds.slice(i, i + WRITE_SLICE);
    const [rows, signals] = await Promise.all([
      t
        .selectFrom('accounts')
        .select(['id', 'health_state', 'health_reasons', 'health_inputs'])
        .where('id', 'in', ids)
        .execute(),
      t
        .selectFrom('signals')
        .select(['id', 'account_id', 'kind', 'value', 'quote', 'message_id', 'interview_id', 'created_at'])
        .where('created_at', '>=', signalsSince)
        .where('kind', 'in', HEALTH_KINDS)
        .where('account_id', 'in', ids)
        .orderBy('created_at', 'desc')
        .execute(),
    ]);
    const signalsBy = new Map<string, HealthSignal[]>();
    for (const s of signals) {
      if (!s.account_id) continue;
      const list = signalsBy.get(s.account_id) ?? [];
      list.push({ ...s, value: s.value as Record<string, unknown> });
      signalsBy.set(s.account_id, list);
    }
    const updates: { id: string; state: string; reasons: HealthReason[]; inputs: string }[] = [];
    for (const account of rows) {
      const { state, reasons } = assessHealth({
        usage: { ...(usageBy.get(account.id) ?? { recent: 0, previous: 0 }), days: USAGE_WINDOW_DAYS },
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
    // One multi-row statement per slice, rows in id order (the slices are) so that concurrent
    // passes lock accounts in the same order: a first pass over a fresh book writes every account.
    if (updates.length)
      await sql`
        update accounts set health_state = v.state, health_reasons = v.reasons::jsonb,
          health_inputs = v.inputs, health_evaluated_at = ${now}
        from (values ${sql.join(updates.map((u) => sql`(${u.id}, ${u.state}, ${JSON.stringify(u.reasons)}, ${u.inputs})`))})
          as v(id, state, reasons, inputs)
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
  return { evaluated: due.size, changes };
}

/**
 * Each account's stored digest beside a digest of its health signals of the last 90 days,
 * taken in SQL: how many, which (ids), and what they say (kind and value, which a CSM's
 * correction changes). Every account of the workspace, or the named ones.
 */
async function storedAndCurrentInputs(t: Tenant, since: Date, named?: string[]) {
  const onlyNamed = (column: string) =>
    named ? sql`and ${sql.ref(column)} in (${sql.join(named.map((id) => sql`${id}::uuid`))})` : sql``;
  const { rows } = await sql<{ id: string; stored: string | null; signals: string }>`
    select a.id, a.health_inputs as stored, coalesce(s.digest, '0') as signals
    from accounts a
    left join (
      select account_id, count(*) || ':' || sum(hashtext(id::text || kind || value::text)) as digest
      from signals
      where workspace_id = ${t.ws.id} and created_at >= ${since}
        and kind in (${sql.join(HEALTH_KINDS)}) and account_id is not null ${onlyNamed('account_id')}
      group by account_id
    ) s on s.account_id = a.id
    where a.workspace_id = ${t.ws.id} ${onlyNamed('a.id')}`.execute(t.db);
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

/** The daily pass over every workspace: how many accounts it evaluated, how many changed state. */
export async function recomputeAllHealth(deps: AppDeps): Promise<{ evaluated: number; changed: number }> {
  const workspaces = await deps.db.selectFrom('workspaces').select('id').execute();
  const total = { evaluated: 0, changed: 0 };
  for (const ws of workspaces) {
    const { evaluated, changes } = await evaluateHealth(deps, ws);
    total.evaluated += evaluated;
    total.changed += changes.length;
  }
  return total;
}
