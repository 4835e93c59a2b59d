import { randomUUID } from 'node:crypto';
import { type GuideBody, guideBodySchema, type Moment } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { type TenantInsert, tenant, type Ws } from '../db/tenant';
import { extractSignals } from '../extraction/extract-signals';
import { addHandoffItem } from '../review-queue/review-queue';
import type { DemoAccount, DemoBook } from './generate-book';
import type { Rng } from './prng';
import { type DemoTranscript, englishTranscripts } from './transcripts';
import { translatedClosings, translatedQuestions, translatedTranscripts } from './transcripts-de-fr';
import { firstNames, reports } from './word-lists';

const DAY = 86_400_000;
const RENEWAL_WINDOW_DAYS = 60;

const competitors = ['Looker', 'Tableau', 'Metabase', 'Sigma', 'Domo', 'Qlik'] as const;
const integrations = ['Zendesk', 'HubSpot', 'Snowflake', 'BigQuery', 'Jira', 'NetSuite'] as const;
const teams = {
  en: ['marketing team', 'finance team', 'support team', 'customer success team'],
  de: ['Marketing-Team', 'Finanzteam', 'Support-Team'],
  fr: ['équipe marketing', 'équipe finance', 'équipe support'],
} as const;
const months = {
  en: ['January', 'February', 'March', 'April'],
  de: ['Januar', 'Februar', 'März', 'April'],
  fr: ['janvier', 'février', 'mars', 'avril'],
} as const;
// Locales whose people answer in the transcript's language.
const speaks = { en: /^en/, de: /^de/, fr: /^fr/ } as const;

type Planned = {
  transcript: DemoTranscript;
  account: DemoAccount;
  contactIndex: number;
  answers: string[];
  endedAt: Date;
};

/**
 * Completed interviews for the demo, told by the accounts whose usage fits them: the
 * hand-written conversations in transcripts*.ts, each filled with names, tools and numbers
 * drawn from the seed. Only the conversations are written here; their signals come from
 * running extraction on them, so health, the review queue and briefs read them like any
 * other answers.
 */
export async function seedDemoInterviews(
  deps: AppDeps,
  ws: Ws,
  book: DemoBook,
  rng: Rng,
  now: Date,
): Promise<{ interviews: number; signals: number }> {
  const plan = planInterviews(book, rng, now);
  const t = tenant(deps.db, ws);
  const guides = await currentGuides(deps, ws);
  const accountIds = new Map(
    (await t.selectFrom('accounts').select(['id', 'external_id']).execute()).map((a) => [a.external_id, a.id]),
  );
  const contactIds = new Map(
    (await t.selectFrom('contacts').select(['id', 'external_id']).execute()).map((c) => [c.external_id, c.id]),
  );

  const interviews: TenantInsert<'interviews'>[] = [];
  const messages: TenantInsert<'messages'>[] = [];
  const handoffs: { accountId: string; interviewId: string; messageId: string; text: string }[] = [];
  for (const p of plan) {
    const guide = guides.get(p.transcript.moment);
    if (!guide) continue;
    const id = randomUUID();
    const accountId = accountIds.get(p.account.externalId)!;
    const contact = p.account.contacts[p.contactIndex]!;
    const turns = conversation(p.transcript, guide.body, p.answers);
    const startedAt = new Date(p.endedAt.getTime() - turns.length * 75_000);
    interviews.push({
      id,
      guide_id: guide.id,
      guide_version_id: guide.versionId,
      account_id: accountId,
      contact_id: contactIds.get(contact.externalId) ?? null,
      channel: p.transcript.moment === 'pre_renewal' ? ('email' as const) : ('in_app' as const),
      status: 'completed' as const,
      mode: 'scripted',
      state: {},
      cost_micros: 0,
      invited_at: new Date(startedAt.getTime() - rng.int(2, 48) * 3_600_000),
      shown_at: startedAt,
      started_at: startedAt,
      ended_at: p.endedAt,
      last_activity_at: p.endedAt,
    });
    turns.forEach((turn, seq) => {
      const messageId = randomUUID();
      messages.push({
        id: messageId,
        interview_id: id,
        seq: seq + 1,
        role: turn.role,
        text: turn.text,
        mode: turn.role === 'interviewer' ? ('scripted' as const) : null,
        created_at: new Date(startedAt.getTime() + seq * 75_000),
      });
      if (turn.handoff) handoffs.push({ accountId, interviewId: id, messageId, text: turn.text });
    });
  }
  if (interviews.length === 0) return { interviews: 0, signals: 0 };
  await deps.db.transaction().execute(async (trx) => {
    const tx = tenant(trx, ws);
    await tx.insertInto('interviews').values(interviews).execute();
    await tx.insertInto('messages').values(messages).execute();
    // What the interviewer does when a customer asks for a person, as a live interview would.
    for (const h of handoffs) await addHandoffItem(tx, h);
  });

  // The real extraction, called directly rather than through the job queue: first start
  // must not wait on a worker, and the rules answer in milliseconds.
  let signals = 0;
  for (const interview of interviews)
    signals += (await extractSignals(deps, ws, interview.id!, { rulesOnly: true })).stored;
  // Signals carry the time they were said, so trends and "this week" read as they would have.
  await sql`
    update signals s set created_at = i.ended_at
    from interviews i
    where i.id = s.interview_id and s.workspace_id = ${ws.id} and i.workspace_id = ${ws.id}`.execute(deps.db);
  return { interviews: interviews.length, signals };
}

/** Which account tells which story, who answers, and when. */
function planInterviews(book: DemoBook, rng: Rng, now: Date): Planned[] {
  const used = new Set<string>();
  const told = new Set<string>();
  const renewsSoon = (a: DemoAccount) => Date.parse(a.renewalDate) - now.getTime() <= RENEWAL_WINDOW_DAYS * DAY;
  const tells = (a: DemoAccount, tr: DemoTranscript) =>
    tr.story === 'renewing' ? renewsSoon(a) && a.profile !== 'onboarding' : a.profile === tr.story;
  const planned: Planned[] = [];
  for (const transcript of [...englishTranscripts, ...translatedTranscripts]) {
    for (let n = 0; n < transcript.uses; n++) {
      const open = book.accounts.filter((a) => !used.has(a.externalId) && tells(a, transcript));
      // Prefer accounts with someone who speaks the language, and, where the story asks, one renewing soon.
      const fitting = open.filter(
        (a) =>
          a.contacts.some((c) => speaks[transcript.language].test(c.locale)) &&
          (!transcript.renewingSoon || renewsSoon(a)),
      );
      const pool = fitting.length > 0 ? fitting : open;
      if (pool.length === 0) continue;
      const account = rng.pick(pool);
      used.add(account.externalId);
      const byLanguage = account.contacts.findIndex(
        (c) => c.role === transcript.respondent && speaks[transcript.language].test(c.locale),
      );
      const byRole = account.contacts.findIndex((c) => c.role === transcript.respondent);
      const bySpeech = account.contacts.findIndex((c) => speaks[transcript.language].test(c.locale));
      const contactIndex = [byLanguage, byRole, bySpeech, 0].find((i) => i >= 0)!;
      // Hand-offs are today's news; everything else spread over the last five weeks.
      const ago = transcript.handoff ? rng.between(0.05, 0.8) : rng.between(1, 35);
      // Two accounts telling one story still say it in their own names: draw again on a repeat.
      let answers = fill(transcript, account, rng);
      for (let tries = 0; told.has(answers.join('\n')) && tries < 20; tries++) answers = fill(transcript, account, rng);
      told.add(answers.join('\n'));
      planned.push({
        transcript,
        account,
        contactIndex,
        answers,
        endedAt: new Date(now.getTime() - ago * DAY),
      });
    }
  }
  return planned;
}

/** The transcript's answers with this account's people, tools and numbers. */
function fill(transcript: DemoTranscript, account: DemoAccount, rng: Rng): string[] {
  const taken = new Set(account.contacts.map((c) => c.name.split(' ')[0]));
  const free = firstNames.filter((n) => !taken.has(n));
  const colleague = rng.pick(free);
  const values: Record<string, string> = {
    colleague,
    colleague2: rng.pick(free.filter((n) => n !== colleague)),
    competitor: rng.pick(competitors),
    integration: rng.pick(integrations),
    seats: String(rng.int(5, 25)),
    team: rng.pick(teams[transcript.language]),
    month: rng.pick(months[transcript.language]),
    report: rng.pick(reports),
  };
  return transcript.answers.map((a) => a.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key));
}

type Turn = { role: 'interviewer' | 'customer'; text: string; handoff?: boolean };

/** Question, answer, question, answer…, then the close (or the hand-off) in the conversation's language. */
function conversation(transcript: DemoTranscript, guide: GuideBody, answers: string[]): Turn[] {
  const questions =
    transcript.language === 'en'
      ? guide.topics.map((topic) => topic.question)
      : (translatedQuestions[transcript.language][transcript.moment] ?? []);
  const closing =
    transcript.language === 'en'
      ? transcript.handoff
        ? "Thank you — I'll pass this to your account team now, and someone will reach out to you personally."
        : guide.closing_message
      : translatedClosings[transcript.language][transcript.handoff ? 'handoff' : 'closing'];
  const turns: Turn[] = [];
  answers.forEach((text, i) => {
    turns.push({ role: 'interviewer', text: questions[i] ?? questions.at(-1) ?? guide.opening_message });
    turns.push({
      role: 'customer',
      text,
      ...(transcript.handoff && i === answers.length - 1 ? { handoff: true } : {}),
    });
  });
  turns.push({ role: 'interviewer', text: closing.replace(/\{name\}/g, '').trim() });
  return turns;
}

async function currentGuides(
  deps: AppDeps,
  ws: Ws,
): Promise<Map<Moment, { id: string; versionId: string; body: GuideBody }>> {
  const rows = await tenant(deps.db, ws)
    .selectFrom('guides')
    .innerJoin('guide_versions', (j) =>
      j
        .onRef('guide_versions.guide_id', '=', 'guides.id')
        .onRef('guide_versions.version', '=', 'guides.current_version'),
    )
    .select(['guides.id', 'guides.moment', 'guide_versions.id as version_id', 'guide_versions.definition'])
    .where('guides.template_key', 'is not', null)
    .where('guides.archived_at', 'is', null)
    .execute();
  const out = new Map<Moment, { id: string; versionId: string; body: GuideBody }>();
  for (const r of rows)
    if (!out.has(r.moment as Moment))
      out.set(r.moment as Moment, { id: r.id, versionId: r.version_id, body: guideBodySchema.parse(r.definition) });
  return out;
}
