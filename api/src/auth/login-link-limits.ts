import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { clientAddress } from '../http/client-address';
import type { RateLimitCheck } from '../http/rate-limits';

/**
 * The limits on asking for sign-in links (member invites): per client address, and per
 * recipient, so nobody can fill one inbox with sign-in mail.
 */
export function loginLinkRateLimits(c: Context<AppEnv>, body: unknown): RateLimitCheck[] {
  const email = (body as { email?: unknown } | null)?.email;
  return [
    { name: 'login_link_address', subject: clientAddress(c) },
    ...(typeof email === 'string' && email.trim() !== ''
      ? [{ name: 'login_link_recipient' as const, subject: email.trim().toLowerCase() }]
      : []),
  ];
}
