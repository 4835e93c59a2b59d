/** The console API client: same-origin fetch with the session cookie; errors carry the server's code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Where the app sends a visitor whose session is missing or expired. */
export function redirectToSignIn() {
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?reason=signed_out&next=${encodeURIComponent(next)}`);
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`/console/api${path}`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (res.status === 401) {
    redirectToSignIn();
    throw new ApiError(401, 'unauthorized', 'Your session has ended. Sign in again.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(
      res.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `Request failed (${res.status})`,
    );
  }
  return (await res.json()) as T;
}

/** Builds a query string from the defined, non-empty values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/** Sends a JSON body to the console API; errors carry the server's code and message (with the field path). */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`/console/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401) {
    redirectToSignIn();
    throw new ApiError(401, 'unauthorized', 'Your session has ended. Sign in again.');
  }
  const json = (await res.json().catch(() => null)) as
    | (T & { error?: undefined })
    | { error?: { code?: string; message?: string } }
    | null;
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, error?.code ?? 'http_error', error?.message ?? `Request failed (${res.status})`);
  }
  return json as T;
}
