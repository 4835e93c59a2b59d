import { createMiddleware } from 'hono/factory';
import { AppError } from '../app-error';
import type { AppEnv } from '../http/app-env';
import { findWorkspaceByKey } from '../workspaces/create-workspace';

/**
 * Segment-compatible auth: the workspace secret key as Segment's write key, sent as HTTP
 * Basic (`sk_…:` — Segment's HTTP API and destinations), as a Bearer token, or as
 * `writeKey` in the body (what `@segment/analytics-node` sends).
 */
export const segmentAuth = createMiddleware<AppEnv>(async (c, next) => {
  const key = keyFromHeader(c.req.header('authorization')) ?? (await keyFromBody(() => c.req.json()));
  if (!key)
    throw new AppError(
      'unauthorized',
      'Send your workspace secret key as the Segment write key (Basic auth, Bearer, or "writeKey").',
    );
  const ws = key.startsWith('sk_') ? await findWorkspaceByKey(c.get('deps').db, 'secret', key) : undefined;
  if (!ws) throw new AppError('unauthorized', 'That write key is not a valid secret key.');
  c.set('ws', { id: ws.id });
  await next();
});

function keyFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (!basic?.[1]) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  return decoded.split(':')[0] || undefined;
}

async function keyFromBody(readJson: () => Promise<unknown>): Promise<string | undefined> {
  const body = await readJson().catch(() => undefined);
  if (body && typeof body === 'object' && 'writeKey' in body && typeof body.writeKey === 'string') return body.writeKey;
  return undefined;
}
