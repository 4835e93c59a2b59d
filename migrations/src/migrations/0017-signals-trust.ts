import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Signals a CSM can trust:
 * - `interviews.extraction_fallback_reason`: why an interview's signals came from the
 *   rules although a model is configured (the provider failed, or nothing it cited
 *   survived the checks); null when the model's signals stood or no model was asked;
 * - `briefs.status = 'failed'`: a generation that would have replaced a brief with
 *   content by an empty one is kept as a record of the attempt, never shown as current.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table interviews add column extraction_fallback_reason text;
    alter table members add column timezone text;
    create index briefs_current on briefs (workspace_id, kind, subject_id, version desc)
      where status = 'ready';
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop index if exists briefs_current;
    alter table members drop column timezone;
    alter table interviews drop column extraction_fallback_reason;
    `,
  );
}
