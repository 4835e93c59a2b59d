import { createServer } from 'node:http';
import { parentPort } from 'node:worker_threads';

/**
 * An OpenAI-compatible Chat Completions server that answers at once: streamed interviewer
 * replies and empty extractions. It runs in its own thread, like a model server on another
 * machine, so its work is not counted against the engine it serves.
 */
const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => {
    raw += c;
  });
  req.on('end', () => {
    const body = JSON.parse(raw || '{}');
    const system = String(body.messages?.[0]?.content ?? '');
    const usage = { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: 12, total_tokens: 0 };
    if (!body.stream) {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          id: 'c',
          object: 'chat.completion',
          created: 0,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: '{"signals":[]}' }, finish_reason: 'stop' }],
          usage,
        }),
      );
      return;
    }
    const closing = /Do not ask anything|without asking anything/.test(system);
    const text = closing ? 'Thank you for your time today.' : 'Thanks, that helps. What would you change first?';
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (choices: unknown[], extra = {}) =>
      `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: body.model, choices, ...extra })}\n\n`;
    res.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
    for (const piece of text.match(/\S+\s*/g) ?? []) res.write(chunk([{ index: 0, delta: { content: piece } }]));
    res.write(chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]));
    res.write(chunk([], { usage }));
    res.end('data: [DONE]\n\n');
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  parentPort?.postMessage({ url: `http://127.0.0.1:${port}/v1` });
});
