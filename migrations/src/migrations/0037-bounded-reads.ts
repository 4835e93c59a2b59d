import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Reads that stay bounded as the book grows.
 *
 * Funnels count the last 90 days: invitations by when they were decided, interviews sent by
 * hand (no trigger) by when they were sent. Two indexes let that read start at the window's
 * edge instead of walking every invitation and interview the workspace ever had.
 *
 * Feature requests group by a key ("SSO!" and "sso" are one request): the summary (or the
 * quote) lowercased, punctuation and spacing runs made one space. Worked out per read, that
 * regular expression ran over every request in scope several times per report; stored once
 * per signal, the reports only group by it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create index invitations_decided on invitations (workspace_id, created_at);
    create index interviews_sent_by_hand on interviews (workspace_id, invited_at) where trigger_id is null;
    alter table signals add column feature_key text generated always as (
      case when kind = 'feature_request' then
        btrim(regexp_replace(lower(coalesce(nullif(value->>'summary', ''), quote)), '[[:punct:][:space:]]+', ' ', 'g'))
      end
    ) stored;
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table signals drop column feature_key;
    drop index interviews_sent_by_hand;
    drop index invitations_decided;
    `,
  );
}
