import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Plays gain two steps. `in_app_messages` holds a message a play left for one contact,
 * shown by the widget on that contact's next identify, once (`shown_at` is claimed
 * atomically), then dismissed or clicked; one per play step and contact, so a re-run of
 * the play leaves nothing twice. `play_steps.webhook_delivery_id` ties a webhook step to
 * its delivery, so the funnel reads the step's outcome from the delivery log itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create table in_app_messages (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      contact_id uuid not null references contacts(id) on delete cascade,
      trigger_id uuid references triggers(id) on delete set null,
      play_step_id uuid references play_steps(id) on delete set null,
      title text not null,
      body text not null,
      link_url text not null,
      link_label text,
      created_at timestamptz not null default now(),
      shown_at timestamptz,
      dismissed_at timestamptz,
      clicked_at timestamptz,
      unique (play_step_id, contact_id)
    );
    create index in_app_messages_waiting on in_app_messages (workspace_id, contact_id, created_at)
      where shown_at is null;
    alter table play_steps add column webhook_delivery_id uuid references webhook_deliveries(id) on delete set null;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table play_steps drop column webhook_delivery_id;
    drop table in_app_messages;
    `,
  );
}
