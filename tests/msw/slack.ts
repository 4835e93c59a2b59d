import { HttpResponse, http } from 'msw';

/** One Web API call Slack received: the method and its arguments (form or JSON body). */
export type SlackCall = { method: string; token: string | null; args: Record<string, unknown>; at: number };

/** A scripted answer instead of the normal one: an error Slack sends, or its rate limit. */
export type SlackFault = { ratelimited: { retryAfter: number } } | { error: string } | { status: number };

/**
 * msw handlers for Slack's Web API (`POST https://slack.com/api/<method>`) answering with
 * Slack's own shapes: `ok:false` errors with HTTP 200, and 429 + Retry-After when rate
 * limited. `people` maps emails to user ids for users.lookupByEmail; `faults` are used up
 * one per call of their method, in order.
 */
export function slackHandlers(
  options: { people?: Record<string, string>; faults?: Record<string, SlackFault[]> } = {},
) {
  const calls: SlackCall[] = [];
  const faults = Object.fromEntries(Object.entries(options.faults ?? {}).map(([k, v]) => [k, [...v]]));
  const handler = http.post('https://slack.com/api/:method', async ({ request, params }) => {
    const method = String(params.method);
    const type = request.headers.get('content-type') ?? '';
    const raw = await request.text();
    const args: Record<string, unknown> = type.includes('json')
      ? (JSON.parse(raw) as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(raw));
    for (const [k, v] of Object.entries(args))
      if (typeof v === 'string' && (v.startsWith('[') || v.startsWith('{'))) args[k] = JSON.parse(v);
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? (args.token as string) ?? null;
    calls.push({ method, token, args, at: Date.now() });
    const fault = faults[method]?.shift();
    if (fault && 'ratelimited' in fault)
      return HttpResponse.json(
        { ok: false, error: 'ratelimited' },
        { status: 429, headers: { 'Retry-After': String(fault.ratelimited.retryAfter) } },
      );
    if (fault && 'error' in fault) return HttpResponse.json({ ok: false, error: fault.error });
    if (fault && 'status' in fault) return new HttpResponse('upstream error', { status: fault.status });
    if (token !== 'xoxb-test-token-123') return HttpResponse.json({ ok: false, error: 'invalid_auth' });
    switch (method) {
      case 'auth.test':
        return HttpResponse.json({
          ok: true,
          url: 'https://acme-hq.slack.com/',
          team: 'Acme HQ',
          user: 'candor',
          team_id: 'T0ACME',
          user_id: 'U0CANDOR',
          bot_id: 'B0CANDOR',
          is_enterprise_install: false,
        });
      case 'users.lookupByEmail': {
        const id = options.people?.[String(args.email)];
        if (!id) return HttpResponse.json({ ok: false, error: 'users_not_found' });
        return HttpResponse.json({
          ok: true,
          user: {
            id,
            team_id: 'T0ACME',
            name: String(args.email).split('@')[0],
            deleted: false,
            profile: { email: args.email },
          },
        });
      }
      case 'chat.postMessage': {
        const ts = `1765000000.${String(calls.length).padStart(6, '0')}`;
        const channel = String(args.channel).startsWith('U')
          ? `D${String(args.channel).slice(1)}`
          : String(args.channel);
        return HttpResponse.json({
          ok: true,
          channel,
          ts,
          message: { type: 'message', user: 'U0CANDOR', text: args.text, ts, blocks: args.blocks },
        });
      }
      default:
        return HttpResponse.json({ ok: false, error: 'unknown_method' });
    }
  });
  return { handler, calls, posts: () => calls.filter((c) => c.method === 'chat.postMessage') };
}
