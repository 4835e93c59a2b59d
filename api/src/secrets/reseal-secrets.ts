import type { Db } from '../db/database';
import { openSealedSecret, type SealingKeys, sealSecret } from './sealed-secrets';

/**
 * Seals, under the current key, every stored secret that is still plaintext (from before
 * sealing), sealed with CANDOR_SECRET_PREVIOUS, or in the connectors' former format. Runs at
 * boot; returns how many it changed. Each row is updated only if it still holds what was
 * read, so concurrent boots agree.
 */
export async function resealStoredSecrets(db: Db, keys: SealingKeys): Promise<number> {
  let changed = 0;
  const workspaces = await db.selectFrom('workspaces').select(['id', 'identity_secret']).execute();
  for (const row of workspaces) {
    const opened = openSealedSecret(keys, 'identity-secret', row.identity_secret);
    if (opened.sealedWith === 'current') continue;
    const result = await db
      .updateTable('workspaces')
      .set({ identity_secret: sealSecret(keys, 'identity-secret', opened.plaintext) })
      .where('id', '=', row.id)
      .where('identity_secret', '=', row.identity_secret)
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  const endpoints = await db.selectFrom('webhook_endpoints').select(['id', 'secret']).execute();
  for (const row of endpoints) {
    const opened = openSealedSecret(keys, 'webhook-secret', row.secret);
    if (opened.sealedWith === 'current') continue;
    const result = await db
      .updateTable('webhook_endpoints')
      .set({ secret: sealSecret(keys, 'webhook-secret', opened.plaintext) })
      .where('id', '=', row.id)
      .where('secret', '=', row.secret)
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  const connectors = await db.selectFrom('connectors').select(['id', 'workspace_id', 'credentials']).execute();
  for (const row of connectors) {
    const opened = openSealedSecret(keys, 'connector-credentials', row.credentials, row.workspace_id);
    if (opened.sealedWith === 'current') continue;
    const result = await db
      .updateTable('connectors')
      .set({ credentials: sealSecret(keys, 'connector-credentials', opened.plaintext, row.workspace_id) })
      .where('id', '=', row.id)
      .where('credentials', '=', row.credentials)
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}
