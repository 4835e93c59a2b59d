import { parentPort } from 'node:worker_threads';
import { listenChatCompletions, sendCompletion } from './chat-completions';

/**
 * An OpenAI-compatible Chat Completions server that answers at once: streamed interviewer
 * replies and empty extractions. It runs in its own thread, like a model server on another
 * machine, so its work is not counted against the engine it serves.
 */
const { url } = await listenChatCompletions((body, raw, res) => {
  const system = String(body.messages?.[0]?.content ?? '');
  const usage = { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: 12 };
  if (!body.stream) {
    sendCompletion(res, body.model, '{"signals":[]}', usage);
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
  res.write(chunk([], { usage: { ...usage, total_tokens: 0 } }));
  res.end('data: [DONE]\n\n');
});
parentPort?.postMessage({ url });
