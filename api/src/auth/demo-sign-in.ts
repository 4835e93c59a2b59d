import type { AppDeps } from '../app-deps';
import { tenant } from '../db/tenant';
import { createLoginLink } from './login-links';

/**
 * A fresh one-time sign-in link for the demo workspace's first admin (or, asked for a CSM,
 * its first CSM, whose Home shows a book and a weekly briefing), or undefined when there is none.
 */
export async function createDemoSignInLink(
  deps: AppDeps,
  role: 'admin' | 'csm' = 'admin',
): Promise<{ url: string; name: string | null } | undefined> {
  const demo = await deps.db
    .selectFrom('workspaces')
    .select('id')
    .where('is_demo', '=', true)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!demo) return undefined;
  const member = await tenant(deps.db, demo)
    .selectFrom('members')
    .select(['email', 'name'])
    .where('role', '=', role)
    .orderBy('created_at')
    .orderBy('email')
    .executeTakeFirst();
  if (!member) return undefined;
  const link = await createLoginLink(deps, { workspaceId: demo.id, email: member.email });
  return { url: link.url, name: member.name };
}
