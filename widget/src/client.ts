import type { RatingPrompt } from '@candor/shared';
import { type SseEvent, sseDecoder } from '@candor/shared/sse';
import type { Host, InterviewView, Message, Pending } from './types';

/** An HTTP answer other than 2xx; `retryable` for 429/5xx (network errors are TypeErrors). */
export class HttpError extends Error {
  /** The server's `error.message`, shown to the customer when their text is refused. */
  constructor(
    readonly status: number,
    readonly reason = '',
  ) {
    super(`HTTP ${status}`);
  }
  get retryable() {
    return this.status === 429 || this.status >= 500;
  }
}

/** Records what the contact did with a play's message; best effort, a failure is silent. */
export async function recordMessageOutcome(host: Host, id: string, outcome: 'dismiss' | 'click'): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const token = await host.auth(attempt > 0);
    if (!token) return;
    const res = await fetch(`${host.api}/v1/widget/messages/${encodeURIComponent(id)}/${outcome}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    // Widget tokens are short-lived: one fresh identify, then give up.
    if (res.status !== 401) return;
  }
}

/** Whether a failed call is worth retrying with the same client_id. */
export const isRetryable = (err: unknown) => !(err instanceof HttpError) || err.retryable;

async function call(host: Host, path: string, init: RequestInit = {}): Promise<Response> {
  let token = await host.auth();
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${host.api}/v1/widget/interviews/${path}`, {
      ...init,
      headers,
    });
    // Widget tokens are short-lived: one fresh identify, then give up.
    if (res.status === 401 && attempt === 0) {
      token = await host.auth(true);
      continue;
    }
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      throw new HttpError(res.status, String(body?.error?.message ?? '').slice(0, 200));
    }
    return res;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: server JSON is read defensively below
function toView(id: string, body: any): InterviewView {
  const src = body?.interview && typeof body.interview === 'object' ? { ...body, ...body.interview } : body || {};
  const list = Array.isArray(src.messages) ? src.messages : src.message ? [src.message] : [];
  const messages: Message[] = list
    .filter((m: Message) => m && typeof m.text === 'string')
    .map((m: Message) => ({
      id: m.id,
      role: m.role === 'customer' ? 'customer' : 'interviewer',
      text: m.text,
      client_id: m.client_id,
      rating: ratingPrompt(m.rating),
    }));
  return {
    id: String(src.id || id),
    status: String(src.status || 'started'),
    mode: src.mode,
    language: typeof src.language === 'string' ? src.language : undefined,
    messages,
  };
}

/** Status and all messages of an interview (resume). */
export async function getInterview(host: Host, id: string): Promise<InterviewView> {
  return toView(id, await (await call(host, id)).json());
}

/**
 * Starts an invited interview and returns it with the opening message. The browser's
 * language goes along: the server uses it when the contact has no locale of its own.
 */
export async function startInterview(host: Host, id: string): Promise<InterviewView> {
  let locale = host.locale;
  try {
    locale ||= navigator.language;
  } catch {}
  const body = JSON.stringify(locale ? { locale: String(locale).slice(0, 35) } : {});
  return toView(id, await (await call(host, `${id}/start`, { method: 'POST', body })).json());
}

/** Declines an invitation; `forever` is "Don't ask again" about this moment. */
export async function declineInterview(host: Host, id: string, forever: boolean): Promise<void> {
  await call(host, `${id}/decline`, { method: 'POST', body: JSON.stringify({ forever }) });
}

// biome-ignore lint/suspicious/noExplicitAny: server JSON is read defensively
function ratingPrompt(raw: any): RatingPrompt | undefined {
  if (!raw || !['nps', 'csat', 'ces'].includes(raw.scale)) return undefined;
  const min = Number(raw.min);
  const max = Number(raw.max);
  return Number.isInteger(min) && Number.isInteger(max) && max > min && max - min <= 10
    ? { scale: raw.scale, min, max }
    : undefined;
}

export type Reply = { message?: Message; status?: string };

/**
 * Sends one customer message and reads the SSE reply over fetch streaming (EventSource cannot POST).
 * `onDelta` gets each streamed piece, or null when the text so far must be discarded. A stream that ends without `done` throws, so the caller
 * retries with the same client_id and gets the stored reply instead of a duplicate.
 */
export async function sendMessage(
  host: Host,
  id: string,
  answer: Pending,
  onDelta: (text: string | null) => void,
): Promise<Reply> {
  const res = await call(host, `${id}/messages`, {
    method: 'POST',
    body: JSON.stringify(answer),
  });
  const reply: Reply = {};
  if (!(res.headers.get('content-type') || '').includes('event-stream')) {
    const view = toView(id, await res.json());
    return { message: view.messages.filter((m) => m.role === 'interviewer').pop(), status: view.status };
  }
  const push = sseDecoder((e) => handleEvent(e, reply, onDelta));
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) push(read.value);
  if (!reply.status) throw new TypeError('reply stream ended early');
  return reply;
}

// `delta` streams text; `reset` (null) discards what was streamed because the server retries the reply.
function handleEvent({ event, data }: SseEvent, reply: Reply, onDelta: (text: string | null) => void) {
  let payload: { text?: string; id?: string; role?: string; status?: string; rating?: unknown };
  try {
    payload = JSON.parse(data);
  } catch {
    return;
  }
  if (event === 'delta' && typeof payload.text === 'string') onDelta(payload.text);
  else if (event === 'reset') onDelta(null);
  else if (event === 'message' && typeof payload.text === 'string')
    reply.message = {
      id: payload.id,
      role: payload.role === 'customer' ? 'customer' : 'interviewer',
      text: payload.text,
      rating: ratingPrompt(payload.rating),
    };
  else if (event === 'done') reply.status = String(payload.status || 'started');
}
