import { encodeSse } from '@candor/shared/sse';
import type { Context } from 'hono';

/** Queues one event; resolves once it (and everything queued before it) has been written. */
export type SendEvent = (event: string, data: unknown) => Promise<void>;

const encoder = new TextEncoder();

/**
 * A `text/event-stream` response written by `run`. Events go straight into the body's one
 * ReadableStream, which the server reads onto the socket: no transform streams or writers
 * between the two (they cost a turn more CPU than writing its few events did).
 *
 * Events go out in order. Whatever is queued when the queue drains goes out as one write,
 * and deltas queued together (a provider often packs several into one read) are merged into
 * one event: a burst is one write, not one per token. A client that went away does not stop
 * `run`: a reply is still written and stored, only no longer sent.
 */
export function eventStreamResponse(
  c: Context,
  run: (send: SendEvent) => Promise<void>,
  onError: (err: unknown) => void,
): Response {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      closed = true;
    },
  });
  const queue: { event: string; data: unknown }[] = [];
  let draining: Promise<void> | undefined;
  const send: SendEvent = (event, data) => {
    const last = queue.at(-1);
    if (event === 'delta' && last?.event === 'delta')
      (last.data as { text: string }).text += (data as { text: string }).text;
    else queue.push({ event, data: event === 'delta' ? { ...(data as object) } : data });
    draining ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        const batch = queue
          .splice(0)
          .map((e) => encodeSse(e.event, JSON.stringify(e.data)))
          .join('');
        if (!closed) controller.enqueue(encoder.encode(batch));
        draining = undefined;
        resolve();
      }),
    );
    return draining;
  };
  void run(send)
    .catch(onError)
    .finally(() => {
      if (closed) return;
      closed = true;
      controller.close();
    });
  c.header('Content-Type', 'text/event-stream');
  c.header('Cache-Control', 'no-cache');
  c.header('Connection', 'keep-alive');
  return c.newResponse(body);
}
