import { performance } from 'node:perf_hooks';
import { sseDecoder } from '@candor/shared/sse';
import { startTestApp, type TestApp } from '../tests/support/harness';
import { guideFixture, identify, invite, seedWorkspace } from '../tests/support/interview-fixtures';
import { listenChatCompletions } from './support/chat-completions';

const FIRST_TOKEN_MS = 800;
const TOKEN_MS = 20; // 50 tokens/s
const INTERVIEWS = Number(process.argv.find((a) => a.startsWith('--interviews='))?.split('=')[1] ?? 30);
const TURNS = 3;
// What the judge says of every answer: specific and complete, so the reply's move stands.
const COMPLETE_ANSWER = {
  quality: 'specific',
  reason_reached: true,
  worth_probing: false,
  statement: 'other',
  intent: 'continue',
  language: 'en',
};

// Realistic interviewer replies, streamed a word-ish token at a time.
const REPLIES = [
  'Thanks, that helps. What would you change first?',
  'That sounds frustrating. How often does that happen to your team?',
  'Got it, the export step is slow for you. Which report takes the longest?',
  'You mentioned three teams use it. Who relies on it the most?',
  'The weekly reporting sounds central. What would make it easier?',
  'I see. When did you first notice the problem?',
];

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/** Sends one answer; when the first `delta` event arrived, reading the rest of the stream. */
async function answerStarted(t: TestApp, id: string, token: string, clientId: string, text: string) {
  const sentAt = performance.now();
  const res = await t.request(`/v1/widget/interviews/${id}/messages`, {
    method: 'POST',
    token,
    json: { client_id: clientId, text },
  });
  let firstDeltaAt: number | undefined;
  const decoder = new TextDecoder();
  const push = sseDecoder((e) => {
    if (e.event === 'delta') firstDeltaAt ??= performance.now();
  });
  for await (const chunk of res.body ?? []) push(decoder.decode(chunk, { stream: true }));
  return { sentAt, firstDeltaAt };
}

/**
 * `bench/first-visible-word`: with a model that takes 800 ms to its first token (and as
 * long to judge an answer) and then streams 50 tokens/s, the customer's first visible word
 * from their send, with the answer judgement on and off; how long after the model's first
 * token it shows (the tag, the wait for the judgement and the output check), and how much
 * Candor adds in all (the turn's own work before the model call included).
 * `tsx ../bench/run.ts first-visible-word [--interviews=30]`; embedded database unless
 * TEST_DATABASE_URL is set.
 */
export async function benchFirstVisibleWord() {
  let next = 0;
  const firstTokenAt = new Map<string, number>();
  const stub = await listenChatCompletions((body, raw, res) => {
    if (!body.stream) {
      // The answer judgement takes as long as a reply's first token; extraction answers at once.
      const judging = (body as { response_format?: { json_schema?: { name?: string } } }).response_format?.json_schema
        ?.name;
      const content = judging === 'answer_judgement' ? JSON.stringify(COMPLETE_ANSWER) : '{"signals":[]}';
      setTimeout(
        () => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] }));
        },
        judging ? FIRST_TOKEN_MS : 0,
      );
      return;
    }
    const tag = raw.match(/\[t:\d+\]/g)?.at(-1) ?? '';
    const system = String(body.messages?.[0]?.content ?? '');
    // A judged turn offers moves and wants the chosen one's tag first; the move for a complete answer leads.
    const move = /Your task for this message: if they answered the question, begin with \[(\w+)\]/.exec(system)?.[1];
    const closing = move ? move === 'close' : /Do not ask anything|without asking anything/.test(system);
    const reply = closing
      ? 'Thank you for your time today, this was really helpful.'
      : REPLIES[next++ % REPLIES.length];
    const text = move ? `[${move}] ${reply}` : reply;
    const tokens = text?.match(/\S+\s*/g) ?? [];
    const chunk = (choices: unknown[], extra = {}) =>
      `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: body.model, choices, ...extra })}\n\n`;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
    let i = 0;
    const send = () => {
      if (i === 0) firstTokenAt.set(tag, performance.now());
      const piece = tokens[i++];
      if (piece !== undefined) {
        res.write(chunk([{ index: 0, delta: { content: piece } }]));
        setTimeout(send, TOKEN_MS);
        return;
      }
      res.write(chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]));
      res.write(chunk([], { usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 } }));
      res.end('data: [DONE]\n\n');
    };
    setTimeout(send, FIRST_TOKEN_MS);
  });

  try {
    for (const judgement of ['on', 'off'] as const) {
      const { added, held, fromSend } = await measure(stub.url, firstTokenAt, judgement);
      const p = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p99 ${percentile(xs, 99).toFixed(1)} ms`;
      console.log(
        `\nFirst visible word, answer judgement ${judgement}, ${added.length} turns, model: ${FIRST_TOKEN_MS} ms to first token (and to a judgement) then ${1000 / TOKEN_MS} tokens/s`,
      );
      console.log(`  customer's send → first visible word (goal p50 ≤ 1000 ms, p99 ≤ 1300 ms): ${p(fromSend)}`);
      console.log(`  model's first token → customer's first delta (tag, judgement and output check): ${p(held)}`);
      console.log(`  Candor's addition to time-to-first-visible-word: ${p(added)}`);
    }
  } finally {
    stub.server.close();
  }
}

/** Runs INTERVIEWS interviews of TURNS answers against the stub and times each first delta. */
async function measure(url: string, firstTokenAt: Map<string, number>, judgement: 'on' | 'off') {
  const t = await startTestApp({
    CANDOR_RUN_JOBS: 'false',
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: url,
    CANDOR_INTERVIEW_MODEL: 'gpt-4.1-mini',
    CANDOR_MODEL_FIRST_TOKEN_MS: '5000',
    CANDOR_INTERVIEW_JUDGEMENT: judgement,
  });
  const added: number[] = [];
  const held: number[] = [];
  const fromSend: number[] = [];
  try {
    const { ws, guideId } = await seedWorkspace(t, guideFixture());
    let tagNo = 0;
    // Interview 0 warms the process up (its code compiled, its first connections made) and is not measured.
    for (let n = 0; n <= INTERVIEWS; n++) {
      const { id } = await invite(t, ws, guideId);
      const { token } = await identify(t, ws);
      await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
      for (let turn = 0; turn < TURNS; turn++) {
        const tag = `[t:${tagNo++}]`;
        const text = `We mostly use it for reporting across three teams and it saves us hours ${tag}.`;
        const { sentAt, firstDeltaAt } = await answerStarted(t, id, token, `c${turn}`, text);
        const modelFirst = firstTokenAt.get(tag);
        if (n === 0 || firstDeltaAt === undefined || modelFirst === undefined) continue;
        added.push(firstDeltaAt - sentAt - FIRST_TOKEN_MS);
        held.push(firstDeltaAt - modelFirst);
        fromSend.push(firstDeltaAt - sentAt);
      }
    }
  } finally {
    await t.close();
  }
  return { added, held, fromSend };
}
