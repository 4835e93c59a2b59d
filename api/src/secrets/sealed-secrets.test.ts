import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSealedSecret, openSecret, sealSecret } from './sealed-secrets';

const keys = { secret: 'a-secret-of-at-least-thirty-two-characters' };
const rotated = { secret: 'another-secret-of-at-least-thirty-two-chars', previousSecret: keys.secret };

/** How connector credentials were sealed before they used this module. */
function legacySealedCredentials(secret: string, workspaceId: string, value: unknown) {
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'candor/connector-credentials/v1', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(workspaceId));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return ['v1', ...[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'))].join('.');
}

describe('sealed secrets', () => {
  it('opens what it sealed, and the sealed form holds no plaintext', () => {
    const sealed = sealSecret(keys, 'connector-credentials', '{"bot_token":"xoxb-plain-token"}', 'ws-1');
    expect(sealed).not.toContain('xoxb');
    expect(openSealedSecret(keys, 'connector-credentials', sealed, 'ws-1')).toEqual({
      plaintext: '{"bot_token":"xoxb-plain-token"}',
      sealedWith: 'current',
    });
  });

  it('refuses another context, another purpose, another secret and a changed byte', () => {
    const sealed = sealSecret(keys, 'connector-credentials', 't', 'ws-1');
    expect(() => openSecret(keys, 'connector-credentials', sealed, 'ws-2')).toThrow();
    expect(() => openSecret(keys, 'connector-credentials', sealed)).toThrow();
    expect(() => openSecret(keys, 'webhook-secret', sealed, 'ws-1')).toThrow();
    expect(() => openSecret({ secret: `${keys.secret}x` }, 'connector-credentials', sealed, 'ws-1')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[1] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[1] = body.toString('base64url');
    expect(() => openSecret(keys, 'connector-credentials', parts.join('.'), 'ws-1')).toThrow();
  });

  it('opens with the previous secret during a rotation, and says so', () => {
    const sealed = sealSecret(keys, 'connector-credentials', 'old', 'ws-1');
    expect(openSealedSecret(rotated, 'connector-credentials', sealed, 'ws-1')).toEqual({
      plaintext: 'old',
      sealedWith: 'previous',
    });
    expect(() => openSecret({ secret: rotated.secret }, 'connector-credentials', sealed, 'ws-1')).toThrow();
  });

  it("opens connector credentials in the connectors' former format, under either secret, as legacy", () => {
    const legacy = legacySealedCredentials(keys.secret, 'ws-1', { access_token: 'pat-legacy' });
    for (const k of [keys, rotated]) {
      const opened = openSealedSecret(k, 'connector-credentials', legacy, 'ws-1');
      expect(opened.sealedWith).toBe('legacy');
      expect(JSON.parse(opened.plaintext)).toEqual({ access_token: 'pat-legacy' });
    }
    expect(() => openSecret(keys, 'connector-credentials', legacy, 'ws-2')).toThrow();
    expect(() => openSecret({ secret: rotated.secret }, 'connector-credentials', legacy, 'ws-1')).toThrow();
  });

  it('passes pre-sealing plaintext through, except for connector credentials, which were always sealed', () => {
    expect(openSealedSecret(keys, 'webhook-secret', 'whsec_plain')).toEqual({
      plaintext: 'whsec_plain',
      sealedWith: 'none',
    });
    expect(() => openSecret(keys, 'connector-credentials', '{"bot_token":"xoxb-x"}', 'ws-1')).toThrow();
  });
});
