import { createHmac, timingSafeEqual } from 'node:crypto';
import { verify } from 'hono/jwt';
import { z } from 'zod';
import { AppError, describeZodError } from '../app-error';

/** The longest an identity token may live: a page renders a fresh one on every load. */
export const MAX_IDENTITY_TOKEN_SECONDS = 24 * 60 * 60;
/** Tolerated difference between the customer's server clock and ours. */
const CLOCK_SKEW_SECONDS = 60;

/** hex HMAC-SHA256 of the user id under the workspace's identity secret (the widget's `userHash`). */
export function identityHash(identitySecret: string, userId: string): string {
  return createHmac('sha256', identitySecret).update(userId).digest('hex');
}

function hashMatches(expected: string, given: string | undefined): boolean {
  if (!given || !/^[0-9a-f]+$/i.test(given)) return false;
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(given.toLowerCase(), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

// Many JWT libraries write an absent value as null; null means "not given" here.
const identityClaims = z.object({
  sub: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullish(),
  name: z.string().trim().max(200).nullish(),
  account: z
    .union([
      z.string().trim().min(1).max(200),
      z.object({ id: z.string().trim().min(1).max(200), name: z.string().trim().max(200).nullish() }),
    ])
    .nullish(),
  exp: z.number().int(),
  iat: z.number().optional(),
  nbf: z.number().optional(),
});

/** Who identify speaks for, and how much of it was signed by the customer's server. */
export type Identity = {
  user: { id: string; email?: string | undefined; name?: string | undefined };
  account?: { id: string; name?: string | undefined } | undefined;
  /**
   * 'all': a token signed user, email, name and account, so identify may change them.
   * 'user_id': a userHash signed only the user id. 'none': test mode, nothing was signed.
   */
  signed: 'all' | 'user_id' | 'none';
};

const refuse = (message: string) => new AppError('unauthorized', message);

/**
 * Verifies an identity token: HS256 under the identity secret, `exp` required, in the future
 * and at most 24 hours ahead (so a leaked token cannot be replayed for long). Throws a 401
 * naming what is wrong.
 */
export async function verifyIdentityToken(identitySecret: string, token: string, now: Date): Promise<Identity> {
  let payload: unknown;
  try {
    // Time claims are checked below against the app's clock, with a little skew allowed.
    payload = await verify(token, identitySecret, { alg: 'HS256', exp: false, nbf: false, iat: false });
  } catch {
    throw refuse('token is not an HS256 JWT signed with this workspace’s identity secret.');
  }
  const parsed = identityClaims.safeParse(payload);
  if (!parsed.success) throw refuse(`token claims: ${describeZodError(parsed.error)}`);
  const claims = parsed.data;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (claims.exp <= nowSeconds) throw refuse('token has expired (exp).');
  if (claims.exp > nowSeconds + MAX_IDENTITY_TOKEN_SECONDS + CLOCK_SKEW_SECONDS)
    throw refuse('token exp is more than 24 hours ahead; sign a fresh, short-lived token per page load.');
  if ((claims.nbf ?? 0) > nowSeconds + CLOCK_SKEW_SECONDS) throw refuse('token is not valid yet (nbf).');
  if ((claims.iat ?? 0) > nowSeconds + CLOCK_SKEW_SECONDS) throw refuse('token was issued in the future (iat).');
  const account =
    typeof claims.account === 'string'
      ? { id: claims.account }
      : claims.account
        ? { id: claims.account.id, name: claims.account.name ?? undefined }
        : undefined;
  return {
    user: { id: claims.sub, email: claims.email ?? undefined, name: claims.name ?? undefined },
    account,
    signed: 'all',
  };
}

/** What the page sent to identify (already validated at the edge). */
export type IdentifyClaimsInput = {
  token?: string | undefined;
  userHash?: string | undefined;
  user?: { id?: string | undefined; email?: string | undefined; name?: string | undefined } | undefined;
  account?: { id: string; name?: string | undefined } | undefined;
};

/**
 * Decides who an identify call is for. With a token, identity comes from its claims and
 * anything the body repeats must agree. With a userHash, the user id must match it. With
 * neither, only a workspace in test mode accepts the call.
 */
export async function resolveIdentity(
  workspace: { identity_secret: string; identity_verification: boolean },
  input: IdentifyClaimsInput,
  now: Date,
): Promise<Identity> {
  if (input.token) {
    const identity = await verifyIdentityToken(workspace.identity_secret, input.token, now);
    const disagrees = (field: string, given: string | undefined, signed: string | undefined) => {
      if (given !== undefined && given !== signed) throw refuse(`${field} differs from the token; the token decides.`);
    };
    disagrees('user.id', input.user?.id, identity.user.id);
    disagrees('user.email', input.user?.email, identity.user.email);
    disagrees('user.name', input.user?.name, identity.user.name);
    disagrees('account.id', input.account?.id, identity.account?.id);
    disagrees('account.name', input.account?.name, identity.account?.name);
    return identity;
  }
  const userId = input.user?.id;
  if (!userId) throw new AppError('invalid_request', 'user.id: required unless a token is sent');
  const user = { id: userId, email: input.user?.email, name: input.user?.name };
  if (hashMatches(identityHash(workspace.identity_secret, userId), input.userHash))
    return { user, account: input.account, signed: 'user_id' };
  if (workspace.identity_verification)
    throw refuse(
      input.userHash
        ? 'userHash does not match this user; identity verification is on.'
        : 'identity verification is on: send a token or a userHash signed with the identity secret.',
    );
  return { user, account: input.account, signed: 'none' };
}
