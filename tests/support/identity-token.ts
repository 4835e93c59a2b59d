import { createHmac } from 'node:crypto';

/**
 * An HS256 JWT as any standard library on the customer's server makes it (jsonwebtoken,
 * jose, PyJWT): written out here so the tests do not share the server's JWT code.
 */
export function signIdentityToken(
  secret: string,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const data = `${part({ alg: 'HS256', typ: 'JWT', ...header })}.${part(claims)}`;
  return `${data}.${createHmac('sha256', secret).update(data).digest('base64url')}`;
}

/** A unix time `seconds` from now (negative for the past). */
export const inSeconds = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;
