import { createServer, type Server, type ServerResponse } from 'node:http';

export type ChatRequest = { model?: string; stream?: boolean; messages?: { role: string; content: unknown }[] };
export type ChatUsage = { prompt_tokens: number; completion_tokens: number };

/**
 * A local OpenAI-compatible Chat Completions server for benchmarks: parses each request's
 * JSON body and hands it to `answer`; resolves once listening, with its base URL.
 */
export function listenChatCompletions(
  answer: (body: ChatRequest, raw: string, res: ServerResponse) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => answer(JSON.parse(raw || '{}') as ChatRequest, raw, res));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${port}/v1` });
    }),
  );
}

/** Answers a non-streamed call with `content` and the given usage. */
export function sendCompletion(res: ServerResponse, model: string | undefined, content: string, usage: ChatUsage) {
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify({
      id: 'c',
      object: 'chat.completion',
      created: 0,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    }),
  );
}
