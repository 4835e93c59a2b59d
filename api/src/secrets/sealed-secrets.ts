import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets Candor must be able to read back (webhook signing secrets, workspace identity
 * secrets) are kept encrypted: AES-256-GCM under a key derived with HKDF from the instance
 * secret (CANDOR_SECRET), so a copy of the database alone does not reveal them. During a
 * rotation CANDOR_SECRET_PREVIOUS still opens what the old secret sealed; boot reseals it.
 */
export type SealingKeys = { secret: string; previousSecret?: string | undefined };

/** What a sealed value is for; each purpose has its own key, so one can never be read as another. */
export type SealPurpose = 'identity-secret' | 'webhook-secret';

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

/** Encrypts a secret for storage: `sealed:v1:<iv>.<ciphertext>.<tag>`, base64url. */
export function sealSecret(keys: SealingKeys, purpose: SealPurpose, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(keys.secret, purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${PREFIX}${[iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.')}`;
}

function openWith(secret: string, purpose: SealPurpose, sealed: string): string | undefined {
  const [iv, body, tag] = sealed.slice(PREFIX.length).split('.');
  if (iv === undefined || body === undefined || tag === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

export type OpenedSecret = { plaintext: string; sealedWith: 'current' | 'previous' | 'none' };

/**
 * Decrypts a stored secret with the current key, then the previous one. A value from before
 * secrets were sealed is plaintext and is returned as it is (boot reseals it).
 */
export function openSealedSecret(keys: SealingKeys, purpose: SealPurpose, stored: string): OpenedSecret {
  if (!stored.startsWith(PREFIX)) return { plaintext: stored, sealedWith: 'none' };
  const current = openWith(keys.secret, purpose, stored);
  if (current !== undefined) return { plaintext: current, sealedWith: 'current' };
  const previous = keys.previousSecret ? openWith(keys.previousSecret, purpose, stored) : undefined;
  if (previous !== undefined) return { plaintext: previous, sealedWith: 'previous' };
  throw new Error(
    `a stored ${purpose} cannot be decrypted with CANDOR_SECRET${keys.previousSecret ? ' or CANDOR_SECRET_PREVIOUS' : ''}; set CANDOR_SECRET_PREVIOUS to the secret it was sealed with`,
  );
}

/** The plaintext of a stored secret (see openSealedSecret). */
export const openSecret = (keys: SealingKeys, purpose: SealPurpose, stored: string) =>
  openSealedSecret(keys, purpose, stored).plaintext;
