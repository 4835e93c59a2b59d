import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { clientAddress } from '../http/client-address';
import type { RateLimitCheck } from '../http/rate-limits';
import { findWorkspaceByKey } from '../workspaces/create-workspace';
import { readAccessToken } from './tokens';

/**
 * The limits on the widget's writes (identify, track, start, messages, decline): per client
 * address, then per workspace — the publishable key is public, so anyone can call these.
 * The workspace comes from the publishable key (identify) or the Bearer token (the rest);
 * an unknown one counts per address only, and the route answers 401 as usual.
 */
export async function widgetRateLimits(c: Context<AppEnv>): Promise<RateLimitCheck[]> {
  if (c.req.method !== 'POST') return [];
  const workspaceId = await widgetWorkspace(c);
  return [
    { name: 'widget_address', subject: clientAddress(c) },
    ...(workspaceId ? [{ name: 'widget_key' as const, subject: workspaceId }] : []),
  ];
}

async function widgetWorkspace(c: Context<AppEnv>): Promise<string | undefined> {
  const deps = c.get('deps');
  if (c.req.path === '/v1/widget/identify') {
    // Read as text, which Hono keeps for the checks and the route's own parsing after this
    // (a failed c.req.json() would be kept too, and fail them instead of their own answer).
    const key = (parseJson(await c.req.text()) as { key?: unknown } | undefined)?.key;
    if (typeof key !== 'string' || !key.startsWith('pk_') || key.length > 200) return undefined;
    return (await findWorkspaceByKey(deps.db, 'publishable', key))?.id;
  }
  const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  return token ? (await readAccessToken(deps, token))?.workspaceId : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
