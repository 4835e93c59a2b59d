import { createLoginLink } from '@candor/api/auth/login-links';
import { expect } from 'vitest';
import type { TestApp } from './harness';

/** Follows a real one-time sign-in link and returns the session cookie header and the member id. */
export async function signIn(t: TestApp, workspaceId: string, email: string, role: 'admin' | 'csm') {
  const link = await createLoginLink(t.deps, { workspaceId, email, role });
  return { ...(await followLoginLink(t, link.url)), memberId: link.memberId };
}

/** Opens a sign-in URL (from an email, say) and returns the session cookie it sets. */
export async function followLoginLink(t: TestApp, url: string) {
  const res = await t.request(new URL(url).pathname + new URL(url).search, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  expect(cookies.length).toBeGreaterThan(0);
  return { cookie: cookies.join('; ') };
}

/** A console API call as a signed-in member (JSON in, response out). */
export function consoleCall(t: TestApp, cookie: string | undefined) {
  return (method: string, path: string, json?: unknown) =>
    t.request(`/console/api${path}`, {
      method,
      headers: cookie ? { cookie } : {},
      ...(json === undefined ? {} : { json }),
    });
}
