import { type GuideBody, type InterviewLanguage, type TurnDecisionRecord, topicScale } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { preparedStatement } from '../db/prepared-statement';
import { tenant, type Ws } from '../db/tenant';
import { localizeGuide } from '../guides/localize-guide';
import { costMicros } from '../pricing/model-prices';
import type { JudgingInput } from './commit-customer-message';
import { currentLanguage } from './detect-language';
import { enqueueExtraction } from './enqueue-extraction';
import { getInterview, listMessages, loadGuideVersion, type PendingReply, readState } from './interview-store';
import { judgedModelReply, judgedScriptedText } from './judged-reply';
import type { TurnMessage } from './load-turn';
import { type ReplyStreamHandlers, streamInterviewReply } from './model-reply';
import { type CustomerFacingContext, customerTurn, instructionParts, newCanary, sayableText } from './prompts';
import { ratingReasonLine } from './rating-reason-lines';
import { hasQuestion } from './reply-guard';
import { openingText, scriptedReply } from './scripted';
import { endsInterview, type TurnAction } from './turn-policy';

const FIRST_REPLY_SEQ = 3;

export type StoredReply = { id: string; role: 'interviewer'; text: string; mode: 'ai' | 'scripted' };

/** A freshly written reply, with the move it was stored as (a judged turn may change it). */
export type WrittenReply = StoredReply & { action: TurnAction };

type ReplyDraft = {
  text: string;
  mode: 'ai' | 'scripted';
  model: string | null;
  promptTokens: number;
  completionTokens: number;
};

/**
 * Writes the interviewer's reply to a committed customer message: from the model when one
 * is configured and answers well, else the guide's scripted words. Deltas go to `handlers`
 * as they pass the output check; the stored reply is returned.
 */
export async function generateReply(
  deps: AppDeps,
  ws: Ws,
  interviewId: string,
  turn: {
    customerMessageId: string;
    pending: PendingReply;
    guide: GuideBody;
    /** The conversation up to and including the answer being replied to. */
    transcript: TurnMessage[];
    context: CustomerFacingContext;
    /** Whether the AI interviewer answers (a model is configured and the workspace wants it). */
    aiInterviewer: boolean;
    /** Set when the model's judgement of the answer decides this turn (see judged-reply.ts). */
    judging?: JudgingInput;
  },
  handlers: ReplyStreamHandlers,
): Promise<WrittenReply> {
  const { customerMessageId, guide, transcript, context } = turn;
  let pending = turn.pending;
  // The AI interviewer follows a customer who switches language (its scripted fallback too);
  // the scripted interviewer keeps the language the interview started in.
  const started = context.language ?? 'en';
  const language = turn.aiInterviewer ? currentLanguage(transcript, started) : started;
  const spoken = localizeGuide(guide, language);
  let draft: ReplyDraft | undefined;
  let streamed = false;
  let record: Partial<TurnDecisionRecord> = {};
  // The model sees the stored opening with the guide's own words, not the name the page sent.
  const messages = transcript.map((m) =>
    m.role === 'customer'
      ? { role: 'user' as const, text: customerTurn(m.text) }
      : // The stored opening greets with the name and company the page sent; the model gets
        // the guide's own words instead, and those values only in the profile data block.
        { role: 'assistant' as const, text: m.seq === 1 ? openingText(localizeGuide(guide, started), {}) : m.text },
  );

  if (turn.aiInterviewer && turn.judging) {
    const judged = await judgedModelReply(
      deps,
      ws,
      { customerMessageId, pending, guide: spoken, language, transcript, messages, context, judging: turn.judging },
      handlers,
    );
    pending = judged.pending;
    record = judged.record;
    streamed = judged.shown;
    if (judged.reply) draft = { ...judged.reply, mode: 'ai' };
    else deps.log.info({ interviewId, corrected: record.corrected }, 'judged turn answered in the guide’s words');
  } else if (turn.aiInterviewer) {
    const canary = newCanary();
    const result = await streamInterviewReply(
      deps,
      {
        instructions: instructionParts({
          guide: spoken,
          context,
          action: pending.action,
          topicIndex: pending.topic_index,
          canary,
          language,
          ...ratingReasonOf(guide, pending),
        }),
        sayable: sayableText(spoken),
        messages,
        canary,
      },
      {
        onDelta: (text) => {
          streamed = true;
          handlers.onDelta(text);
        },
        onRetry: handlers.onRetry,
      },
    );
    // A reply must have the shape the policy decided: one question when asking, none when closing.
    const fits = result.kind === 'ok' && hasQuestion(result.text) !== endsInterview(pending.action);
    if (result.kind === 'ok' && fits) {
      draft = {
        text: result.text,
        mode: 'ai',
        model: result.model,
        promptTokens: result.promptTokens,
        completionTokens: result.completionTokens,
      };
    } else {
      deps.log.info(
        { interviewId, outcome: result.kind, reason: result.kind === 'ok' ? 'wrong_shape' : result.reason },
        'interviewer turn answered in scripted mode',
      );
    }
  }

  if (!draft) {
    if (streamed) handlers.onRetry();
    draft = {
      text: judgedScriptedText(pending, record, scriptedText(spoken, pending, language)),
      mode: 'scripted',
      model: null,
      promptTokens: 0,
      completionTokens: 0,
    };
    handlers.onDelta(draft.text);
  }
  const stored = await storeReply(deps, ws, interviewId, customerMessageId, pending, draft, record);
  return { ...stored, action: pending.action };
}

/**
 * Stores a reply at its reserved seq and settles the interview's counters, in one statement:
 * the counters move only if this reply was the one inserted. If another process stored it
 * first, theirs wins and is returned.
 */
async function storeReply(
  deps: AppDeps,
  ws: Ws,
  interviewId: string,
  customerMessageId: string,
  pending: PendingReply,
  draft: ReplyDraft,
  /** What a judged turn adds to the decision's record: the judgement, probes, corrections. */
  record: Partial<TurnDecisionRecord> = {},
): Promise<StoredReply> {
  const cost = draft.model ? costMicros(deps.config, draft.model, draft) : 0;
  // The first reply (seq 3, after the opening and the first answer) sets the mode; any later change makes it mixed.
  const firstReply = pending.reply_seq === FIRST_REPLY_SEQ;
  const {
    rows: [inserted],
  } = await insertReply(deps.db, {
    workspaceId: ws.id,
    interviewId,
    customerMessageId,
    seq: pending.reply_seq,
    text: draft.text,
    mode: draft.mode,
    firstReply,
    model: draft.model,
    promptTokens: draft.promptTokens,
    completionTokens: draft.completionTokens,
    costMicros: String(cost),
    decision: JSON.stringify({
      action: pending.action,
      topic_index: pending.topic_index,
      why: pending.why ?? 'unknown',
      ...(pending.reason ? { reason: pending.reason } : {}),
      ...record,
    }),
    now: deps.now(),
  });
  if (inserted) {
    if (endsInterview(pending.action)) await enqueueExtraction(deps, ws, interviewId);
    return { id: inserted.id, role: 'interviewer', text: draft.text, mode: draft.mode };
  }
  // Another request stored this reply first: answer with theirs.
  const reply = await findReply(deps, ws, interviewId, customerMessageId);
  if (!reply) throw new Error('reply vanished after storing');
  return reply;
}

type ReplyParams = {
  workspaceId: string;
  interviewId: string;
  customerMessageId: string;
  seq: number;
  text: string;
  mode: 'ai' | 'scripted';
  firstReply: boolean;
  model: string | null;
  promptTokens: number;
  completionTokens: number;
  costMicros: string;
  /** The turn policy's decision and why, as JSON (messages.decision). */
  decision: string;
  now: Date;
};

const insertReply = preparedStatement(
  [
    'workspaceId',
    'interviewId',
    'customerMessageId',
    'seq',
    'text',
    'mode',
    'firstReply',
    'model',
    'promptTokens',
    'completionTokens',
    'costMicros',
    'decision',
    'now',
  ],
  (db, p: ReplyParams) =>
    db
      .with('reply', (qb) =>
        qb
          .insertInto('messages')
          .values({
            workspace_id: p.workspaceId,
            interview_id: p.interviewId,
            seq: p.seq,
            role: 'interviewer',
            text: p.text,
            reply_to: p.customerMessageId,
            mode: p.mode,
            model: p.model,
            prompt_tokens: p.promptTokens,
            completion_tokens: p.completionTokens,
            // Sent as text and parsed by the database: a jsonb-typed parameter would be
            // serialized again by the driver, storing a JSON string instead of the object.
            decision: sql`(${p.decision}::text)::jsonb`,
          })
          .onConflict((oc) => oc.doNothing())
          .returning(['id']),
      )
      .with('settled', (qb) =>
        qb
          .updateTable('interviews')
          .set((eb) => ({
            state: sql`state #- array['pending', ${p.customerMessageId}::text]`,
            mode: sql`case when ${p.firstReply}::boolean or mode = ${p.mode}::text then ${p.mode}::text else 'mixed' end`,
            prompt_tokens: eb('prompt_tokens', '+', p.promptTokens),
            completion_tokens: eb('completion_tokens', '+', p.completionTokens),
            cost_micros: eb('cost_micros', '+', p.costMicros),
            last_activity_at: p.now,
          }))
          .where('workspace_id', '=', p.workspaceId)
          .where('id', '=', p.interviewId)
          .where((eb) => eb.exists(eb.selectFrom('reply').select('reply.id')))
          .returning('interviews.id'),
      )
      .selectFrom('reply')
      .select('reply.id'),
);

/** The stored reply to a customer message, if there is one yet. */
export async function findReply(deps: Pick<AppDeps, 'db'>, ws: Ws, interviewId: string, customerMessageId: string) {
  const row = await tenant(deps.db, ws)
    .selectFrom('messages')
    .select(['id', 'text', 'mode'])
    .where('interview_id', '=', interviewId)
    .where('reply_to', '=', customerMessageId)
    .executeTakeFirst();
  return row ? { id: row.id, role: 'interviewer' as const, text: row.text, mode: row.mode ?? 'scripted' } : undefined;
}

/**
 * The reply to a repeated client_id: the stored one, or — while another request is still
 * generating it — waits for it. A generation abandoned by a crashed process is finished
 * here in scripted mode, so a retry always gets an answer.
 */
export async function awaitReply(
  deps: AppDeps,
  ws: Ws,
  interviewId: string,
  customerMessageId: string,
): Promise<StoredReply | undefined> {
  // The turn's budget bounds the wait for a first word; a reply already streaming may run on a little.
  const staleAfterMs = deps.config.modelCalls.turnMs + 30_000;
  for (;;) {
    const reply = await findReply(deps, ws, interviewId, customerMessageId);
    if (reply) return reply;
    const interview = await getInterview(tenant(deps.db, ws), interviewId);
    const pending = readState(interview.state).pending[customerMessageId];
    if (!pending) return undefined;
    if (deps.now().getTime() - new Date(pending.since).getTime() > staleAfterMs) {
      const guide = await loadGuideVersion(deps.db, ws, interview.guide_version_id);
      const started = interview.language ?? 'en';
      const language =
        interview.mode === 'scripted'
          ? started
          : currentLanguage(await listMessages(tenant(deps.db, ws), interviewId), started);
      return storeReply(deps, ws, interviewId, customerMessageId, pending, {
        text: scriptedText(localizeGuide(guide, language), pending, language),
        mode: 'scripted',
        model: null,
        promptTokens: 0,
        completionTokens: 0,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** The score a pending reply follows, when that reply is the question about its reason. */
function ratingReasonOf(guide: GuideBody, pending: PendingReply) {
  const scale = topicScale(guide.topics[pending.topic_index]);
  return pending.why === 'rating_reason' && scale && pending.score !== undefined
    ? { ratingReason: { scale, score: pending.score } }
    : {};
}

/** The scripted words for a decided turn; after a score, the localized question about its reason. */
function scriptedText(guide: GuideBody, pending: PendingReply, language: InterviewLanguage): string {
  const rating = ratingReasonOf(guide, pending).ratingReason;
  return rating
    ? ratingReasonLine(rating.scale, rating.score, language)
    : scriptedReply(guide, pending.action, pending.topic_index, language);
}
