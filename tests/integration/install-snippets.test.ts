import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { identityHash } from '@candor/api/widget-auth/identity-proof';
import { describe, expect, it } from 'vitest';
import { userHashSnippet, widgetSnippet } from '../../console/src/routes/settings/snippets';

const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const USER = 'u_42 ünïcode';
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
    const html = widgetSnippet('https://candor.acme.io', 'pk_abc123');
    expect(html).toContain('<script async src="https://candor.acme.io/widget.js"></script>');
    expect(html).toContain("key: 'pk_abc123'");
    expect(html).toContain('userHash:');
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
    }
  });
});
