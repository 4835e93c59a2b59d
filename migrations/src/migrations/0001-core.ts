import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * The whole tenant model of DESIGN.md. Every tenant row carries workspace_id; ids are
 * UUIDs, money is integer cents, timestamps are timestamptz.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create table instance_settings (
      key text primary key,
      value text not null,
      created_at timestamptz not null default now()
    );

    create table workspaces (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      timezone text not null default 'UTC',
      identity_secret text not null,
      identity_verification boolean not null default false,
      settings jsonb not null default '{}',
      is_demo boolean not null default false,
      created_at timestamptz not null default now()
    );

    create table api_keys (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      kind text not null check (kind in ('secret', 'publishable')),
      display_prefix text not null,
      key_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index api_keys_workspace on api_keys (workspace_id);

    create table accounts (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      external_id text not null,
      name text not null,
      arr_cents bigint,
      plan text,
      renewal_date date,
      owner_email text,
      lifecycle_stage text,
      health_state text not null default 'unknown',
      health_reasons jsonb not null default '[]',
      attributes jsonb not null default '{}',
      last_touch_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, external_id)
    );
    create index accounts_owner on accounts (workspace_id, owner_email);
    create index accounts_renewal on accounts (workspace_id, renewal_date);

    create table contacts (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      account_id uuid references accounts(id) on delete set null,
      external_id text not null,
      email text,
      name text,
      role text,
      timezone text,
      locale text,
      attributes jsonb not null default '{}',
      opted_out_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, external_id)
    );
    create index contacts_account on contacts (workspace_id, account_id);

    create table events (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      account_id uuid references accounts(id) on delete set null,
      contact_id uuid references contacts(id) on delete set null,
      name text not null,
      properties jsonb not null default '{}',
      occurred_at timestamptz not null default now(),
      received_at timestamptz not null default now(),
      message_id text
    );
    create index events_account_time on events (workspace_id, account_id, occurred_at desc);
    create index events_contact_time on events (workspace_id, contact_id, occurred_at desc);
    create index events_name_time on events (workspace_id, name, occurred_at desc);
    create unique index events_message_id on events (workspace_id, message_id) where message_id is not null;

    create table guides (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      template_key text,
      name text not null,
      moment text not null,
      current_version integer not null default 1,
      archived_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index guides_workspace on guides (workspace_id);

    create table guide_versions (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      guide_id uuid not null references guides(id) on delete cascade,
      version integer not null,
      definition jsonb not null,
      created_at timestamptz not null default now(),
      unique (guide_id, version)
    );

    create table triggers (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      guide_id uuid not null references guides(id) on delete cascade,
      enabled boolean not null default true,
      rule jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index triggers_workspace on triggers (workspace_id, enabled);

    create table interviews (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      guide_id uuid not null references guides(id),
      guide_version_id uuid not null references guide_versions(id),
      account_id uuid references accounts(id) on delete set null,
      contact_id uuid references contacts(id) on delete set null,
      trigger_id uuid references triggers(id) on delete set null,
      channel text not null check (channel in ('in_app', 'email')),
      status text not null default 'invited'
        check (status in ('invited', 'started', 'completed', 'abandoned', 'expired', 'declined')),
      mode text not null default 'scripted',
      state jsonb not null default '{}',
      prompt_tokens integer not null default 0,
      completion_tokens integer not null default 0,
      cost_micros bigint not null default 0,
      invited_at timestamptz not null default now(),
      shown_at timestamptz,
      started_at timestamptz,
      ended_at timestamptz,
      last_activity_at timestamptz not null default now(),
      expires_at timestamptz
    );
    create index interviews_status on interviews (workspace_id, status, last_activity_at);
    create index interviews_account on interviews (workspace_id, account_id, invited_at desc);
    create index interviews_contact on interviews (workspace_id, contact_id, invited_at desc);

    create table invitations (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      trigger_id uuid references triggers(id) on delete set null,
      guide_id uuid not null references guides(id) on delete cascade,
      contact_id uuid references contacts(id) on delete set null,
      account_id uuid references accounts(id) on delete set null,
      interview_id uuid references interviews(id) on delete set null,
      channel text not null,
      decision text not null check (decision in ('invited', 'skipped')),
      skip_reason text,
      dedupe_key text,
      created_at timestamptz not null default now()
    );
    create unique index invitations_dedupe on invitations (workspace_id, dedupe_key) where dedupe_key is not null;
    create index invitations_trigger on invitations (workspace_id, trigger_id, created_at desc);

    create table messages (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      interview_id uuid not null references interviews(id) on delete cascade,
      seq integer not null,
      role text not null check (role in ('interviewer', 'customer')),
      text text not null,
      client_id text,
      reply_to uuid references messages(id) on delete cascade,
      mode text check (mode in ('ai', 'scripted')),
      model text,
      prompt_tokens integer not null default 0,
      completion_tokens integer not null default 0,
      created_at timestamptz not null default now(),
      unique (interview_id, seq),
      unique (interview_id, client_id)
    );

    create table signals (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      interview_id uuid not null references interviews(id) on delete cascade,
      account_id uuid references accounts(id) on delete set null,
      contact_id uuid references contacts(id) on delete set null,
      kind text not null,
      value jsonb not null default '{}',
      quote text not null,
      message_id uuid not null references messages(id) on delete cascade,
      confidence real not null default 1,
      source text not null check (source in ('ai', 'rules')),
      model text,
      prompt_version text,
      created_at timestamptz not null default now()
    );
    create index signals_kind on signals (workspace_id, kind, created_at desc);
    create index signals_account on signals (workspace_id, account_id, created_at desc);
    create index signals_interview on signals (interview_id);

    create table briefs (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      kind text not null,
      subject_id text not null,
      version integer not null,
      status text not null default 'ready',
      mode text not null,
      content jsonb not null default '{}',
      model text,
      prompt_tokens integer not null default 0,
      completion_tokens integer not null default 0,
      created_at timestamptz not null default now(),
      unique (workspace_id, kind, subject_id, version)
    );

    create table members (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      email text not null,
      name text,
      role text not null check (role in ('admin', 'csm')),
      user_id text,
      created_at timestamptz not null default now(),
      unique (workspace_id, email)
    );
    create index members_user on members (user_id);

    create table review_items (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      account_id uuid not null references accounts(id) on delete cascade,
      kind text not null,
      reason text not null,
      evidence jsonb not null default '[]',
      status text not null default 'open' check (status in ('open', 'snoozed', 'done')),
      snoozed_until timestamptz,
      assignee_member_id uuid references members(id) on delete set null,
      dedupe_key text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index review_items_open on review_items (workspace_id, status, created_at desc);
    create unique index review_items_dedupe on review_items (workspace_id, dedupe_key) where dedupe_key is not null;

    create table outbox_emails (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid references workspaces(id) on delete cascade,
      kind text not null,
      to_address text not null,
      from_address text not null,
      subject text not null,
      html text not null,
      text text not null,
      headers jsonb not null default '{}',
      transport text not null,
      status text not null default 'queued',
      provider_id text,
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index outbox_emails_created on outbox_emails (workspace_id, created_at desc);

    create table webhook_endpoints (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      url text not null,
      secret text not null,
      event_types text[] not null,
      enabled boolean not null default true,
      created_at timestamptz not null default now()
    );

    create table webhook_deliveries (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      endpoint_id uuid not null references webhook_endpoints(id) on delete cascade,
      event_type text not null,
      payload jsonb not null,
      status text not null default 'pending',
      attempts integer not null default 0,
      last_status_code integer,
      last_error text,
      created_at timestamptz not null default now(),
      delivered_at timestamptz
    );
    create index webhook_deliveries_endpoint on webhook_deliveries (workspace_id, endpoint_id, created_at desc);

    create table idempotency_keys (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      key text not null,
      request_hash text not null,
      status_code integer,
      response jsonb,
      created_at timestamptz not null default now(),
      primary key (workspace_id, key)
    );

    create table audit_log (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid references workspaces(id) on delete cascade,
      actor text not null,
      action text not null,
      target text,
      details jsonb not null default '{}',
      created_at timestamptz not null default now()
    );
    create index audit_log_workspace on audit_log (workspace_id, created_at desc);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop table audit_log, idempotency_keys, webhook_deliveries, webhook_endpoints, outbox_emails,
      review_items, members, briefs, signals, messages, invitations, interviews, triggers,
      guide_versions, guides, events, contacts, accounts, api_keys, workspaces, instance_settings;
  `,
  );
}
