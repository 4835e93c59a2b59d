import { describe, expect, it } from 'vitest';
import { decodeSse, encodeSse, type SseEvent, sseDecoder, sseHeartbeat } from './sse';

/** Feeds `text` to a fresh decoder in the given pieces and collects what it dispatches. */
function decodeInPieces(pieces: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const push = sseDecoder((e) => events.push(e));
  for (const piece of pieces) push(piece);
  return events;
}

const stream = [
  encodeSse('delta', JSON.stringify({ text: 'Hel' })),
  sseHeartbeat,
  encodeSse('delta', JSON.stringify({ text: 'lo ✓' })),
  encodeSse('done', JSON.stringify({ status: 'started' })),
].join('');

const expected: SseEvent[] = [
  { event: 'delta', data: '{"text":"Hel"}' },
  { event: 'delta', data: '{"text":"lo ✓"}' },
  { event: 'done', data: '{"status":"started"}' },
];

describe('the SSE codec', () => {
  it('encodes an event as event and data lines closed by a blank line', () => {
    expect(encodeSse('done', '{"status":"started"}')).toBe('event: done\ndata: {"status":"started"}\n\n');
  });

  it('round-trips data that holds newlines as several data lines', () => {
    const text = encodeSse('message', 'one\ntwo\r\nthree');
    expect(text).toBe('event: message\ndata: one\ndata: two\ndata: three\n\n');
    expect(decodeSse(text)).toEqual([{ event: 'message', data: 'one\ntwo\nthree' }]);
  });

  it('decodes a whole body and skips comments (heartbeats)', () => {
    expect(decodeSse(stream)).toEqual(expected);
  });

  it('gives the same events however the stream is cut into chunks', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      expect(decodeInPieces([stream.slice(0, cut), stream.slice(cut)])).toEqual(expected);
    }
    expect(decodeInPieces([...stream])).toEqual(expected);
  });

  it('accepts CRLF and lone CR line ends, even a CRLF split between chunks', () => {
    const crlf = 'event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r';
    const want = [
      { event: 'a', data: '1' },
      { event: 'b', data: '2' },
    ];
    for (let cut = 0; cut <= crlf.length; cut++) {
      expect(decodeInPieces([crlf.slice(0, cut), '', crlf.slice(cut)])).toEqual(want);
    }
  });

  it('defaults the event name to message and strips only one space after the colon', () => {
    expect(decodeSse('data:x\n\ndata:  y\n\n')).toEqual([
      { event: 'message', data: 'x' },
      { event: 'message', data: ' y' },
    ]);
  });

  it('dispatches no event without data, and drops an event the stream never closed', () => {
    expect(decodeSse('event: reset\n\nevent: done\ndata: {}\n')).toEqual([]);
    expect(decodeSse('event: reset\ndata: {}\n\nevent: done\ndata: {"status":"x"}')).toEqual([
      { event: 'reset', data: '{}' },
    ]);
  });

  it('ignores fields it does not know', () => {
    expect(decodeSse('id: 7\nretry: 1000\nfoo\ndata: z\n\n')).toEqual([{ event: 'message', data: 'z' }]);
  });
});
