import { HttpResponse, http } from 'msw';
import type { SetupServer } from 'msw/node';

/**
 * msw handlers that speak the OpenAI HTTP API: Chat Completions (`POST …/chat/completions`)
 * and Responses (`POST …/responses`), streaming and not, on any base URL. Replies are
 * scripted per call, and faults (429, 5xx, a slow first token, a malformed or cut-off
 * stream) can be injected for any call.
 */

/** What one model call answers. Everything is optional: the default is a short text reply. */
export type MockReply = {
  /** Reply text. For structured output use `json` instead. */
  text?: string;
  /** A structured-output reply: serialized as the assistant's text, as OpenAI does for json_schema. */
  json?: unknown;
  /** Answer with this HTTP status and an OpenAI error body instead of a reply (429, 500, 503…). */
  status?: number;
  /** With a 429: the `retry-after` header to send (seconds, or an HTTP date); `0` if unset. */
  retryAfter?: string;
  /** Wait this long before the response starts (simulates a slow first token or a hang). */
  delayMs?: number;
  /** Streaming only: wait this long between chunks. */
  chunkDelayMs?: number;
  /**
   * Streaming only: `cut` sends half the reply, no completion event, then drops the connection (the
   * AI SDK reports finishReason 'interrupted' or an APICallError); `malformed` sends invalid JSON chunks.
   */
  stream?: 'ok' | 'cut' | 'malformed';
  /** Token usage to report; defaults are derived from the text lengths. */
  usage?: { input?: number; output?: number };
};

/** One call the mock received, for assertions: which API, whether it streamed, and the request body. */
export type MockCall = {
  api: 'chat' | 'responses';
  stream: boolean;
  model: string;
  // biome-ignore lint/suspicious/noExplicitAny: the raw OpenAI request body, inspected by tests
  body: any;
  /** Every piece of text sent to the model (instructions, system and user content), joined. */
  promptText: string;
};

export type MockScript = MockReply | MockReply[] | ((call: MockCall) => MockReply | Promise<MockReply>);

export type MockOpenAIOptions = {
  /** Replies for Chat Completions calls: one reply for all, a list used in order (the last repeats), or a function. */
  chat?: MockScript;
  /** Replies for Responses API calls, same forms as `chat`. */
  responses?: MockScript;
  /**
   * Replies for the AI interviewer's answer judgements (structured output named
   * `answer_judgement`), same forms. Unscripted, a judgement call is refused with a 400,
   * so a test that scripts none runs the turn on the rules, as when judging fails.
   */
  judge?: MockScript;
};

export type MockOpenAI = {
  /** Every call received so far, oldest first, answer judgements apart. */
  calls: MockCall[];
  /** Every answer judgement call received so far, oldest first. */
  judgeCalls: MockCall[];
  /** Replaces the scripts (and keeps the call log). */
  script(options: MockOpenAIOptions): void;
  /** Clears the call log. */
  clearCalls(): void;
};

/** Installs OpenAI handlers on an msw server (call in beforeAll or per test; `server.resetHandlers()` removes them). */
export function mockOpenAI(server: SetupServer, options: MockOpenAIOptions = {}): MockOpenAI {
  let scripts: MockOpenAIOptions = options;
  const cursors = { chat: 0, responses: 0, judge: 0 };
  const calls: MockCall[] = [];
  const judgeCalls: MockCall[] = [];

  const pick = async (api: 'chat' | 'responses' | 'judge', call: MockCall): Promise<MockReply> => {
    const script = scripts[api];
    if (!script && api === 'judge') return { status: 400 };
    if (!script) return { text: 'Thanks for sharing that. What else should we know?' };
    if (typeof script === 'function') return script(call);
    if (!Array.isArray(script)) return script;
    const reply = script[Math.min(cursors[api], script.length - 1)] ?? {};
    cursors[api] += 1;
    return reply;
  };

  const handle =
    (api: 'chat' | 'responses') =>
    async ({ request }: { request: Request }) => {
      // biome-ignore lint/suspicious/noExplicitAny: the raw OpenAI request body
      const body: any = await request.json().catch(() => ({}));
      const call: MockCall = {
        api,
        stream: body?.stream === true,
        model: String(body?.model ?? ''),
        body,
        promptText: collectPromptText(body),
      };
      const judging = isJudgement(body);
      (judging ? judgeCalls : calls).push(call);
      const reply = await pick(judging ? 'judge' : api, call);
      if (reply.delayMs) await sleep(reply.delayMs, request.signal);
      if (reply.status && reply.status >= 400) return errorResponse(reply.status, reply.retryAfter);
      const text = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? '');
      const usage = {
        input: reply.usage?.input ?? Math.max(1, Math.ceil(call.promptText.length / 4)),
        output: reply.usage?.output ?? Math.max(1, Math.ceil(text.length / 4)),
      };
      if (!call.stream)
        return HttpResponse.json(api === 'chat' ? chatBody(call, text, usage) : responsesBody(call, text, usage));
      const events = api === 'chat' ? chatChunks(call, text, usage) : responsesEvents(call, text, usage);
      return streamResponse(events, reply, request.signal);
    };

  server.use(http.post('*/chat/completions', handle('chat')), http.post('*/responses', handle('responses')));

  return {
    calls,
    judgeCalls,
    script(next) {
      scripts = next;
      cursors.chat = 0;
      cursors.responses = 0;
      cursors.judge = 0;
    },
    clearCalls() {
      calls.length = 0;
      judgeCalls.length = 0;
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the raw OpenAI request body
function isJudgement(body: any): boolean {
  const name = body?.response_format?.json_schema?.name ?? body?.text?.format?.name;
  return name === 'answer_judgement';
}

type Usage = { input: number; output: number };

function errorResponse(status: number, retryAfter = '0') {
  const code = status === 429 ? 'rate_limit_exceeded' : status === 400 ? 'invalid_request' : 'server_error';
  const message =
    status === 429
      ? 'Rate limit reached for requests'
      : status === 400
        ? 'Invalid request.'
        : 'The server had an error processing your request.';
  return HttpResponse.json(
    {
      error: {
        message,
        type: status === 429 ? 'requests' : status === 400 ? 'invalid_request_error' : 'server_error',
        param: null,
        code,
      },
    },
    { status, headers: status === 429 ? { 'retry-after': retryAfter } : {} },
  );
}

const now = () => Math.floor(Date.now() / 1000);

function chatBody(call: MockCall, text: string, usage: Usage) {
  return {
    id: `chatcmpl-mock-${Math.random().toString(36).slice(2, 10)}`,
    object: 'chat.completion',
    created: now(),
    model: call.model,
    choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, finish_reason: 'stop' }],
    usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
  };
}

function chatChunks(call: MockCall, text: string, usage: Usage): string[] {
  const id = `chatcmpl-mock-${Math.random().toString(36).slice(2, 10)}`;
  const base = { id, object: 'chat.completion.chunk', created: now(), model: call.model };
  const chunk = (choices: unknown[], extra: object = {}) => JSON.stringify({ ...base, choices, ...extra });
  const out = [chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }])];
  for (const piece of splitText(text)) out.push(chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]));
  out.push(chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]));
  out.push(
    chunk([], {
      usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
    }),
  );
  out.push('[DONE]');
  return out;
}

function responsesUsage(usage: Usage) {
  return {
    input_tokens: usage.input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: usage.output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.input + usage.output,
  };
}

function responsesBody(call: MockCall, text: string, usage: Usage) {
  return {
    id: `resp_mock_${Math.random().toString(36).slice(2, 10)}`,
    object: 'response',
    created_at: now(),
    status: 'completed',
    model: call.model,
    error: null,
    incomplete_details: null,
    output: [
      {
        type: 'message',
        id: 'msg_mock_1',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text, annotations: [] }],
      },
    ],
    usage: responsesUsage(usage),
  };
}

function responsesEvents(call: MockCall, text: string, usage: Usage): string[] {
  const id = `resp_mock_${Math.random().toString(36).slice(2, 10)}`;
  const response = { id, object: 'response', created_at: now(), model: call.model, status: 'in_progress' };
  const item = { type: 'message', id: 'msg_mock_1', status: 'in_progress', role: 'assistant', content: [] };
  let seq = 0;
  const ev = (type: string, data: object) => JSON.stringify({ type, sequence_number: seq++, ...data });
  const out = [ev('response.created', { response }), ev('response.output_item.added', { output_index: 0, item })];
  for (const delta of splitText(text)) {
    out.push(ev('response.output_text.delta', { item_id: item.id, output_index: 0, content_index: 0, delta }));
  }
  const doneItem = { ...item, status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] };
  out.push(ev('response.output_item.done', { output_index: 0, item: doneItem }));
  out.push(
    ev('response.completed', {
      response: { ...response, status: 'completed', incomplete_details: null, usage: responsesUsage(usage) },
    }),
  );
  return out;
}

function streamResponse(events: string[], reply: MockReply, signal: AbortSignal) {
  const mode = reply.stream ?? 'ok';
  // A cut stream stops halfway through the text, before any completion event, then errors the connection.
  const list = mode === 'cut' ? events.slice(0, Math.max(2, Math.floor(events.length / 2))) : events;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for (const [i, data] of list.entries()) {
          if (reply.chunkDelayMs && i > 0) await sleep(reply.chunkDelayMs, signal);
          // A client that gave up (the reply guard, a budget) gets nothing more: writing into an
          // aborted response trips an assertion inside undici's interceptor.
          if (signal.aborted) return;
          controller.enqueue(encoder.encode(`data: ${data}\n\n`));
          if (mode === 'malformed' && i === 1) {
            controller.enqueue(encoder.encode('data: {"choices": [ {"delta": \n\n'));
            controller.enqueue(encoder.encode('data: not json at all\n\n'));
            break;
          }
        }
        if (mode === 'cut') {
          // Let the client read what was sent before the connection drops.
          await sleep(30, signal);
          if (signal.aborted) return;
          controller.error(new TypeError('terminated: other side closed'));
        } else controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
  return new HttpResponse(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  });
}

/** Splits text into small word-ish pieces, as a model streams tokens. */
function splitText(text: string): string[] {
  if (text === '') return [];
  return text.match(/\S+\s*|\s+/g) ?? [text];
}

function sleep(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

// biome-ignore lint/suspicious/noExplicitAny: walks the raw OpenAI request body
function collectPromptText(body: any): string {
  const parts: string[] = [];
  const walk = (content: unknown) => {
    if (typeof content === 'string') parts.push(content);
    else if (Array.isArray(content)) {
      for (const c of content) {
        if (typeof c === 'string') parts.push(c);
        else if (c && typeof c === 'object' && 'text' in c && typeof c.text === 'string') parts.push(c.text);
        else if (c && typeof c === 'object' && 'content' in c) walk(c.content);
      }
    }
  };
  if (typeof body?.instructions === 'string') parts.push(body.instructions);
  for (const m of body?.messages ?? []) walk(m?.content);
  walk(body?.input);
  return parts.join('\n');
}
