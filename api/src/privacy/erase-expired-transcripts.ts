import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { recordAudit } from '../workspaces/audit';
import { blankCopiedQuotes, blankQuotesCiting, erasedPayload, rewriteBriefsCiting } from './cited-words';

type Deps = Pick<AppDeps, 'db' | 'log' | 'now'>;

const DAY = 86_400_000;
/** Interviews erased per transaction: short locks, bounded memory. */
const BATCH = 200;

export type RetentionCounts = {
  interviews: number;
  messages: number;
  signals: number;
  briefs: number;
  webhook_deliveries: number;
};

const zero = (): RetentionCounts => ({ interviews: 0, messages: 0, signals: 0, briefs: 0, webhook_deliveries: 0 });

/**
 * The retention job: in every workspace with a retention period, erases the words of
 * interviews whose last activity is older than the period. What goes: the text of every
 * message (the customer's answers, and the interviewer's lines, which repeat them or greet
 * by name), signal quotes and stakeholder names, the engine's working state, and quotes
 * copied into review items, health reasons, briefs, and old webhook payloads.
 * What stays: the interview rows (status, mode, channel, timestamps, tokens, cost), message
 * rows (role, order, time) and signals (kind and value), so response and completion rates,
 * insights counts, trends and health keep adding up.
 */
export async function eraseExpiredTranscripts(deps: Deps): Promise<RetentionCounts> {
  const workspaces = await deps.db
    .selectFrom('workspaces')
    .select(['id', 'retention_days'])
    .where('retention_days', 'is not', null)
    .execute();
  const total = zero();
  for (const w of workspaces) {
    if (w.retention_days === null) continue;
    const counts = await eraseWorkspaceTranscripts(deps, { id: w.id }, w.retention_days);
    for (const k of Object.keys(total) as (keyof RetentionCounts)[]) total[k] += counts[k];
  }
  return total;
}

/** One workspace's pass; audited when it erased anything. */
export async function eraseWorkspaceTranscripts(deps: Deps, ws: Ws, retentionDays: number): Promise<RetentionCounts> {
  const now = deps.now();
  const cutoff = new Date(now.getTime() - retentionDays * DAY);
  const counts = zero();
  for (;;) {
    const batch = await deps.db.transaction().execute((trx) => eraseBatch(trx, ws, cutoff, now));
    if (!batch) break;
    for (const k of Object.keys(counts) as (keyof RetentionCounts)[]) counts[k] += batch[k];
  }
  // Delivered or failed long ago: the log keeps status, attempts and codes; the body goes.
  const deliveries = await tenant(deps.db, ws)
    .updateTable('webhook_deliveries')
    .set({ payload: erasedPayload })
    .where('created_at', '<', cutoff)
    .where('status', 'in', ['delivered', 'failed'])
    .where(sql<boolean>`not (payload ? 'erased')`)
    .executeTakeFirst();
  counts.webhook_deliveries = Number(deliveries.numUpdatedRows);
  if (counts.interviews > 0 || counts.webhook_deliveries > 0)
    await recordAudit(deps, ws, {
      actor: 'system',
      action: 'retention.erased',
      details: { ...counts, retention_days: retentionDays, older_than: cutoff.toISOString() },
    });
  return counts;
}

async function eraseBatch(trx: AppDeps['db'], ws: Ws, cutoff: Date, now: Date): Promise<RetentionCounts | undefined> {
  const t = tenant(trx, ws);
  const ids = (
    await t
      .selectFrom('interviews')
      .select('id')
      .where('transcript_erased_at', 'is', null)
      .where('last_activity_at', '<', cutoff)
      .orderBy('last_activity_at')
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute()
  ).map((r) => r.id);
  if (ids.length === 0) return undefined;

  const messages = await t
    .updateTable('messages')
    .set({ text: '' })
    .where('interview_id', 'in', ids)
    .where('text', '<>', '')
    .executeTakeFirst();
  const signals = await t
    .updateTable('signals')
    .set({ quote: '' })
    .where('interview_id', 'in', ids)
    .where('quote', '<>', '')
    .executeTakeFirst();
  // A stakeholder's name is personal; the role and the champion flag stay for the brief.
  await t
    .updateTable('signals')
    .set({ value: sql`jsonb_set(value, '{name}', 'null')` })
    .where('interview_id', 'in', ids)
    .where('kind', '=', 'stakeholder')
    .execute();
  for (const [kind, column] of [
    ['from_kind', 'from_value'],
    ['to_kind', 'to_value'],
  ] as const)
    await t
      .updateTable('signal_corrections')
      .set({ [column]: sql`jsonb_set(${sql.ref(column)}, '{name}', 'null')` })
      .where('interview_id', 'in', ids)
      .where(kind, '=', 'stakeholder')
      .execute();
  await t.updateTable('interviews').set({ state: {}, transcript_erased_at: now }).where('id', 'in', ids).execute();
  await blankCopiedQuotes(t, ids);
  const briefs = await rewriteBriefsCiting(t, ids, blankQuotesCiting);
  return {
    interviews: ids.length,
    messages: Number(messages.numUpdatedRows),
    signals: Number(signals.numUpdatedRows),
    briefs,
    webhook_deliveries: 0,
  };
}
