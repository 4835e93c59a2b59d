import { sql } from 'kysely';
import { readJson, type TestApp } from '../../tests/support/harness';
import { answer, identify, invite } from '../../tests/support/interview-fixtures';
import { waitForJob } from '../../tests/support/jobs';
import type { SimulatedCustomer } from './customer';
import type { PersonaCard } from './persona-card';
import type { ApiSignal } from './signal-match';

export type EvalWorkspace = { id: string; secret_key: string; publishable_key: string; identity_secret: string };

/** One message of the interview as the API returns it. */
export type ApiMessage = {
  id: string;
  role: 'interviewer' | 'customer';
  text: string;
  mode: 'ai' | 'scripted' | null;
  client_id: string | null;
  decision: { action: string; why: string; reason?: string; decided_by?: string; corrected?: string } | null;
};

/** A persona's interview once its last answer is sent: extraction may still be running. */
export type PlayedInterview = {
  persona: PersonaCard;
  interviewId: string;
  /** The status the last reply reported (`started` when the eval stopped it at its answer cap). */
  status: string;
  /** For each hidden fact the persona told: the client ids of the answers that told it. */
  toldBy: Map<string, string[]>;
  answers: number;
  error?: string;
};

/** One persona's interview, as driven through the widget API and read back through the server API. */
export type Conversation = {
  persona: PersonaCard;
  interviewId: string;
  status: string;
  mode: string;
  messages: ApiMessage[];
  signals: ApiSignal[];
  /** For each hidden fact the persona told: the ids of the customer messages that told it. */
  told: Map<string, string[]>;
  /** Customer answers sent. */
  answers: number;
  /** Set when a turn failed at the HTTP level (the run stops there). */
  error?: string;
};

/**
 * Plays one persona against the running app, only through its public entry points: the
 * server API creates the account and contact and invites them; the widget API identifies
 * the contact, starts the interview and sends each answer (reading the streamed reply).
 * Extraction then runs as the app runs it (see `readConversation`).
 */
export async function playInterview(
  t: TestApp,
  ws: EvalWorkspace,
  card: PersonaCard,
  customer: SimulatedCustomer,
  options: { guideId: string; run: string; maxAnswers: number },
): Promise<PlayedInterview> {
  const contactId = `${options.run}-${card.id}`;
  await post(t, ws, '/v1/accounts', { accounts: [{ id: `acct-${contactId}`, name: `${card.name}'s company` }] });
  await post(t, ws, '/v1/contacts', {
    contacts: [
      {
        id: contactId,
        account_id: `acct-${contactId}`,
        name: card.name,
        email: `${contactId}@example.com`,
        locale: card.language,
      },
    ],
  });
  const { id } = await invite(t, ws, options.guideId, 'in_app', contactId);
  const { token } = await identify(t, ws, contactId);
  const started = await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
  if (started.status !== 200) throw new Error(`start failed: ${started.status} ${await started.text()}`);
  const opening = (await readJson(started)).messages as { role: string; text: string }[];

  const transcript = opening.map((m) => ({ role: m.role as 'interviewer' | 'customer', text: m.text }));
  const toldBy = new Map<string, string[]>();
  let status = 'started';
  let answers = 0;
  let error: string | undefined;
  while (status === 'started' && answers < options.maxAnswers) {
    const last = transcript.findLast((m) => m.role === 'interviewer')?.text ?? '';
    const turn = answers + 1;
    const said = await customer.answer(last, turn, transcript);
    const clientId = `${contactId}-a${turn}`;
    const reply = await answer(t, id, token, clientId, said.text);
    answers = turn;
    transcript.push({ role: 'customer', text: said.text });
    for (const fact of said.reveals) toldBy.set(fact, [...(toldBy.get(fact) ?? []), clientId]);
    if (reply.status !== 200 || !reply.reply) {
      error = `answer ${turn} got ${reply.status}`;
      break;
    }
    transcript.push({ role: 'interviewer', text: reply.reply.text });
    status = reply.done?.status ?? 'started';
  }
  return { persona: card, interviewId: id, status, toldBy, answers, ...(error ? { error } : {}) };
}

/** Waits for the interview's extraction, then reads it back with its messages and signals. */
export async function readConversation(t: TestApp, ws: EvalWorkspace, played: PlayedInterview): Promise<Conversation> {
  const { interviewId: id, toldBy, error } = played;
  await waitForExtraction(t, ws, id, played.status);
  const detail = await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
  const messages = detail.messages as ApiMessage[];
  const messageIdByClient = new Map(messages.filter((m) => m.client_id).map((m) => [m.client_id, m.id]));
  const told = new Map(
    [...toldBy].map(([fact, clients]) => [fact, clients.flatMap((c) => messageIdByClient.get(c) ?? [])]),
  );
  return {
    persona: played.persona,
    interviewId: id,
    status: detail.status,
    mode: detail.mode,
    messages,
    signals: detail.signals,
    told,
    answers: played.answers,
    ...(error ? { error } : {}),
  };
}

async function post(t: TestApp, ws: EvalWorkspace, path: string, json: unknown) {
  const res = await t.request(path, { method: 'POST', token: ws.secret_key, json });
  if (res.status >= 300) throw new Error(`${path} failed: ${res.status} ${await res.text()}`);
}

/**
 * Waits for the extraction the app queued when the interview ended. An interview the eval
 * stopped at its answer cap is still open: it is extracted the way an abandoned one is,
 * through the same job.
 */
async function waitForExtraction(t: TestApp, ws: EvalWorkspace, interviewId: string, status: string) {
  const deadline = Date.now() + (status === 'started' ? 0 : 10_000);
  for (;;) {
    const { rows } = await sql<{ id: string }>`
      select id from pgboss.job where name = 'extract-interview' and singleton_key = ${`extract:${interviewId}`}
      order by created_on desc limit 1`.execute(t.deps.db);
    const job =
      rows[0]?.id ??
      (Date.now() > deadline ? await t.deps.jobs.send('extract-interview', { workspaceId: ws.id, interviewId }) : null);
    if (job) return waitForJob(t, job, 120_000);
    await new Promise((r) => setTimeout(r, 100));
  }
}
