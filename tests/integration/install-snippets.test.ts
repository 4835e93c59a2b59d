import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { identityHash, verifyIdentityToken } from '@candor/api/widget-auth/identity-proof';
import { describe, expect, it } from 'vitest';
import { identityTokenSnippet, userHashSnippet, widgetSnippet } from '../../console/src/routes/settings/snippets';

const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const USER = 'u_42 ünïcode';
const hasPyJwt = (() => {
  try {
    execFileSync('python3', ['-c', 'import jwt'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const hasPython = (() => {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

describe('the install snippets the Settings page generates', () => {
  it('puts this workspace’s publishable key and Candor URL in the script tag', () => {
    const html = widgetSnippet('https://candor.acme.io', 'pk_abc123', 'userHash');
    expect(html).toContain('<script async src="https://candor.acme.io/widget.js"></script>');
    expect(html).toContain("key: 'pk_abc123'");
    expect(html).toContain('userHash:');
    // The signed token is the form offered first.
    const withToken = widgetSnippet('https://candor.acme.io', 'pk_abc123');
    expect(withToken).toContain("key: 'pk_abc123'");
    expect(withToken).toContain('token: candorIdentityToken');
    expect(withToken).not.toContain('userHash');
  });

  it('signs an identity token in Node (jose) that the server accepts, with every claim', async () => {
    // Inside the repository's own node_modules (which a fresh install always has; the tests
    // workspace's may not exist), so the snippet's `import 'jose'` resolves as in a customer's app.
    const dir = mkdtempSync(path.join(import.meta.dirname, '..', '..', 'node_modules', '.candor-snippet-'));
    const file = path.join(dir, 'identity-token.mjs');
    writeFileSync(file, identityTokenSnippet('node'));
    process.env.CANDOR_IDENTITY_SECRET = SECRET;
    try {
      const { candorIdentityToken } = await import(pathToFileURL(file).href);
      const token = await candorIdentityToken(
        { id: USER, email: 'ada@acme.io', name: 'Ada' },
        { id: 'acme', name: 'Acme Corp' },
      );
      expect(await verifyIdentityToken(SECRET, token, new Date())).toEqual({
        user: { id: USER, email: 'ada@acme.io', name: 'Ada' },
        account: { id: 'acme', name: 'Acme Corp' },
        signed: 'all',
      });
    } finally {
      delete process.env.CANDOR_IDENTITY_SECRET;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasPyJwt)('signs an identity token in Python (PyJWT) that the server accepts', async () => {
    const program = `${identityTokenSnippet('python')}\nimport sys\nprint(candor_identity_token({"id": sys.argv[1], "email": "ada@acme.io"}, {"id": "acme"}), end="")`;
    const token = execFileSync('python3', ['-c', program, USER], {
      env: { ...process.env, CANDOR_IDENTITY_SECRET: SECRET },
    }).toString();
    expect(await verifyIdentityToken(SECRET, token, new Date())).toMatchObject({
      user: { id: USER, email: 'ada@acme.io' },
      account: { id: 'acme' },
    });
  });

  it('computes the same userHash in Node as the server checks', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'candor-snippet-'));
    const file = path.join(dir, 'user-hash.mjs');
    writeFileSync(file, userHashSnippet('node'));
    process.env.CANDOR_IDENTITY_SECRET = SECRET;
    try {
      const { candorUserHash } = await import(pathToFileURL(file).href);
      expect(candorUserHash(USER)).toBe(identityHash(SECRET, USER));
    } finally {
      delete process.env.CANDOR_IDENTITY_SECRET;
    }
  });

  it.skipIf(!hasPython)('computes the same userHash in Python as the server checks', () => {
    const program = `${userHashSnippet('python')}\nimport sys\nprint(candor_user_hash(sys.argv[1]), end="")`;
    const out = execFileSync('python3', ['-c', program, USER], {
      env: { ...process.env, CANDOR_IDENTITY_SECRET: SECRET },
    }).toString();
    expect(out).toBe(identityHash(SECRET, USER));
  });

  it('reads the secret from the environment in every language, never inlining one', () => {
    for (const language of ['node', 'python', 'ruby'] as const) {
      const code = userHashSnippet(language);
      expect(code).toContain('CANDOR_IDENTITY_SECRET');
      expect(code).toMatch(/sha256/i);
      expect(code).not.toMatch(/[0-9a-f]{32}/);
      const tokenCode = identityTokenSnippet(language);
      expect(tokenCode).toContain('CANDOR_IDENTITY_SECRET');
      expect(tokenCode).toContain('HS256');
      expect(tokenCode).not.toMatch(/[0-9a-f]{32}/);
    }
  });
});
