import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';
import type { AppEnv } from './app-env';

/**
 * The client's address for rate limits: the socket's peer, or, behind `CANDOR_TRUST_PROXY`
 * proxies, the X-Forwarded-For entry the outermost trusted proxy added (entries further
 * left are whatever the client claimed). IPv6 addresses count per /64, the block one
 * subscriber usually holds; requests not from a socket (in-process) share one bucket.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const hops = c.get('deps').config.rateLimits.trustProxyHops;
  if (hops > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const client = forwarded[Math.max(forwarded.length - hops, 0)];
    if (client) return normalize(client);
  }
  return normalize(socketAddress(c) ?? 'unknown');
}

function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // No Node socket behind this request (app.request in-process).
    return undefined;
  }
}

function normalize(address: string): string {
  if (!ipaddr.isValid(address)) return address.slice(0, 64);
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${v6.parts
    .slice(0, 4)
    .map((p) => p.toString(16))
    .join(':')}::/64`;
}
