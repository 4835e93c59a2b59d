import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * What the webhook delivery log needs beyond 0001: when the last attempt ran and when the
 * next one is due, and an event key so the same event is queued at most once per endpoint
 * (re-running extraction must not notify a receiver twice). NULL keys never conflict.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table webhook_deliveries add column event_key text;
    alter table webhook_deliveries add column last_attempt_at timestamptz;
    alter table webhook_deliveries add column next_attempt_at timestamptz;
    create unique index webhook_deliveries_event_key on webhook_deliveries (endpoint_id, event_key);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop index if exists webhook_deliveries_event_key;
    alter table webhook_deliveries drop column next_attempt_at;
    alter table webhook_deliveries drop column last_attempt_at;
    alter table webhook_deliveries drop column event_key;
    `,
  );
}
