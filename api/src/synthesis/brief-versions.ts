import {
  type BriefContent,
  type BriefContentOf,
  type BriefKind,
  type BriefMode,
  type BriefStatus,
  briefContentSchemas,
} from '@candor/shared';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';

/** A stored version of a brief of kind `K`, its content in that kind's shape. */
export type StoredBrief<K extends BriefKind = BriefKind> = {
  id: string;
  version: number;
  status: BriefStatus;
  mode: BriefMode;
  created_at: Date;
  content: BriefContentOf<K>;
  model: string | null;
  prompt_version: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  cost_micros: string;
  fallback_reason: string | null;
  generation: Record<string, unknown>;
};
const columns = [
  'id',
  'version',
  'status',
  'mode',
  'created_at',
  'content',
  'model',
  'prompt_version',
  'prompt_tokens',
  'completion_tokens',
  'cost_micros',
  'fallback_reason',
  'generation',
] as const;

/**
 * A row read back as a brief of kind `K`: only rows of that kind are read, and each was
 * parsed with its kind's schema when stored (`storeBriefVersion`), so its content has that shape.
 */
const ofKind = <K extends BriefKind>(row: StoredBrief): StoredBrief<K> => row as StoredBrief<K>;

/** How a brief was written: by the model (prompt version, tokens) or by rules (and why, if the model failed). */
export type BriefProvenance = {
  model?: string | null;
  promptVersion?: string | null;
  promptTokens?: number;
  completionTokens?: number;
  costMicros?: number;
  fallbackReason?: string | null;
  generation?: Record<string, unknown>;
};

/** The provenance fields every brief-like API response carries. */
export function provenanceOf(row: StoredBrief) {
  return {
    model: row.model,
    prompt_version: row.prompt_version,
    fallback_reason: row.fallback_reason,
    usage: {
      prompt_tokens: row.prompt_tokens,
      completion_tokens: row.completion_tokens,
      cost_micros: Number(row.cost_micros),
    },
    generation: row.generation,
  };
}

/** A brief with at least one cited item in one of its sections. */
export function hasContent(content: BriefContent): boolean {
  return content.sections.some((s) => s.items.length > 0);
}

/**
 * Stores the next version of a brief (renewal brief, weekly briefing). Versions are
 * numbered under a lock per subject, so two generations racing get 1 and 2, never a
 * clash; `keep` may decide, under the same lock, that the latest version stands. An
 * empty brief never replaces one with content: it is stored as a failed attempt (its
 * reason kept) and the latest version stays current.
 */
export async function storeBriefVersion<K extends BriefKind>(
  db: Db,
  ws: Ws,
  brief: { kind: K; subjectId: string; mode: BriefMode; content: BriefContentOf<K> } & BriefProvenance,
  keep?: (latest: StoredBrief<K>) => boolean,
): Promise<{ brief: StoredBrief<K>; created: boolean; failedAttempt?: StoredBrief<K> }> {
  // Parsed with the kind's schema, so every stored brief reads as its kind's type.
  const content = briefContentSchemas[brief.kind].parse(brief.content) as BriefContentOf<K>;
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`brief:${brief.kind}:${brief.subjectId}`}))`.execute(trx);
    const latest = await latestBriefVersion(trx, ws, brief.kind, brief.subjectId);
    if (latest && keep?.(latest)) return { brief: latest, created: false };
    const last = await tenant(trx, ws)
      .selectFrom('briefs')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('kind', '=', brief.kind)
      .where('subject_id', '=', brief.subjectId)
      .executeTakeFirst();
    const failed = latest !== undefined && hasContent(latest.content) && !hasContent(content);
    const row = await tenant(trx, ws)
      .insertInto('briefs')
      .values({
        kind: brief.kind,
        subject_id: brief.subjectId,
        version: Number(last?.version ?? 0) + 1,
        status: failed ? 'failed' : 'ready',
        mode: brief.mode,
        content,
        model: brief.model ?? null,
        prompt_version: brief.promptVersion ?? null,
        prompt_tokens: brief.promptTokens ?? 0,
        completion_tokens: brief.completionTokens ?? 0,
        cost_micros: brief.costMicros ?? 0,
        fallback_reason: failed
          ? (brief.fallbackReason ?? 'the new version had nothing to show, so the earlier one stays current')
          : (brief.fallbackReason ?? null),
        generation: brief.generation ?? {},
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    if (failed) return { brief: latest, created: false, failedAttempt: ofKind<K>(row) };
    return { brief: ofKind<K>(row), created: true };
  });
}

/** The newest current (not failed) version of a brief, or undefined. */
export async function latestBriefVersion<K extends BriefKind>(
  db: Db,
  ws: Ws,
  kind: K,
  subjectId: string,
): Promise<StoredBrief<K> | undefined> {
  const row = await tenant(db, ws)
    .selectFrom('briefs')
    .select(columns)
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'ready')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && ofKind<K>(row);
}

/** The newest failed attempt made after the current version, if any: what the console warns about. */
export async function failedAttemptSince(
  db: Db,
  ws: Ws,
  kind: BriefKind,
  subjectId: string,
  version: number,
): Promise<{ version: number; created_at: string; fallback_reason: string | null } | null> {
  const row = await tenant(db, ws)
    .selectFrom('briefs')
    .select(['version', 'created_at', 'fallback_reason'])
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'failed')
    .where('version', '>', version)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...row, created_at: row.created_at.toISOString() } : null;
}
