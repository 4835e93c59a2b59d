import { describe, expect, it } from 'vitest';
import { redactSecretLinks } from './redact-links';

describe('redactSecretLinks', () => {
  it('hides the token of sign-in, interview and unsubscribe links in text and in HTML', () => {
    const text = [
      'Sign in: http://candor.test/login?token=abc.DEF-123_x',
      '<a href="https://c.example/i/eyJhbGciOi.eyJzdWIi.sig">Start</a>',
      'Unsubscribe: <https://c.example/unsubscribe/ws.contact.c2ln>',
    ].join('\n');
    const { text: out, redacted } = redactSecretLinks(text);
    expect(redacted).toBe(3);
    expect(out).toBe(
      [
        'Sign in: http://candor.test/login?[redacted]',
        '<a href="https://c.example/i/[redacted]">Start</a>',
        'Unsubscribe: <https://c.example/unsubscribe/[redacted]>',
      ].join('\n'),
    );
    for (const secret of ['abc.DEF', 'eyJ', 'c2ln']) expect(out).not.toContain(secret);
  });

  it('leaves other links alone', () => {
    const text = 'Open http://candor.test/accounts/1 or http://candor.test/login to sign in.';
    expect(redactSecretLinks(text)).toEqual({ text, redacted: 0 });
  });
});
