import { isAPIError } from 'better-auth/api';
import type { AppDeps } from '../app-deps';
import { tenant } from '../db/tenant';
import { authFor } from './better-auth';

/** The member a request's session cookie belongs to, with any refreshed cookie; undefined when signed out. */
export async function findSignedInMember(deps: AppDeps, headers: Headers) {
  const { auth } = authFor(deps);
  const { response, headers: out } = await auth.api.getSession({ headers, returnHeaders: true });
  const workspaceId = response?.session.workspaceId;
  if (!response || typeof workspaceId !== 'string') return undefined;
  const member = await tenant(deps.db, { id: workspaceId })
    .selectFrom('members')
    .select(['id', 'workspace_id', 'email', 'name', 'role'])
    .where('user_id', '=', response.user.id)
    .executeTakeFirst();
  if (!member) return undefined;
  return { member, setCookies: out.getSetCookie() };
}

/** Ends the session the request carries; returns the cookies that clear it in the browser. */
export async function signOut(deps: AppDeps, headers: Headers): Promise<string[]> {
  const { auth } = authFor(deps);
  try {
    const { headers: out } = await auth.api.signOut({ headers, returnHeaders: true });
    return out.getSetCookie();
  } catch (err) {
    // Already signed out (no or unknown cookie): nothing to end.
    if (isAPIError(err)) return [];
    throw err;
  }
}
