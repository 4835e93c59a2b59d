import { sseDecoder } from '@candor/shared/sse';
import type { Schemas } from '../../api';

/** One message of the preview chat, as the widget endpoints return it. */
export type ChatMessage = { id: string; role: 'interviewer' | 'customer'; text: string };
/** A preview interview of a guide and the link token to run it with. */
export type Preview = Schemas['GuidePreview'];

async function widgetFetch(path: string, token: string, body?: unknown) {
  const res = await fetch(`/v1/widget/interviews/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!res.ok) {
    const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(json?.error?.message ?? `Request failed (${res.status})`);
  }
  return res;
}

/** Starts the preview interview through the real widget endpoint; answers its messages so far. */
export async function startPreview(p: Preview): Promise<{ status: string; messages: ChatMessage[] }> {
  const res = await widgetFetch(`${p.interview_id}/start`, p.token);
  return (await res.json()) as { status: string; messages: ChatMessage[] };
}

/**
 * Sends one answer and reads the reply's server-sent events (`delta`, `reset`, `message`, `done`)
 * from the response body; EventSource cannot POST or send a bearer token.
 */
export async function sendPreviewMessage(
  p: Preview,
  clientId: string,
  text: string,
  on: {
    delta: (text: string) => void;
    reset: () => void;
    message: (m: ChatMessage) => void;
    done: (status: string) => void;
  },
) {
  const res = await widgetFetch(`${p.interview_id}/messages`, p.token, { client_id: clientId, text });
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) throw new Error('The reply could not be read.');
  const push = sseDecoder(({ event, data }) => {
    const payload = JSON.parse(data) as Record<string, unknown>;
    if (event === 'delta') on.delta(String(payload.text ?? ''));
    else if (event === 'reset') on.reset();
    else if (event === 'message') on.message(payload as ChatMessage);
    else if (event === 'done') on.done(String(payload.status ?? ''));
  });
  for (let read = await reader.read(); !read.done; read = await reader.read()) push(read.value);
}
