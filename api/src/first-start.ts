import type { AppDeps } from './app-deps';
import { createDemoSignInLink } from './auth/demo-sign-in';
import { findDemoWorkspace, formatDemoCounts, seedDemoWorkspace } from './demo/seed-demo';

/** What `npm start` prints once it listens. */
export async function onFirstStart(deps: AppDeps): Promise<string> {
  const url = deps.config.publicUrl;
  // Seeded before the sign-in link: the link is for the demo workspace's admin.
  const seeded = (await findDemoWorkspace(deps.db)) ? undefined : await seedDemoWorkspace(deps);
  const signIn = await createDemoSignInLink(deps);
  return [
    `Candor is running at ${url}`,
    `API reference: ${url}/docs`,
    ...(seeded?.created ? [`Seeded the demo workspace (${formatDemoCounts(seeded.counts)}).`] : []),
    ...(signIn ? [`Console sign-in (one-time link): ${signIn}`] : []),
    `Try the widget as a customer sees it: ${url}/demo`,
  ].join('\n  ');
}
