/**
 * How long to wait before the next attempt of a model call (`attempt` 2, 3, …), or null
 * when it should not be made. Exponential backoff from `baseMs` with jitter; when the
 * provider said how long to wait (a 429's or 503's `retry-after-ms`, or `retry-after` in
 * seconds or as a date), at least that. A wait beyond `maxWaitMs` means the provider will
 * not answer within this call's budget: retrying sooner would only be refused again (and
 * count against the limit), so the caller falls back at once instead.
 */
export function nextAttemptDelayMs(
  failure: unknown,
  attempt: number,
  { baseMs, maxWaitMs }: { baseMs: number; maxWaitMs: number },
  now = Date.now(),
): number | null {
  const backoff = baseMs * 2 ** (attempt - 2) * (0.75 + Math.random() * 0.5);
  const asked = requestedWaitMs(failure, now);
  if (asked === undefined) return backoff;
  return asked > maxWaitMs ? null : Math.max(backoff, asked);
}

/** The wait a provider's error response asked for, in ms, if it asked. */
export function requestedWaitMs(failure: unknown, now = Date.now()): number | undefined {
  const headers = (failure as { responseHeaders?: Record<string, string> } | null)?.responseHeaders;
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers['retry-after-ms'] ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers['retry-after']?.trim();
  if (!after) return undefined;
  if (/^\d+(\.\d+)?$/.test(after)) return Number(after) * 1000;
  const at = Date.parse(after);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
