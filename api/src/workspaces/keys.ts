import { createHash, randomBytes } from 'node:crypto';

export type KeyKind = 'secret' | 'publishable';
const prefixes: Record<KeyKind, string> = { secret: 'sk_', publishable: 'pk_' };

/** A new random key: `sk_…` / `pk_…`, 32 bytes of entropy in base64url. */
export function generateKey(kind: KeyKind): string {
  return `${prefixes[kind]}${randomBytes(32).toString('base64url')}`;
}

/** Keys are stored only as this hash; the plaintext is shown once at creation. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** What the console shows to tell keys apart without revealing them. */
export function displayPrefix(key: string): string {
  return `${key.slice(0, 11)}…`;
}
