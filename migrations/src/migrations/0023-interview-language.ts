import type { Kysely } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * The language an interview speaks:
 * - `workspaces.default_language`: the language used when neither the contact's `locale`
 *   nor their browser names one of the six interview languages (set in Settings);
 * - `interviews.language`: the language chosen when the interview started (contact
 *   locale → browser → workspace default); null while it is only invited, and on
 *   interviews started before this column existed (they ran in English).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table workspaces add column default_language text not null default 'en'
      check (default_language in ('en', 'de', 'fr', 'es', 'pt', 'ja'));
    alter table interviews add column language text
      check (language is null or language in ('en', 'de', 'fr', 'es', 'pt', 'ja'));
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table interviews drop column language;
    alter table workspaces drop column default_language;
    `,
  );
}
