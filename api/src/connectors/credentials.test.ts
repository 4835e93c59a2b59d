import { describe, expect, it } from 'vitest';
import { openCredentials, sealCredentials } from './credentials';

const secret = 'a-secret-of-at-least-thirty-two-characters';

describe('connector credentials', () => {
  it('opens what it sealed, and the sealed form holds no plaintext', () => {
    const sealed = sealCredentials(secret, 'ws-1', { token: 'xoxb-plain-token' });
    expect(sealed).not.toContain('xoxb');
    expect(openCredentials(secret, 'ws-1', sealed)).toEqual({ token: 'xoxb-plain-token' });
  });

  it('refuses another workspace, another secret and a changed byte', () => {
    const sealed = sealCredentials(secret, 'ws-1', { token: 't' });
    expect(() => openCredentials(secret, 'ws-2', sealed)).toThrow();
    expect(() => openCredentials(`${secret}x`, 'ws-1', sealed)).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => openCredentials(secret, 'ws-1', parts.join('.'))).toThrow();
  });
});
