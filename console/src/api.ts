import createClient from 'openapi-fetch';
import type { components, paths } from './api-schema';

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

/** Builds a query string from the defined, non-empty values only. */
function query(params: Record<string, string | number | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/** The console API's named shapes (console/src/api-schema.d.ts, generated from the server's schemas). */
export type Schemas = components['schemas'];

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
/** The JSON body a route takes, e.g. `RequestBody<'/review-items/{id}/actions', 'post'>`. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = Json<
  NonNullable<paths[P][M] extends { requestBody?: infer B } ? B : never>
>;
/** The query string a route takes, e.g. `Query<'/accounts', 'get'>`. */
export type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
/** The JSON a route answers with when it succeeds. */
export type ResponseBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? Json<R[Extract<keyof R, 200 | 201 | 202>]>
  : never;

/**
 * The console API typed by path, method, parameters, body and answer, from the console
 * OpenAPI document. Use it through `read`: `read(api.GET('/brief-runs/{id}', { params: { path: { id } } }))`.
 */
export const api = createClient<paths>({
  baseUrl: '/console/api',
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  // Empty filters are left out, as `query()` does: the server reads a blank value as a filter.
  querySerializer: (params) => query(params as Record<string, string | number | undefined | null>).slice(1),
});
api.use({
  // A change without a body still says JSON: the console's CSRF rule asks every change for it.
  onRequest({ request }) {
    if (request.method !== 'GET' && !request.headers.has('content-type'))
      request.headers.set('content-type', 'application/json');
    return request;
  },
});

/**
 * A typed call's answer, or an ApiError with the server's code and message (a 401 sends the
 * visitor to sign in first).
 */
export async function read<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Exclude<T, undefined>> {
  const { data, error, response } = await call;
  if (response.status === 401) {
    redirectToSignIn();
    throw new ApiError(401, 'unauthorized', 'Your session has ended. Sign in again.');
  }
  if (!response.ok) {
    const body = error as { error?: { code?: string; message?: string } } | undefined;
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `Request failed (${response.status})`,
    );
  }
  return data as Exclude<T, undefined>;
}
