/**
 * The one server-sent-events codec: the API writes its streams with `encodeSse`, and the
 * widget, the console's guide preview and the tests read them with `sseDecoder`.
 * It imports nothing (no zod) because the widget ships it to customers' pages; keep it tiny.
 * Only `event` and `data` fields matter here; `id` and `retry` are read and ignored.
 */

export type SseEvent = { event: string; data: string };

/** One event as wire text; `data` may hold newlines (each line becomes its own `data:` line). */
export function encodeSse(event: string, data: string): string {
  return `event: ${event}\n${data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('')}\n`;
}

/** A comment line: ignored by readers, it keeps idle proxies from closing the connection. */
export const sseHeartbeat = ': keep-alive\n\n';

/**
 * An incremental reader: `push` text as it arrives, split anywhere (even between `\r` and
 * `\n`); each complete event goes to `onEvent`. Comments are skipped, and an event without
 * data is not dispatched. An event still open when the stream ends is dropped, as
 * EventSource does: a reader that needs the end event (`done`) can then tell the stream broke.
 */
export function sseDecoder(onEvent: (e: SseEvent) => void): (chunk: string) => void {
  let rest = '';
  let event = '';
  let data: string[] = [];
  let afterCr = false;
  return (chunk) => {
    if (!chunk) return;
    if (afterCr && chunk[0] === '\n') chunk = chunk.slice(1);
    afterCr = chunk.endsWith('\r');
    const lines = (rest + chunk).split(/\r\n|\r|\n/);
    rest = afterCr ? '' : (lines.pop() as string);
    if (afterCr) lines.pop();
    for (const line of lines) {
      if (!line) {
        if (data.length) onEvent({ event: event || 'message', data: data.join('\n') });
        event = '';
        data = [];
        continue;
      }
      const colon = line.indexOf(':');
      if (colon === 0) continue;
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value[0] === ' ') value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
  };
}

/** Every complete event of a whole text/event-stream body. */
export function decodeSse(body: string): SseEvent[] {
  const events: SseEvent[] = [];
  sseDecoder((e) => events.push(e))(body);
  return events;
}
