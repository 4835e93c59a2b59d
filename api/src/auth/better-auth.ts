import { createHash } from 'node:crypto';
import { kyselyAdapter } from '@better-auth/kysely-adapter';
import { betterAuth } from 'better-auth';
import { magicLink } from 'better-auth/plugins/magic-link';
import type { AppDeps } from '../app-deps';
import { withHashedSessionTokens } from './hashed-session-tokens';

/** How long a one-time sign-in link stays valid. Long enough to reach an inbox, short enough to leak little. */
export const LOGIN_LINK_TTL_SECONDS = 24 * 60 * 60;
/** How long a console session lasts; it is extended on use once a day. */
export const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60;

/** The login-link token as stored: a SHA-256 digest, so a database read never yields a usable link. */
export const hashLoginToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** `magic-link:<digest>`: the identifier better-auth's magic-link plugin stores a token under. */
export const loginTokenIdentifier = (token: string) => `magic-link:${hashLoginToken(token)}`;

function buildAuth(deps: AppDeps) {
  // sendMagicLink runs inside signInMagicLink; the caller picks its token up from here by capture id.
  const issued = new Map<string, string>();
  const auth = betterAuth({
    appName: 'Candor',
    baseURL: deps.config.publicUrl,
    secret: deps.secret,
    // Session tokens are stored hashed: see hashed-session-tokens.ts.
    database: (options: Parameters<ReturnType<typeof kyselyAdapter>>[0]) =>
      withHashedSessionTokens(kyselyAdapter(deps.db, { type: 'postgres' })(options)),
    // No better-auth HTTP routes are mounted; we call auth.api from our own /login and /console/api routes.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { disabled: true },
    advanced: {
      cookiePrefix: 'candor',
      useSecureCookies: deps.config.publicUrl.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
    },
    user: {
      modelName: 'auth_users',
      fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    session: {
      modelName: 'auth_sessions',
      expiresIn: SESSION_TTL_SECONDS,
      updateAge: 24 * 60 * 60,
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
      additionalFields: {
        workspaceId: { type: 'string', required: false, input: false, fieldName: 'workspace_id' },
      },
    },
    account: {
      modelName: 'auth_accounts',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: {
      modelName: 'auth_verifications',
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    plugins: [
      magicLink({
        expiresIn: LOGIN_LINK_TTL_SECONDS,
        storeToken: { type: 'custom-hasher', hash: async (token) => hashLoginToken(token) },
        sendMagicLink: async ({ token, metadata }) => {
          const captureId = metadata?.captureId;
          if (typeof captureId === 'string') issued.set(captureId, token);
        },
      }),
    ],
  });
  return { auth, issued };
}

export type Auth = ReturnType<typeof buildAuth>['auth'];

const instances = new WeakMap<AppDeps, ReturnType<typeof buildAuth>>();

/** The better-auth instance for this process's deps (one per app; tests build several). */
export function authFor(deps: AppDeps) {
  let built = instances.get(deps);
  if (!built) {
    built = buildAuth(deps);
    instances.set(deps, built);
  }
  return built;
}
