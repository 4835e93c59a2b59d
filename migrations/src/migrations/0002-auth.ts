import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Member sign-in, stored the way better-auth's Kysely adapter expects (its core user,
 * session, account and verification models, renamed to snake_case `auth_*` tables).
 * `workspace_id` on sessions and verifications is ours: which workspace a login link
 * was issued for, so a person who belongs to several workspaces lands in the right one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create table auth_users (
      id text primary key,
      name text not null,
      email text not null unique,
      email_verified boolean not null default false,
      image text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table auth_sessions (
      id text primary key,
      token text not null unique,
      user_id text not null references auth_users(id) on delete cascade,
      workspace_id uuid references workspaces(id) on delete cascade,
      expires_at timestamptz not null,
      ip_address text,
      user_agent text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index auth_sessions_user on auth_sessions (user_id);

    create table auth_accounts (
      id text primary key,
      account_id text not null,
      provider_id text not null,
      user_id text not null references auth_users(id) on delete cascade,
      access_token text,
      refresh_token text,
      id_token text,
      access_token_expires_at timestamptz,
      refresh_token_expires_at timestamptz,
      scope text,
      password text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index auth_accounts_user on auth_accounts (user_id);

    create table auth_verifications (
      id text primary key,
      identifier text not null,
      value text not null,
      workspace_id uuid references workspaces(id) on delete cascade,
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index auth_verifications_identifier on auth_verifications (identifier);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(db, 'drop table auth_verifications, auth_accounts, auth_sessions, auth_users;');
}
