import { HttpResponse, http } from 'msw';

/** One email Resend received, as the request body the SDK sent. */
export type ResendCall = {
  from: string;
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  idempotencyKey: string | null;
};

/**
 * msw handlers for Resend's HTTP API (`POST https://api.resend.com/emails`). `failures`
 * answers that many calls with the given status before succeeding (or fails forever).
 */
export function resendHandlers(options: { failures?: number | 'always'; status?: number } = {}) {
  const calls: ResendCall[] = [];
  let failuresLeft = options.failures ?? 0;
  const handler = http.post('https://api.resend.com/emails', async ({ request }) => {
    const body = (await request.json()) as Omit<ResendCall, 'idempotencyKey'>;
    calls.push({ ...body, idempotencyKey: request.headers.get('idempotency-key') });
    if (failuresLeft === 'always' || failuresLeft > 0) {
      if (failuresLeft !== 'always') failuresLeft--;
      const status = options.status ?? 500;
      return HttpResponse.json(
        {
          statusCode: status,
          name: status === 429 ? 'rate_limit_exceeded' : 'internal_server_error',
          message: 'Resend is unavailable',
        },
        { status },
      );
    }
    return HttpResponse.json({ id: `re_${calls.length}` });
  });
  return { handler, calls };
}
