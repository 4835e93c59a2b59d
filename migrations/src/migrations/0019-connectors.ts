import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Connectors (Slack, HubSpot, Salesforce), one of each kind per workspace: `settings` holds
 * what is safe to show (channel, field mapping), `credentials` the AES-256-GCM sealed
 * tokens (never readable through any API). `connector_deliveries` is their delivery log,
 * shaped like webhook_deliveries: an event key so one event reaches a connector once.
 * Accounts gain `ae_email`, the sales owner beside the CSM owner. `play_steps` records each
 * step a signal-driven trigger (a play) took, once per signal and step, with its outcome.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create table connectors (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      kind text not null check (kind in ('slack', 'hubspot', 'salesforce')),
      enabled boolean not null default true,
      settings jsonb not null default '{}'::jsonb,
      credentials text not null,
      last_synced_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, kind)
    );
    create table connector_deliveries (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      connector_id uuid not null references connectors(id) on delete cascade,
      action jsonb not null,
      event_key text,
      status text not null default 'pending'
        check (status in ('pending', 'delivering', 'retrying', 'delivered', 'failed')),
      attempts integer not null default 0,
      last_status_code integer,
      last_error text,
      last_attempt_at timestamptz,
      next_attempt_at timestamptz,
      delivered_at timestamptz,
      created_at timestamptz not null default now()
    );
    create unique index connector_deliveries_event_key on connector_deliveries (connector_id, event_key);
    create index connector_deliveries_log on connector_deliveries (workspace_id, connector_id, created_at desc);
    alter table accounts add column ae_email text;
    create table play_steps (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      trigger_id uuid not null references triggers(id) on delete cascade,
      step integer not null,
      step_type text not null,
      signal_key text not null,
      account_id uuid references accounts(id) on delete set null,
      outcome text not null check (outcome in ('done', 'queued', 'skipped', 'failed')),
      detail text,
      created_at timestamptz not null default now(),
      unique (trigger_id, signal_key, step)
    );
    create index play_steps_trigger on play_steps (workspace_id, trigger_id, created_at desc);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop table play_steps;
    alter table accounts drop column ae_email;
    drop table connector_deliveries;
    drop table connectors;
    `,
  );
}
