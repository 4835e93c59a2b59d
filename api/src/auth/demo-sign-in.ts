import type { AppDeps } from '../app-deps';
import { tenant } from '../db/tenant';
import { createLoginLink } from './login-links';

/** A fresh one-time sign-in link for the demo workspace's first admin, or undefined when there is none. */
export async function createDemoSignInLink(deps: AppDeps): Promise<string | undefined> {
  const demo = await deps.db
    .selectFrom('workspaces')
    .select('id')
    .where('is_demo', '=', true)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!demo) return undefined;
  const admin = await tenant(deps.db, demo)
    .selectFrom('members')
    .select(['email', 'name'])
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .orderBy('email')
    .executeTakeFirst();
  if (!admin) return undefined;
  const link = await createLoginLink(deps, { workspaceId: demo.id, email: admin.email });
  return link.url;
}
