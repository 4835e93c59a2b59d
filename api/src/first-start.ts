import type { AppDeps } from './app-deps';

/** What `npm start` prints once it listens. */
export async function onFirstStart(deps: AppDeps): Promise<string> {
  const url = deps.config.publicUrl;
  return [`Candor is running at ${url}`, `API reference: ${url}/docs`].join('\n  ');
}
