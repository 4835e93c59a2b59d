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
    alter table signals add column corrected_at timestamptz;
    create table signal_corrections (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      interview_id uuid not null references interviews(id) on delete cascade,
      signal_id uuid not null,
      message_id uuid not null,
      action text not null check (action in ('change', 'dismiss')),
      from_kind text not null,
      from_value jsonb not null,
      to_kind text,
      to_value jsonb,
      from_source text not null,
      member_id uuid references members(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index signal_corrections_interview on signal_corrections (workspace_id, interview_id);
    create index signal_corrections_kind on signal_corrections (workspace_id, from_kind, created_at);
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
    drop table if exists signal_corrections;
    alter table signals drop column corrected_at;
    alter table members drop column timezone;
    alter table interviews drop column extraction_fallback_reason;
    `,
  );
}
