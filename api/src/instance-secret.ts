import { randomBytes } from 'node:crypto';
import type { Db } from './db/database';

/**
 * The signing key for links and sessions: CANDOR_SECRET when set, otherwise one generated
 * on first run and kept in the database so every process (and restart) agrees on it.
 */
export async function resolveInstanceSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insertInto('instance_settings')
    .values({ key: 'secret', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', 'secret')
    .executeTakeFirstOrThrow();
  return row.value;
}
