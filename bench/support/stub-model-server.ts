import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { listenChatCompletions, sendCompletion } from './chat-completions';

/**
 * An OpenAI-compatible Chat Completions server that answers at once: streamed interviewer
 * replies and empty extractions. It runs in its own thread, like a model server on another
 * machine, so its work is not counted against the engine it serves.
 *
 * It times each streamed answer itself, from the request's last byte to the response's,
 * keyed by the latest `[t:N]` turn tag in the request; a `timings` message asks for them,
 * for the thread's busy time and for the calls it answered so far; `forget` drops the timings kept so far.
 */
const modelMs = new Map<string, number>();
// Calls by kind since the start: a judged turn asks for a judgement and a reply.
const calls = { judgements: 0, replies: 0 };
const COMPLETE_ANSWER = JSON.stringify({
  quality: 'specific',
  reason_reached: true,
  worth_probing: false,
  statement: 'other',
  intent: 'continue',
  language: 'en',
});

// The customers' short answers ("Not much …", see load-client.ts) are vague: one probe each.
const VAGUE_ANSWER = JSON.stringify({
  quality: 'vague',
  reason_reached: false,
  worth_probing: true,
  statement: 'other',
  intent: 'continue',
  language: 'en',
});

const { url } = await listenChatCompletions((body, raw, res) => {
  const started = performance.now();
  const system = String(body.messages?.[0]?.content ?? '');
  const usage = { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: 12 };
  // The latest answer is the one with the latest turn tag.
  const tag = raw.match(/\[t:\d+\]/g)?.at(-1);
  const vague = tag !== undefined && raw.includes(`Not much ${tag}`);
  if (!body.stream) {
    // An answer judgement (so the reply's move stands) or an empty extraction.
    const judging = raw.includes('"answer_judgement"');
    if (judging) calls.judgements += 1;
    sendCompletion(res, body.model, judging ? (vague ? VAGUE_ANSWER : COMPLETE_ANSWER) : '{"signals":[]}', usage);
    return;
  }
  calls.replies += 1;
  if (tag) res.once('finish', () => modelMs.set(tag, (modelMs.get(tag) ?? 0) + performance.now() - started));
  // A judged turn offers moves and wants the chosen one's tag first: a probe after a vague
  // answer, else the move for an answered question, which leads.
  const answered = /Your task for this message: if they answered the question, begin with \[(\w+)\]/.exec(system)?.[1];
  const move = answered && vague && system.includes('\n[probe] ') ? 'probe' : answered;
  const closing = move ? move === 'close' : /Do not ask anything|without asking anything/.test(system);
  const reply = closing ? 'Thank you for your time today.' : 'Thanks, that helps. What would you change first?';
  const text = move ? `[${move}] ${reply}` : reply;
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const chunk = (choices: unknown[], extra = {}) =>
    `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: body.model, choices, ...extra })}\n\n`;
  res.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
  for (const piece of text.match(/\S+\s*/g) ?? []) res.write(chunk([{ index: 0, delta: { content: piece } }]));
  res.write(chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]));
  res.write(chunk([], { usage: { ...usage, total_tokens: 0 } }));
  res.end('data: [DONE]\n\n');
});

parentPort?.on('message', (msg: unknown) => {
  // With its thread's busy time so far: the model's share of the machine, which a model on
  // another machine would not take from the engine.
  if (msg === 'timings')
    parentPort?.postMessage({
      timings: [...modelMs],
      busyMs: performance.eventLoopUtilization().active,
      calls: { ...calls },
    });
  if (msg === 'forget') modelMs.clear();
});
parentPort?.postMessage({ url });
