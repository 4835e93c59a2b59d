import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createLoginLink } from '@candor/api/auth/login-links';
import type { TestApp } from '../../tests/support/harness';

export type ReadFigures = {
  name: string;
  rounds: number;
  p50: number;
  p99: number;
  /** Size of the response body in KB (the last one). */
  kb: number;
  /** The longest the event loop was held up while these requests ran, in ms. */
  loopBlockMs: number;
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** A signed-in console session's cookie header, for `/console/api/…` reads. */
export async function consoleCookie(
  t: TestApp,
  workspaceId: string,
  member: { email: string; role?: 'admin' | 'csm' } = { email: 'bench-admin@bench.example' },
) {
  const link = new URL((await createLoginLink(t.deps, { workspaceId, ...member })).url);
  const login = await t.request('/login', {
    method: 'POST',
    body: new URLSearchParams({ token: link.searchParams.get('token') ?? '' }),
    redirect: 'manual',
  });
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/**
 * Times one request, `rounds` times after `warmup` untimed ones, through the real app, one at a
 * time (nothing else runs meanwhile, so the event-loop delay seen is this request's own).
 */
export async function timeRead(
  t: TestApp,
  name: string,
  path: string,
  init: RequestInit & { token?: string },
  rounds: number,
  warmup = 2,
  expect = 200,
): Promise<ReadFigures> {
  const times: number[] = [];
  let bytes = 0;
  const loop = monitorEventLoopDelay({ resolution: 2 });
  for (let r = 0; r < warmup + rounds; r++) {
    if (r === warmup) loop.enable();
    const started = performance.now();
    const res = await t.request(path, init);
    const body = await res.arrayBuffer();
    const ms = performance.now() - started;
    if (res.status !== expect)
      throw new Error(`${name} (${path}): ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
    bytes = body.byteLength;
    if (r >= warmup) times.push(ms);
  }
  loop.disable();
  times.sort((a, b) => a - b);
  return {
    name,
    rounds,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    kb: bytes / 1024,
    loopBlockMs: loop.max / 1e6,
  };
}
