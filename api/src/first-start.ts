import type { AppDeps } from './app-deps';
import { createDemoSignInLink } from './auth/demo-sign-in';

/** What `npm start` prints once it listens. */
export async function onFirstStart(deps: AppDeps): Promise<string> {
  const url = deps.config.publicUrl;
  const signIn = await createDemoSignInLink(deps);
  return [
    `Candor is running at ${url}`,
    `API reference: ${url}/docs`,
    ...(signIn ? [`Console sign-in (one-time link): ${signIn}`] : []),
  ].join('\n  ');
}
