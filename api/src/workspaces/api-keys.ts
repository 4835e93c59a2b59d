import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { openSecret, sealSecret } from '../secrets/sealed-secrets';
import { recordAudit } from './audit';
import { displayPrefix, generateKey, hashKey } from './keys';

type Deps = Pick<AppDeps, 'db' | 'log' | 'now' | 'secret' | 'previousSecret'>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A new identity secret: 32 random bytes, hex (the HMAC key behind the widget's userHash). */
export const generateIdentitySecret = () => randomBytes(32).toString('hex');

/**
 * The workspace's live keys as the Settings page shows them: the newest publishable key
 * (readable when it was issued since keys are kept readable; public by design) and the
 * secret key's prefix only. The secret key itself is never stored in readable form.
 */
export async function readKeys(db: AppDeps['db'], ws: Ws) {
  const rows = await tenant(db, ws)
    .selectFrom('api_keys')
    .select(['id', 'kind', 'display_prefix', 'plaintext', 'created_at'])
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const publishable = rows.filter((k) => k.kind === 'publishable');
  const pk = publishable.find((k) => k.plaintext) ?? publishable[0];
  const sk = rows.find((k) => k.kind === 'secret');
  return {
    publishable: pk
      ? { id: pk.id, key: pk.plaintext, display_prefix: pk.display_prefix, created_at: iso(pk.created_at) }
      : null,
    publishable_active: publishable.length,
    secret: sk ? { id: sk.id, display_prefix: sk.display_prefix, created_at: iso(sk.created_at) } : null,
  };
}

/**
 * Replaces the secret key: every live secret key is revoked (it stops working at once) and
 * a new one is issued. The plaintext is returned here only.
 */
export async function rotateSecretKey(deps: Deps, ws: Ws, actor: string) {
  const key = generateKey('secret');
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const t = tenant(trx, ws);
    const revoked = await t
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where('kind', '=', 'secret')
      .where('revoked_at', 'is', null)
      .returning('display_prefix')
      .execute();
    const row = await t
      .insertInto('api_keys')
      .values({ kind: 'secret', key_hash: hashKey(key), display_prefix: displayPrefix(key) })
      .returning(['id', 'display_prefix', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(
      deps,
      ws,
      {
        actor,
        action: 'api_key.rotated',
        target: row.id,
        details: { kind: 'secret', display_prefix: row.display_prefix, revoked: revoked.map((r) => r.display_prefix) },
      },
      trx,
    );
    return { secret_key: key, display_prefix: row.display_prefix, created_at: iso(row.created_at) };
  });
}

/**
 * Issues a readable publishable key. Older publishable keys keep working, because they are
 * already embedded in customers' pages; they are public anyway.
 */
export async function issuePublishableKey(deps: Deps, ws: Ws, actor: string) {
  const key = generateKey('publishable');
  return deps.db.transaction().execute(async (trx) => {
    const row = await tenant(trx, ws)
      .insertInto('api_keys')
      .values({ kind: 'publishable', key_hash: hashKey(key), display_prefix: displayPrefix(key), plaintext: key })
      .returning(['id', 'display_prefix', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(
      deps,
      ws,
      {
        actor,
        action: 'api_key.issued',
        target: row.id,
        details: { kind: 'publishable', display_prefix: row.display_prefix },
      },
      trx,
    );
    return { publishable_key: key, display_prefix: row.display_prefix, created_at: iso(row.created_at) };
  });
}

/** The identity secret, for an admin who asked to see it (audited). */
export async function revealIdentitySecret(deps: Deps, ws: Ws, actor: string) {
  const row = await deps.db
    .selectFrom('workspaces')
    .select('identity_secret')
    .where('id', '=', ws.id)
    .executeTakeFirstOrThrow();
  await recordAudit(deps, ws, { actor, action: 'identity_secret.revealed' });
  return { identity_secret: openSecret(deps, 'identity-secret', row.identity_secret) };
}

/**
 * Replaces the identity secret. userHash values computed with the old one stop matching at
 * once, so with verification on, the customer's server must switch at the same time.
 */
export async function rotateIdentitySecret(deps: Deps, ws: Ws, actor: string) {
  const secret = generateIdentitySecret();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('workspaces')
      .set({ identity_secret: sealSecret(deps, 'identity-secret', secret) })
      .where('id', '=', ws.id)
      .execute();
    await recordAudit(deps, ws, { actor, action: 'identity_secret.rotated' }, trx);
  });
  return { identity_secret: secret };
}
