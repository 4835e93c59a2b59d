import { createHmac } from 'node:crypto';
import { decode, sign, verify } from 'hono/jwt';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';

/** Widget tokens are short-lived: the page asks for a new one on every identify. */
export const WIDGET_TOKEN_TTL_SECONDS = 2 * 60 * 60;
/** Email links stay valid long enough for a customer to get to their inbox. */
export const LINK_TOKEN_TTL_DAYS = 14;

type Purpose = 'widget' | 'interview-link';

// Each kind of token has its own key derived from the instance secret, so one can never pass for the other.
// Every widget request verifies a token, so the imported key is kept rather than imported each time.
const keys = new Map<string, Promise<CryptoKey>>();
function keyFor(secret: string, purpose: Purpose): Promise<CryptoKey> {
  const id = `${purpose}:${secret}`;
  let key = keys.get(id);
  if (!key) {
    const raw = createHmac('sha256', secret).update(`candor:${purpose}:v1`).digest('base64url');
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(raw), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    keys.set(id, key);
  }
  return key;
}

/** Who a valid token speaks for. */
export type InterviewAccess =
  | { kind: 'widget'; workspaceId: string; contactId: string }
  | { kind: 'link'; workspaceId: string; interviewId: string };

const claims = z.object({ aud: z.string(), ws: z.uuid(), sub: z.uuid(), exp: z.number() });

/** A widget token: this contact of this workspace, for two hours. */
export async function signWidgetToken(deps: Pick<AppDeps, 'secret' | 'now'>, workspaceId: string, contactId: string) {
  const iat = Math.floor(deps.now().getTime() / 1000);
  return sign(
    { aud: 'widget', ws: workspaceId, sub: contactId, iat, exp: iat + WIDGET_TOKEN_TTL_SECONDS },
    await keyFor(deps.secret, 'widget'),
    'HS256',
  );
}

/** A link token: one interview of one workspace, until it expires. */
export async function signLinkToken(
  deps: Pick<AppDeps, 'secret' | 'now'>,
  workspaceId: string,
  interviewId: string,
  expiresAt: Date,
) {
  const iat = Math.floor(deps.now().getTime() / 1000);
  return sign(
    { aud: 'interview-link', ws: workspaceId, sub: interviewId, iat, exp: Math.floor(expiresAt.getTime() / 1000) },
    await keyFor(deps.secret, 'interview-link'),
    'HS256',
  );
}

// A customer's token comes back with every turn. Tokens are stateless (nothing revokes one
// before it expires), so a verified token is remembered with its expiry and checked against
// the clock each time; the cache is bounded and the oldest entry goes first.
const MAX_VERIFIED = 10_000;
const verified = new Map<string, Map<string, { access: InterviewAccess; expMs: number }>>();

/** Verifies a widget or link token against the instance secret and the clock; null when it is not valid. */
export async function readAccessToken(
  deps: Pick<AppDeps, 'secret' | 'previousSecret' | 'now'>,
  token: string,
): Promise<InterviewAccess | null> {
  // Keyed by the secrets that verified it: a process without the previous secret must check again.
  const keyring = `${deps.secret}\n${deps.previousSecret ?? ''}`;
  let bySecret = verified.get(keyring);
  if (!bySecret) {
    bySecret = new Map();
    verified.set(keyring, bySecret);
  }
  const known = bySecret.get(token);
  if (known) return known.expMs > deps.now().getTime() ? known.access : null;
  const checked = await verifyAccessToken(deps, token);
  if (checked) {
    if (bySecret.size >= MAX_VERIFIED) bySecret.delete(bySecret.keys().next().value as string);
    bySecret.set(token, checked);
  }
  return checked ? checked.access : null;
}

async function verifyAccessToken(
  deps: Pick<AppDeps, 'secret' | 'previousSecret' | 'now'>,
  token: string,
): Promise<{ access: InterviewAccess; expMs: number } | null> {
  let purpose: Purpose;
  try {
    const aud = decode(token).payload.aud;
    if (aud !== 'widget' && aud !== 'interview-link') return null;
    purpose = aud;
  } catch {
    return null;
  }
  try {
    // Expiry is checked against the app's clock below, so tests and replays agree on "now".
    // Tokens signed before a rotation of CANDOR_SECRET verify with CANDOR_SECRET_PREVIOUS until they expire.
    const options = { alg: 'HS256', exp: false, iat: false, nbf: false } as const;
    const payload = await verify(token, await keyFor(deps.secret, purpose), options).catch(async (err) => {
      if (!deps.previousSecret) throw err;
      return verify(token, await keyFor(deps.previousSecret, purpose), options);
    });
    const parsed = claims.safeParse(payload);
    if (!parsed.success || parsed.data.aud !== purpose) return null;
    const expMs = parsed.data.exp * 1000;
    if (expMs <= deps.now().getTime()) return null;
    const access: InterviewAccess =
      purpose === 'widget'
        ? { kind: 'widget', workspaceId: parsed.data.ws, contactId: parsed.data.sub }
        : { kind: 'link', workspaceId: parsed.data.ws, interviewId: parsed.data.sub };
    return { access, expMs };
  } catch {
    return null;
  }
}
