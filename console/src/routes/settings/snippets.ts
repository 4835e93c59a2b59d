/** The install snippets the Settings page generates for this workspace. Pure, so they can be tested. */

export type ServerLanguage = 'node' | 'python' | 'ruby';

export const serverLanguages: { id: ServerLanguage; label: string }[] = [
  { id: 'node', label: 'Node.js' },
  { id: 'python', label: 'Python' },
  { id: 'ruby', label: 'Ruby' },
];

/** The script tags for the customer's web app: the loader, then init with this workspace's key. */
export function widgetSnippet(publicUrl: string, publishableKey: string): string {
  return `<script async src="${publicUrl}/widget.js"></script>
<script>
  window.Candor = window.Candor || function () { (Candor.q = Candor.q || []).push(arguments) };
  Candor('init', {
    key: '${publishableKey}',
    user: { id: currentUser.id, email: currentUser.email, name: currentUser.name },
    account: { id: currentAccount.id, name: currentAccount.name },
    // Computed on your server with the identity secret (see below).
    userHash: candorUserHash,
  });
</script>`;
}

/**
 * Server code computing userHash = HMAC-SHA256(user id) under the identity secret, hex. The
 * secret is read from the environment: it never belongs in a web page or in source control.
 */
export function userHashSnippet(language: ServerLanguage): string {
  switch (language) {
    case 'node':
      return `import { createHmac } from 'node:crypto';

// CANDOR_IDENTITY_SECRET: the identity secret from Candor → Settings → API keys.
export function candorUserHash(userId) {
  return createHmac('sha256', process.env.CANDOR_IDENTITY_SECRET).update(String(userId)).digest('hex');
}`;
    case 'python':
      return `import hashlib
import hmac
import os

# CANDOR_IDENTITY_SECRET: the identity secret from Candor → Settings → API keys.
def candor_user_hash(user_id) -> str:
    secret = os.environ["CANDOR_IDENTITY_SECRET"].encode()
    return hmac.new(secret, str(user_id).encode(), hashlib.sha256).hexdigest()`;
    case 'ruby':
      return `require "openssl"

# CANDOR_IDENTITY_SECRET: the identity secret from Candor → Settings → API keys.
def candor_user_hash(user_id)
  OpenSSL::HMAC.hexdigest("SHA256", ENV.fetch("CANDOR_IDENTITY_SECRET"), user_id.to_s)
end`;
  }
}
