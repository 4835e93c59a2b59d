import type { Server, ServerResponse } from 'node:http';
import { type ChatRequest, listenChatCompletions, sendCompletion } from '../../bench/support/chat-completions';
import { stubAnswer as extractionAnswer } from '../extraction-ai-stub';
import { detectLanguage } from './rule-checks';
import { stubJudgement } from './stub-judgement';

/**
 * How the stub interviewer words its replies:
 * - `probing`: asks the guide's questions as given and follows up with "what is behind that";
 * - `lazy`: asks nothing on topic ("What else is on your mind?"), so hidden facts stay hidden;
 * - `rule-breaking`: two questions in one and a long preamble in every question, always in English.
 */
export const stubBehaviours = ['probing', 'lazy', 'rule-breaking'] as const;
export type StubBehaviour = (typeof stubBehaviours)[number];

const words = {
  en: {
    probe: 'What is behind that — what happened?',
    close: 'Thank you for your time, this was really helpful.',
    confirm: 'Would you like to stop here?',
    stopped: 'Understood, we will not ask you about this again. Thank you.',
    handoff: 'Of course, someone from the team will reach out to you soon. Thank you.',
  },
  de: {
    probe: 'Was steckt dahinter – was ist passiert?',
    close: 'Vielen Dank für Ihre Zeit, das war sehr hilfreich.',
    confirm: 'Möchten Sie hier aufhören?',
    stopped: 'Verstanden, wir fragen Sie dazu nicht mehr. Vielen Dank.',
    handoff: 'Gern, jemand aus dem Team meldet sich bald bei Ihnen. Vielen Dank.',
  },
};

const preamble =
  'Thank you so much for taking the time to share all of this with me today, it is genuinely valuable for us to hear it in your own words, and I want to make sure that I understand every part of your situation properly before we move on to the next part of our conversation';

/**
 * A deterministic interviewer model behind an OpenAI-compatible Chat Completions server, so
 * the eval runs the real app end to end without a real model. It reads only what any
 * interviewer prompt carries (the task's quoted question, whether a question is wanted, the
 * customer's last message), answers extraction with the keyword rules' findings, and any
 * other structured call with a valid placeholder built from its JSON schema.
 */
export async function startInterviewerStub(behaviour: StubBehaviour): Promise<{ url: string; close(): Promise<void> }> {
  const { server, url } = await listenChatCompletions((body, raw, res) => {
    const usage = { prompt_tokens: Math.ceil(raw.length / 4), completion_tokens: 20 };
    if (!body.stream) {
      sendCompletion(res, body.model, JSON.stringify(structuredAnswer(body)), usage);
      return;
    }
    streamText(res, body.model, interviewerReply(behaviour, body), usage);
  });
  return { url, close: () => closeServer(server) };
}

/** The text of every message of a request, joined (what the extraction stub reads). */
function promptText(body: ChatRequest): string {
  return (body.messages ?? []).map((m) => contentText(m.content)).join('\n');
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((c) => (c && typeof c === 'object' && 'text' in c ? String(c.text) : '')).join('');
  return '';
}

function structuredAnswer(body: ChatRequest): unknown {
  const prompt = promptText(body);
  if (prompt.includes('<transcript>')) return extractionAnswer(prompt);
  const format = (body as { response_format?: { json_schema?: { name?: string; schema?: JsonSchema } } })
    .response_format?.json_schema;
  if (format?.name === 'answer_judgement') return judgeFromPrompt(prompt);
  return format?.schema ? placeholder(format.schema) : {};
}

/** The judgement of the latest customer message in a judgement request's transcript. */
function judgeFromPrompt(prompt: string) {
  const marker = 'Customer:\n<customer_message>';
  const at = prompt.lastIndexOf(marker);
  const answer = customerText(prompt.slice(at + marker.length).split('</customer_message>')[0] ?? '');
  const lastInterviewer = [...prompt.slice(0, Math.max(at, 0)).matchAll(/^Interviewer: (.*)$/gm)].at(-1)?.[1] ?? '';
  return stubJudgement(answer, lastInterviewer);
}

const customerText = (wrapped: string) => wrapped.replace(/<\/?customer_message>/g, '').trim();

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  const?: unknown;
};

/** The smallest value a JSON schema accepts: null where allowed, else the first enum value, empty text, zero. */
function placeholder(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) {
    const nullable = schema.anyOf.find((s) => s.type === 'null');
    return nullable ? null : placeholder(schema.anyOf[0] ?? {});
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('null')) return null;
  if (types.includes('object'))
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, placeholder(s)]));
  if (types.includes('array')) return [];
  if (types.includes('string')) return '';
  if (types.includes('number') || types.includes('integer')) return 0;
  if (types.includes('boolean')) return false;
  return null;
}

function interviewerReply(behaviour: StubBehaviour, body: ChatRequest): string {
  const messages = body.messages ?? [];
  const system = contentText(messages[0]?.content);
  const task = /Your task for this message:([\s\S]*)$/i.exec(system)?.[1] ?? system;
  const lastUser = messages.findLastIndex((m) => m.role === 'user');
  const lastCustomer = customerText(contentText(messages[lastUser]?.content));
  // The app names the language to write in; without that line, guess from the customer.
  const german = /write in German\b/.test(system) || detectLanguage(lastCustomer) === 'de';
  const say = words[behaviour !== 'rule-breaking' && german ? 'de' : 'en'];
  const choice = /begin with \[(\w+)\]/.exec(task);
  if (choice) {
    const lastInterviewer = contentText(messages.slice(0, lastUser).findLast((m) => m.role === 'assistant')?.content);
    return choiceReply(behaviour, task, choice[1] ?? 'next', stubJudgement(lastCustomer, lastInterviewer), say);
  }
  if (/would like to stop|want to stop|stop here/i.test(task)) return say.confirm;
  if (/do not ask|without asking|ask nothing|not ask anything/i.test(task)) return say.close;
  const quoted = [...task.matchAll(/"([^"]+\?)"/g)].map((m) => m[1] ?? '');
  const isProbe = /follow-?up|probe/i.test(task) && !/next question/i.test(task);
  const question = (isProbe ? undefined : quoted.at(-1)) ?? say.probe;
  switch (behaviour) {
    case 'probing':
      return question;
    case 'lazy':
      return isProbe ? "Okay. Anything else you'd like to add?" : 'Thanks. What else is on your mind?';
    case 'rule-breaking':
      return `${preamble}: ${question.replace(/[?？]\s*$/, '')}, and how does that affect the rest of your team?`;
  }
}

type Move = 'next' | 'probe' | 'clarify' | 'close' | 'handoff' | 'stop';

/**
 * A reply to a choice of moves: the move the stub's own judgement calls for (as the app's
 * policy would pick it from the same judgement), tagged, in the behaviour's words.
 */
function choiceReply(
  behaviour: StubBehaviour,
  task: string,
  answered: string,
  j: ReturnType<typeof stubJudgement>,
  say: (typeof words)['en'],
): string {
  const lineOf = (move: string) => task.split('\n').find((l) => l.includes(`[${move}]`)) ?? '';
  const offered = new Set([answered, ...[...task.matchAll(/^\[(\w+)\] /gm)].map((m) => m[1])]);
  const confirming = /They confirm they want to stop/.test(lineOf('stop'));
  const wanted: Move =
    j.intent === 'wants_human'
      ? 'handoff'
      : j.intent === 'wants_stop'
        ? 'stop'
        : j.intent === 'asks_question' || j.intent === 'confused' || confirming
          ? 'clarify'
          : j.quality !== 'specific' || !j.reason_reached
            ? 'probe'
            : (answered as Move);
  const move = offered.has(wanted) ? wanted : (answered as Move);
  const quoted = [...lineOf(move).matchAll(/"([^"]+\?)"/g)].at(-1)?.[1] ?? say.probe;
  const text: Record<Move, string> = {
    next: quoted,
    clarify: quoted,
    probe: say.probe,
    close: say.close,
    handoff: say.handoff,
    stop: confirming ? say.stopped : say.confirm,
  };
  if (behaviour === 'lazy' && (move === 'next' || move === 'clarify'))
    return `[${move}] Thanks. What else is on your mind?`;
  if (behaviour === 'lazy' && move === 'probe') return `[${move}] Okay. Anything else you'd like to add?`;
  if (behaviour === 'rule-breaking' && /[?？]\s*$/.test(text[move]))
    return `[${move}] ${preamble}: ${text[move].replace(/[?？]\s*$/, '')}, and how does that affect the rest of your team?`;
  return `[${move}] ${text[move]}`;
}

/** Streams `text` as Chat Completions chunks, a word at a time, then the usage and [DONE]. */
function streamText(
  res: ServerResponse,
  model: string | undefined,
  text: string,
  usage: { prompt_tokens: number; completion_tokens: number },
) {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const chunk = (choices: unknown[], extra = {}) =>
    `data: ${JSON.stringify({ id: 'stub', object: 'chat.completion.chunk', created: 0, model, choices, ...extra })}\n\n`;
  res.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
  for (const piece of text.match(/\S+\s*/g) ?? []) res.write(chunk([{ index: 0, delta: { content: piece } }]));
  res.write(chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]));
  res.write(chunk([], { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } }));
  res.end('data: [DONE]\n\n');
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
