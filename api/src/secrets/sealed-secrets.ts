import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets Candor must be able to read back (webhook signing secrets, workspace identity
 * secrets, connector credentials) are kept encrypted: AES-256-GCM under a key derived with
 * HKDF from the instance secret (CANDOR_SECRET), so a copy of the database alone does not
 * reveal them. During a rotation CANDOR_SECRET_PREVIOUS still opens what the old secret
 * sealed; boot reseals it.
 */
export type SealingKeys = { secret: string; previousSecret?: string | undefined };

/** What a sealed value is for; each purpose has its own key, so one can never be read as another. */
export type SealPurpose = 'identity-secret' | 'webhook-secret' | 'connector-credentials';

const PREFIX = 'sealed:v1:';

const derived = new Map<string, Buffer>();
function keyFor(secret: string, purpose: SealPurpose): Buffer {
  const id = `${purpose}:${secret}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'candor-secrets-at-rest', `candor:${purpose}:v1`, 32));
    derived.set(id, key);
  }
  return key;
}

/**
 * Encrypts a secret for storage: `sealed:v1:<iv>.<ciphertext>.<tag>`, base64url. A `context`
 * (such as the owning workspace's id) is bound as associated data: the value then opens only
 * with the same context, so a sealed value copied to another row fails instead of decrypting.
 */
export function sealSecret(keys: SealingKeys, purpose: SealPurpose, plaintext: string, context?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(keys.secret, purpose), iv);
  if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${PREFIX}${[iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.')}`;
}

function decrypt(key: Buffer, parts: { iv: string; body: string; tag: string }, context: string | undefined) {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts.iv, 'base64url'));
    if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(parts.tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(parts.body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

function openWith(secret: string, purpose: SealPurpose, sealed: string, context: string | undefined) {
  const [iv, body, tag] = sealed.slice(PREFIX.length).split('.');
  if (iv === undefined || body === undefined || tag === undefined) return undefined;
  return decrypt(keyFor(secret, purpose), { iv, body, tag }, context);
}

/**
 * Connector credentials were first sealed in a format of their own, `v1.<iv>.<tag>.<ciphertext>`
 * under a key with another HKDF salt and info. They still open (with either secret) and
 * count as `legacy`, so boot reseals them into the format above.
 */
const LEGACY_CREDENTIALS = 'v1.';
function openLegacyCredentials(secret: string, sealed: string, context: string | undefined) {
  const [, iv, tag, body] = sealed.split('.');
  if (iv === undefined || tag === undefined || body === undefined) return undefined;
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'candor/connector-credentials/v1', 32));
  return decrypt(key, { iv, body, tag }, context);
}

/** How a stored value was sealed: anything but `current` is resealed at boot. */
export type OpenedSecret = { plaintext: string; sealedWith: 'current' | 'previous' | 'legacy' | 'none' };

/**
 * Decrypts a stored secret with the current key, then the previous one; `context` must be
 * the one it was sealed with. A value from before secrets were sealed is plaintext and is
 * returned as it is (boot reseals it); connector credentials were always sealed, so for them
 * an unsealed value is refused.
 */
export function openSealedSecret(
  keys: SealingKeys,
  purpose: SealPurpose,
  stored: string,
  context?: string,
): OpenedSecret {
  const secrets = [keys.secret, keys.previousSecret];
  if (purpose === 'connector-credentials' && stored.startsWith(LEGACY_CREDENTIALS)) {
    for (const secret of secrets) {
      const opened = secret ? openLegacyCredentials(secret, stored, context) : undefined;
      if (opened !== undefined) return { plaintext: opened, sealedWith: 'legacy' };
    }
  } else if (!stored.startsWith(PREFIX)) {
    if (purpose === 'connector-credentials') throw new Error(`a stored ${purpose} is not sealed`);
    return { plaintext: stored, sealedWith: 'none' };
  } else {
    const current = openWith(keys.secret, purpose, stored, context);
    if (current !== undefined) return { plaintext: current, sealedWith: 'current' };
    const previous = keys.previousSecret ? openWith(keys.previousSecret, purpose, stored, context) : undefined;
    if (previous !== undefined) return { plaintext: previous, sealedWith: 'previous' };
  }
  throw new Error(
    `a stored ${purpose} cannot be decrypted with CANDOR_SECRET${keys.previousSecret ? ' or CANDOR_SECRET_PREVIOUS' : ''}; set CANDOR_SECRET_PREVIOUS to the secret it was sealed with`,
  );
}

/** The plaintext of a stored secret (see openSealedSecret). */
export const openSecret = (keys: SealingKeys, purpose: SealPurpose, stored: string, context?: string) =>
  openSealedSecret(keys, purpose, stored, context).plaintext;
