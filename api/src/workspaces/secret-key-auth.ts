import { createMiddleware } from 'hono/factory';
import { AppError } from '../app-error';
import type { AppEnv } from '../http/app-env';
import { applyRateLimits } from '../http/rate-limits';
import { findWorkspaceByKey } from './create-workspace';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Server API auth: `Authorization: Bearer sk_…` → the workspace that owns the key; writes are rate-limited per key. */
export const secretKeyAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(sk_\S+)$/i.exec(header);
  if (!match?.[1])
    throw new AppError('unauthorized', 'Send your workspace secret key as "Authorization: Bearer sk_…".');
  const ws = await findWorkspaceByKey(c.get('deps').db, 'secret', match[1]);
  if (!ws) throw new AppError('unauthorized', 'That secret key is not valid or has been revoked.');
  c.set('ws', { id: ws.id });
  if (!READS.has(c.req.method)) await applyRateLimits(c, [{ name: 'api_writes_key', subject: ws.key_id }]);
  await next();
});
