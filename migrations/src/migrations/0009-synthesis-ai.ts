import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Synthesis with a model:
 * - briefs record the prompt version, why a model run fell back to rules, its cost and a
 *   breakdown of the calls behind it (map digests computed or reused, the reduce call);
 * - synthesis_digests caches the per-account "map" digest, keyed by the prompt version,
 *   the model and the set of signal ids it read, so a re-run only pays for accounts with
 *   new signals;
 * - synthesis_runs holds the progress of a regeneration running in the background.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table briefs add column prompt_version text;
    alter table briefs add column fallback_reason text;
    alter table briefs add column cost_micros bigint not null default 0;
    alter table briefs add column generation jsonb not null default '{}';

    create table synthesis_digests (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      account_id uuid not null references accounts(id) on delete cascade,
      cache_key text not null,
      prompt_version text not null,
      model text not null,
      signal_ids jsonb not null default '[]',
      content jsonb not null,
      prompt_tokens integer not null default 0,
      completion_tokens integer not null default 0,
      cost_micros bigint not null default 0,
      created_at timestamptz not null default now(),
      unique (workspace_id, account_id, cache_key)
    );

    create table synthesis_runs (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      kind text not null,
      subject_id text not null,
      status text not null default 'queued',
      stage text not null default 'Queued',
      steps_done integer not null default 0,
      steps_total integer not null default 1,
      brief_id uuid references briefs(id) on delete set null,
      error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index synthesis_runs_subject on synthesis_runs (workspace_id, kind, subject_id, created_at desc);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop table if exists synthesis_runs;
    drop table if exists synthesis_digests;
    alter table briefs drop column generation;
    alter table briefs drop column cost_micros;
    alter table briefs drop column fallback_reason;
    alter table briefs drop column prompt_version;
    `,
  );
}
