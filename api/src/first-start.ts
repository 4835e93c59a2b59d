import type { AppDeps } from './app-deps';
import { createDemoSignInLink } from './auth/demo-sign-in';
import { findDemoWorkspace, formatDemoCounts, seedDemoWorkspace } from './demo/seed-demo';

/** What `npm start` prints once it listens; with the demo switched off, nothing is seeded. */
export async function onFirstStart(deps: AppDeps): Promise<string> {
  const url = deps.config.publicUrl;
  if (!deps.config.demo)
    return [
      `Candor is running at ${url}`,
      `API reference: ${url}/docs`,
      'Create a workspace (npm run candor -- workspace create <name>), then sign in to the console with',
      '  npm run candor -- member invite you@example.com --role admin',
    ].join('\n  ');
  // Seeded before the sign-in link: the link is for the demo workspace's admin.
  const seeded = (await findDemoWorkspace(deps.db)) ? undefined : await seedDemoWorkspace(deps);
  const signIn = await createDemoSignInLink(deps);
  const csm = await createDemoSignInLink(deps, 'csm');
  return [
    `Candor is running at ${url}`,
    `API reference: ${url}/docs`,
    ...(seeded?.created ? [`Seeded the demo workspace (${formatDemoCounts(seeded.counts)}).`] : []),
    ...(signIn ? [`Console sign-in (one-time link): ${signIn.url}`] : []),
    ...(csm ? [`A CSM's week, as ${csm.name ?? 'a CSM'} sees it (one-time link): ${csm.url}`] : []),
    `Try the widget as a customer sees it: ${url}/demo`,
  ].join('\n  ');
}
