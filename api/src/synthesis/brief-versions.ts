import { sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';

export type StoredBrief = {
  id: string;
  version: number;
  status: string;
  mode: string;
  created_at: Date;
  content: unknown;
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

/**
 * Stores the next version of a brief (renewal brief, weekly briefing). Versions are
 * numbered under a lock per subject, so two generations racing get 1 and 2, never a
 * clash; `keep` may decide, under the same lock, that the latest version stands.
 */
export async function storeBriefVersion(
  db: Db,
  ws: Ws,
  brief: { kind: string; subjectId: string; mode: string; content: object } & BriefProvenance,
  keep?: (latest: StoredBrief) => boolean,
): Promise<{ brief: StoredBrief; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`brief:${brief.kind}:${brief.subjectId}`}))`.execute(trx);
    const latest = await latestBriefVersion(trx, ws, brief.kind, brief.subjectId);
    if (latest && keep?.(latest)) return { brief: latest, created: false };
    const row = await tenant(trx, ws)
      .insertInto('briefs')
      .values({
        kind: brief.kind,
        subject_id: brief.subjectId,
        version: (latest?.version ?? 0) + 1,
        status: 'ready',
        mode: brief.mode,
        content: brief.content as Record<string, unknown>,
        model: brief.model ?? null,
        prompt_version: brief.promptVersion ?? null,
        prompt_tokens: brief.promptTokens ?? 0,
        completion_tokens: brief.completionTokens ?? 0,
        cost_micros: brief.costMicros ?? 0,
        fallback_reason: brief.fallbackReason ?? null,
        generation: brief.generation ?? {},
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return { brief: row, created: true };
  });
}

/** The newest version of a brief, or undefined. */
export async function latestBriefVersion(
  db: Db,
  ws: Ws,
  kind: string,
  subjectId: string,
): Promise<StoredBrief | undefined> {
  return tenant(db, ws)
    .selectFrom('briefs')
    .select(columns)
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
