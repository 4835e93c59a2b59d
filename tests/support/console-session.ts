import { createLoginLink } from '@candor/api/auth/login-links';
import { expect } from 'vitest';
import type { TestApp } from './harness';

/** Follows a real one-time sign-in link and returns the session cookie header and the member id. */
export async function signIn(t: TestApp, workspaceId: string, email: string, role: 'admin' | 'csm') {
  const link = await createLoginLink(t.deps, { workspaceId, email, role });
  return { ...(await followLoginLink(t, link.url)), memberId: link.memberId };
}

/**
 * Opens a sign-in URL (from an email, say) the way a person does: the link's page, which
 * changes nothing, then its "Sign in as …" button, which POSTs the token. Returns the
 * answer to the last step (the page when it offers no button).
 */
export async function submitLoginLink(t: TestApp, url: string): Promise<Response> {
  const link = new URL(url);
  const page = await t.request(link.pathname + link.search);
  if (page.status !== 200) return page;
  expect(await page.text()).toContain('Sign in as ');
  return t.request('/login', {
    method: 'POST',
    body: new URLSearchParams({ token: link.searchParams.get('token') ?? '' }),
    redirect: 'manual',
  });
}

/** Signs in through a sign-in URL and returns the session cookie it sets. */
export async function followLoginLink(t: TestApp, url: string) {
  const res = await submitLoginLink(t, url);
  expect(res.status).toBe(303);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  expect(cookies.length).toBeGreaterThan(0);
  return { cookie: cookies.join('; ') };
}

/** The console's own origin in tests (CANDOR_PUBLIC_URL of startTestApp). */
export const CONSOLE_ORIGIN = 'http://candor.test';

/**
 * The headers the console's own fetches carry on a change: its origin and a JSON body type
 * (console/src/api.ts), which the CSRF check requires.
 */
export function consoleHeaders(cookie: string | undefined, method = 'POST'): Record<string, string> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (method === 'GET' || method === 'HEAD') return headers;
  return { ...headers, origin: CONSOLE_ORIGIN, 'content-type': 'application/json' };
}

/** A console API call as a signed-in member (JSON in, response out), sent as the console sends it. */
export function consoleCall(t: TestApp, cookie: string | undefined) {
  return (method: string, path: string, json?: unknown) =>
    t.request(`/console/api${path}`, {
      method,
      headers: consoleHeaders(cookie, method),
      ...(json === undefined ? {} : { json }),
    });
}
