import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * The operating model (issue 17):
 * - `renewal_outcomes`: one renewal period's result per account (renewed, churned,
 *   contracted, expanded) with ARR before and after in integer cents, idempotent by the
 *   customer's external id. The plan and owning CSM are copied at write time so GRR/NRR
 *   per CSM and per tier stay true after a book is reassigned.
 * - `operating_model_inputs`: the analyzer's, scorer's and ROI model's editable inputs
 *   (and the workspace's previous survey response rate), one JSON document per workspace,
 *   validated by the feature's zod schema on write.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create table renewal_outcomes (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      external_id text not null,
      account_id uuid not null references accounts(id) on delete cascade,
      outcome text not null check (outcome in ('renewed', 'churned', 'contracted', 'expanded')),
      occurred_on date not null,
      arr_before_cents bigint not null check (arr_before_cents >= 0),
      arr_after_cents bigint not null check (arr_after_cents >= 0),
      plan text,
      owner_email text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, external_id)
    );
    create index renewal_outcomes_period on renewal_outcomes (workspace_id, occurred_on);
    create index renewal_outcomes_account on renewal_outcomes (workspace_id, account_id);
    create table operating_model_inputs (
      workspace_id uuid primary key references workspaces(id) on delete cascade,
      inputs jsonb not null default '{}'::jsonb,
      updated_at timestamptz not null default now()
    );
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop table if exists operating_model_inputs;
    drop table if exists renewal_outcomes;
    `,
  );
}
