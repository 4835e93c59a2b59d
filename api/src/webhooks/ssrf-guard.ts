import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AppError } from '../app-error';

/**
 * True only for globally routable unicast addresses. IPv4-mapped IPv6 (::ffff:10.0.0.1) is
 * judged as the IPv4 address it carries; everything ipaddr.js classes as private, loopback,
 * link-local, CGNAT, multicast, unspecified, reserved or a translation range is refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The address as people read it: an IPv4-mapped IPv6 address shows the IPv4 it carries. */
function describeAddress(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}

/** A URL's host without IPv6 brackets, as DNS and ipaddr.js expect it. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export type ResolvedTarget = { address: string; family: 4 | 6 };

const RULE =
  'webhooks only go to public hosts (an operator can allow private targets with CANDOR_WEBHOOKS_ALLOW_PRIVATE=true).';

/**
 * The refusal for a host name says neither what it resolved to nor whether it resolved at
 * all: either would let a caller map the server's internal network through this message.
 * A literal address is named, as the caller wrote it.
 */
const refuseHost = (host: string) =>
  `url: "${host}" is not a public host: it does not resolve, or resolves to a private, loopback, link-local or otherwise non-public address; ${RULE}`;

/**
 * Where a webhook may go: the addresses to connect to, or why the host is refused (a
 * message naming the field, as an endpoint's creator is told it).
 */
export type WebhookTarget = { targets: ResolvedTarget[] } | { refused: string };

/**
 * Resolves the host (every address DNS returns) and refuses it when any address is not
 * public, unless private targets are allowed. The targets are the addresses to connect to,
 * so the caller can pin the connection to exactly what was checked (no second lookup to
 * rebind). A refusal is an outcome, not an error: saving an endpoint fails with it, while a
 * delivery records it as a failed attempt and carries on.
 */
export async function resolveWebhookTarget(url: URL, allowPrivate: boolean): Promise<WebhookTarget> {
  const host = bareHost(url);
  if (ipaddr.isValid(host)) {
    if (!allowPrivate && !isPublicAddress(host))
      return {
        refused: `url: ${describeAddress(host)} is a private, loopback, link-local or otherwise non-public address; ${RULE}`,
      };
    return { targets: [{ address: host, family: host.includes(':') ? 6 : 4 }] };
  }
  let addresses: ResolvedTarget[];
  try {
    const found = await lookup(host, { all: true, verbatim: true });
    addresses = found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  } catch {
    addresses = [];
  }
  if (addresses.length === 0)
    // With private targets allowed there is no internal network to hide.
    return { refused: allowPrivate ? `url: the host "${host}" does not resolve.` : refuseHost(host) };
  if (!allowPrivate && addresses.some((a) => !isPublicAddress(a.address))) return { refused: refuseHost(host) };
  return { targets: addresses };
}

/** Checks an endpoint URL's shape: absolute http(s), no credentials. The scheme rule is `requireHttps`. */
export function parseWebhookUrl(raw: string): URL {
  if (!URL.canParse(raw)) throw new AppError('invalid_request', 'url: must be an absolute URL.');
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AppError('invalid_request', 'url: must be an http(s) URL.');
  if (url.username || url.password)
    throw new AppError('invalid_request', 'url: must not contain a user name or password.');
  return url;
}

/** Plain http is only for private targets an operator allowed (a local receiver); public ones need TLS. */
export function requireHttps(url: URL, allowPrivate: boolean): void {
  if (url.protocol !== 'https:' && !allowPrivate) throw new AppError('invalid_request', 'url: must be an https URL.');
}
