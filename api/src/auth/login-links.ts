import { randomUUID } from 'node:crypto';
import { isAPIError } from 'better-auth/api';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import { tenant } from '../db/tenant';
import { authFor, loginTokenIdentifier } from './better-auth';
import { hashSessionToken } from './hashed-session-tokens';

export type MemberRole = 'admin' | 'csm';

const emailSchema = z.email().max(254);

/** Normalizes and checks an email address; a bad one is a 400 naming the field. */
export function parseMemberEmail(email: string): string {
  const parsed = emailSchema.safeParse(email.trim().toLowerCase());
  if (!parsed.success) throw new AppError('invalid_request', `email: "${email}" is not a valid email address`);
  return parsed.data;
}

/** Adds the member if missing; an explicit role also updates an existing member's role. */
async function ensureMember(
  deps: AppDeps,
  input: { workspaceId: string; email: string; name?: string | undefined; role?: MemberRole | undefined },
) {
  const t = tenant(deps.db, { id: input.workspaceId });
  const inserted = await t
    .insertInto('members')
    .values({ email: input.email, name: input.name ?? null, role: input.role ?? 'csm' })
    .onConflict((oc) => oc.columns(['workspace_id', 'email']).doNothing())
    .returning(['id', 'role'])
    .executeTakeFirst();
  if (inserted) return inserted;
  const existing = await t
    .selectFrom('members')
    .select(['id', 'role'])
    .where('email', '=', input.email)
    .executeTakeFirstOrThrow();
  if (!input.role || input.role === existing.role) return existing;
  await t.updateTable('members').set({ role: input.role }).where('id', '=', existing.id).execute();
  return { id: existing.id, role: input.role };
}

/**
 * Creates a one-time sign-in link for a person in a workspace, adding them as a member
 * (csm unless told otherwise) when they are not one yet.
 */
export async function createLoginLink(
  deps: AppDeps,
  input: { workspaceId: string; email: string; name?: string; role?: MemberRole },
): Promise<{ url: string; memberId: string; role: MemberRole }> {
  const email = parseMemberEmail(input.email);
  const member = await ensureMember(deps, { ...input, email });
  const { auth, issued } = authFor(deps);
  const captureId = randomUUID();
  await auth.api.signInMagicLink({
    body: { email, ...(input.name ? { name: input.name } : {}), metadata: { captureId } },
    headers: new Headers(),
  });
  const token = issued.get(captureId);
  issued.delete(captureId);
  if (!token) throw new Error('the sign-in token was not issued');
  // The token itself only proves the email; the workspace it signs into is kept beside it.
  await deps.db
    .updateTable('auth_verifications')
    .set({ workspace_id: input.workspaceId })
    .where('identifier', '=', loginTokenIdentifier(token))
    .execute();
  return {
    url: `${deps.config.publicUrl}/login?token=${encodeURIComponent(token)}`,
    memberId: member.id,
    role: member.role,
  };
}

const pendingLinkValue = z.object({ email: z.string() });

/**
 * Who an unused, unexpired login token would sign in, and to which workspace, without
 * consuming it: mail scanners open every link, so only the page's POST may use it up.
 */
export async function peekLoginLink(
  deps: AppDeps,
  token: string,
): Promise<{ email: string; workspaceName: string } | undefined> {
  const row = await deps.db
    .selectFrom('auth_verifications')
    .innerJoin('workspaces', 'workspaces.id', 'auth_verifications.workspace_id')
    .select(['auth_verifications.value', 'auth_verifications.expires_at', 'workspaces.name as workspace_name'])
    .where('auth_verifications.identifier', '=', loginTokenIdentifier(token))
    .executeTakeFirst();
  // better-auth checks expiry against the wall clock, so the peek does too.
  if (!row || new Date(row.expires_at).getTime() <= Date.now()) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(row.value);
  } catch {
    return undefined;
  }
  const parsed = pendingLinkValue.safeParse(value);
  return parsed.success ? { email: parsed.data.email, workspaceName: row.workspace_name } : undefined;
}

export type SignedIn = { setCookies: string[]; memberId: string; workspaceId: string };

/**
 * Verifies and consumes a login token, then opens a session bound to the link's workspace.
 * Returns undefined for an unknown, used or expired token, or a member removed since.
 */
export async function consumeLoginLink(deps: AppDeps, token: string, headers: Headers): Promise<SignedIn | undefined> {
  const pending = await deps.db
    .selectFrom('auth_verifications')
    .select('workspace_id')
    .where('identifier', '=', loginTokenIdentifier(token))
    .executeTakeFirst();
  if (!pending?.workspace_id) return undefined;
  const workspaceId = pending.workspace_id;
  const { auth } = authFor(deps);
  const verify = () => auth.api.magicLinkVerify({ query: { token }, headers, returnHeaders: true });
  let verified: Awaited<ReturnType<typeof verify>>;
  try {
    verified = await verify();
  } catch (err) {
    // better-auth answers a bad token by throwing a redirect with ?error=INVALID_TOKEN;
    // anything else (the database is down) is a real error, not a bad link.
    if (isAPIError(err)) return undefined;
    throw err;
  }
  const { user, token: sessionToken } = verified.response as { user: { id: string; email: string }; token: string };
  const member = await tenant(deps.db, { id: workspaceId })
    .updateTable('members')
    .set({ user_id: user.id })
    .where('email', '=', user.email.toLowerCase())
    .returning('id')
    .executeTakeFirst();
  if (!member) {
    await deps.db.deleteFrom('auth_sessions').where('token', '=', hashSessionToken(sessionToken)).execute();
    return undefined;
  }
  await deps.db
    .updateTable('auth_sessions')
    .set({ workspace_id: workspaceId })
    .where('token', '=', hashSessionToken(sessionToken))
    .execute();
  return { setCookies: verified.headers.getSetCookie(), memberId: member.id, workspaceId };
}

/**
 * Revokes a person's unused sign-in links for one workspace, so a fresh invite is the only
 * one that works. better-auth's magic-link rows keep the email in their JSON `value`.
 */
export async function revokeLoginLinks(deps: Pick<AppDeps, 'db'>, workspaceId: string, email: string) {
  await deps.db
    .deleteFrom('auth_verifications')
    .where('workspace_id', '=', workspaceId)
    .where('identifier', 'like', 'magic-link:%')
    .where(sql<string>`value::jsonb ->> 'email'`, '=', email)
    .execute();
}
