/** The install snippets the Settings page generates for this workspace. Pure, so they can be tested. */

export type ServerLanguage = 'node' | 'python' | 'ruby';

export const serverLanguages: { id: ServerLanguage; label: string }[] = [
  { id: 'node', label: 'Node.js' },
  { id: 'python', label: 'Python' },
  { id: 'ruby', label: 'Ruby' },
];

/** How a page proves who its user is: a signed token (recommended) or a userHash. */
export type IdentityForm = 'token' | 'userHash';

export const identityForms: { id: IdentityForm; label: string }[] = [
  { id: 'token', label: 'Token (JWT, recommended)' },
  { id: 'userHash', label: 'userHash' },
];

/** The script tags for the customer's web app: the loader, then init with this workspace's key. */
export function widgetSnippet(publicUrl: string, publishableKey: string, form: IdentityForm = 'token'): string {
  const identity =
    form === 'token'
      ? `    // Signed on your server per page load with the identity secret (see below):
    // user id, email, name and account, valid for at most 24 hours.
    token: candorIdentityToken,`
      : `    user: { id: currentUser.id, email: currentUser.email, name: currentUser.name },
    account: { id: currentAccount.id, name: currentAccount.name },
    // Computed on your server with the identity secret (see below). It signs the user id
    // only: Candor will not change a known user's email or account from the page.
    userHash: candorUserHash,`;
  return `<script async src="${publicUrl}/widget.js"></script>
<script>
  window.Candor = window.Candor || function () { (Candor.q = Candor.q || []).push(arguments) };
  Candor('init', {
    key: '${publishableKey}',
${identity}
  });
</script>`;
}

/**
 * Server code signing the identity token: an HS256 JWT under the identity secret with the
 * user (sub, email, name), their account and a short expiry. Standard libraries only.
 */
export function identityTokenSnippet(language: ServerLanguage): string {
  switch (language) {
    case 'node':
      return `import { SignJWT } from 'jose'; // npm install jose

// CANDOR_IDENTITY_SECRET: the identity secret from Candor → Settings → API keys.
const secret = new TextEncoder().encode(process.env.CANDOR_IDENTITY_SECRET);

export function candorIdentityToken(user, account) {
  return new SignJWT({
    email: user.email,
    name: user.name,
    account: { id: String(account.id), name: account.name },
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(user.id))
    .setExpirationTime('1h') // Candor refuses tokens that live over 24 hours
    .sign(secret);
}`;
    case 'python':
      return `import os
import time

import jwt  # pip install PyJWT

# CANDOR_IDENTITY_SECRET: the identity secret from Candor → Settings → API keys.
def candor_identity_token(user, account) -> str:
    claims = {
        "sub": str(user["id"]),
        "email": user.get("email"),
        "name": user.get("name"),
        "account": {"id": str(account["id"]), "name": account.get("name")},
        "exp": int(time.time()) + 3600,  # Candor refuses tokens that live over 24 hours
    }
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode(claims, os.environ["CANDOR_IDENTITY_SECRET"], algorithm="HS256")`;
    case 'ruby':
      return `require "jwt" # gem install jwt

# CANDOR_IDENTITY_SECRET: the identity secret from Candor → Settings → API keys.
def candor_identity_token(user, account)
  claims = {
    sub: user.id.to_s,
    email: user.email,
    name: user.name,
    account: { id: account.id.to_s, name: account.name },
    exp: Time.now.to_i + 3600 # Candor refuses tokens that live over 24 hours
  }.compact
  JWT.encode(claims, ENV.fetch("CANDOR_IDENTITY_SECRET"), "HS256")
end`;
  }
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
