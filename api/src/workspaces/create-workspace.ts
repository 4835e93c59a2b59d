import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { installGuideTemplates } from '../guides/install-templates';
import { type SealingKeys, sealSecret } from '../secrets/sealed-secrets';
import { displayPrefix, generateKey, hashKey } from './keys';

export type CreatedWorkspace = {
  id: string;
  name: string;
  publishable_key: string;
  secret_key: string;
  identity_secret: string;
};

/** Creates a workspace with its keys and identity secret; the plaintext keys are returned only here. */
export async function createWorkspace(
  deps: { db: Db } & SealingKeys,
  input: { name: string; timezone?: string; isDemo?: boolean },
): Promise<CreatedWorkspace> {
  const secretKey = generateKey('secret');
  const publishableKey = generateKey('publishable');
  const identitySecret = randomBytes(32).toString('hex');
  return deps.db.transaction().execute(async (trx) => {
    const ws = await trx
      .insertInto('workspaces')
      .values({
        name: input.name,
        identity_secret: sealSecret(deps, 'identity-secret', identitySecret),
        settings: {},
        is_demo: input.isDemo ?? false,
        ...(input.timezone ? { timezone: input.timezone } : {}),
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('api_keys')
      .values([
        { workspace_id: ws.id, kind: 'secret', key_hash: hashKey(secretKey), display_prefix: displayPrefix(secretKey) },
        {
          workspace_id: ws.id,
          kind: 'publishable',
          key_hash: hashKey(publishableKey),
          display_prefix: displayPrefix(publishableKey),
          // Public by design (it ships in web pages), so Settings can show it for the install snippet.
          plaintext: publishableKey,
        },
      ])
      .execute();
    await trx
      .insertInto('audit_log')
      .values({ workspace_id: ws.id, actor: 'system', action: 'workspace.created', target: ws.id, details: {} })
      .execute();
    await installGuideTemplates(trx, ws.id);
    return {
      id: ws.id,
      name: ws.name,
      publishable_key: publishableKey,
      secret_key: secretKey,
      identity_secret: identitySecret,
    };
  });
}

/** Finds the live workspace a key belongs to, or undefined. */
export async function findWorkspaceByKey(db: Db, kind: 'secret' | 'publishable', key: string) {
  return db
    .selectFrom('api_keys')
    .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'api_keys.id as key_id'])
    .where('api_keys.key_hash', '=', hashKey(key))
    .where('api_keys.kind', '=', kind)
    .where('api_keys.revoked_at', 'is', null)
    .executeTakeFirst();
}
