import type { GuideBody, InterviewLanguage, TurnDecisionRecord } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import type { Ws } from '../db/tenant';
import type { JudgingInput } from './commit-customer-message';
import type { PendingReply } from './interview-store';
import { allowedMoves, decideForcedTurn, decideJudgedTurn, forcedMoves, forcedTurn, moveOf } from './judged-turn';
import { type JudgementOutcome, judgeAnswer } from './judgement';
import { type ConversationTurn, type ReplyStreamHandlers, streamInterviewReply } from './model-reply';
import { answeredMove, type CustomerFacingContext, instructionParts, newCanary, sayableText } from './prompts';
import { ReplyGate } from './reply-gate';
import { hasQuestion } from './reply-guard';
import { settleJudgedTurn } from './settle-judged-turn';
import { decideNextTurn, endsInterview, probeCap, type TurnDecision } from './turn-policy';

/** What a judged turn came to: the decision to store, and the model's reply if it may be kept. */
export type JudgedReply = {
  pending: PendingReply;
  record: Partial<TurnDecisionRecord>;
  /** The model's reply, checked and matching the decision; absent when the guide's words are owed. */
  reply?: { text: string; model: string; promptTokens: number; completionTokens: number };
  /** Whether some of a reply that is not kept already reached the customer (a reset is owed). */
  shown: boolean;
};

/**
 * One AI turn whose move is decided by the model's judgement of the answer. The judgement
 * and the reply are asked for at once, so judging costs the customer no time: the reply
 * chooses among the moves the policy allows and tags its choice, and its text is held
 * until the judgement is in and code has decided. A reply whose move differs from the
 * decision (a probe past the cap among them) is dropped before the customer sees a word.
 * A judgement that fails or is late leaves the decision to the rules, as in scripted mode.
 * A turn whose move no judgement could change (see `forcedTurn`) asks for the reply alone.
 */
export async function judgedModelReply(
  deps: AppDeps,
  ws: Ws,
  turn: {
    customerMessageId: string;
    pending: PendingReply;
    guide: GuideBody;
    /** The language the customer writes in now; `guide` is already in it where a translation exists. */
    language: InterviewLanguage;
    transcript: Parameters<typeof judgeAnswer>[1]['transcript'];
    messages: ConversationTurn[];
    context: CustomerFacingContext;
    judging: JudgingInput;
  },
  handlers: ReplyStreamHandlers,
): Promise<JudgedReply> {
  const { guide, judging } = turn;
  const before = judging.before;
  const policyInput = {
    guide,
    state: before,
    answer: judging.answer,
    elapsedMs: judging.elapsedMs,
    lastInterviewerText: judging.lastInterviewerText,
  };
  const forced = forcedTurn(policyInput);
  // Asked for first, and not awaited: the reply starts at the same moment. The customer
  // waits for it no longer than for a first token; a late one is let finish unread (the
  // turn's budget ends it), since aborting a request costs as much as letting it end.
  const { firstTokenMs, turnMs } = deps.config.modelCalls;
  const judgement = forced
    ? undefined
    : Promise.race([
        judgeAnswer(deps, { guide, topicIndex: before.topic_index, transcript: turn.transcript, budgetMs: turnMs }),
        new Promise<JudgementOutcome>((resolve) =>
          setTimeout(() => resolve({ ok: false, reason: 'judgement later than a first token' }), firstTokenMs).unref(),
        ),
      ]);
  const gate = new ReplyGate(handlers);
  // On a forced turn the reply's tag is what is left to decide on: it comes before any text.
  let tagged: (tag: string | null) => void = () => {};
  const firstTag = new Promise<string | null>((resolve) => {
    tagged = resolve;
  });
  const replyHandlers = forced
    ? {
        ...gate.handlers,
        onTag: (tag: string | null) => {
          tagged(tag);
          gate.handlers.onTag?.(tag);
        },
      }
    : gate.handlers;
  // A reply the decision does not use is stopped, so its tokens are not paid for.
  const cancel = new AbortController();
  const canary = newCanary();
  const moves = forced
    ? forcedMoves(forced, policyInput)
    : allowedMoves({ guide, state: before, elapsedMs: judging.elapsedMs });
  const reply = streamInterviewReply(
    deps,
    {
      instructions: instructionParts({
        guide,
        context: turn.context,
        action: turn.pending.action,
        topicIndex: turn.pending.topic_index,
        canary,
        language: turn.language,
        choice: {
          moves,
          topicIndex: before.topic_index,
          confirmingStop: before.confirming_stop,
        },
      }),
      sayable: sayableText(guide),
      messages: turn.messages,
      canary,
      cancel: cancel.signal,
    },
    replyHandlers,
  );

  const judged: JudgementOutcome | undefined = await judgement;
  let decision: TurnDecision;
  const record: Partial<TurnDecisionRecord> = {};
  if (forced) {
    // A reply that fails before its tag leaves the forced move, in the guide's words.
    const tag = await Promise.race([firstTag, reply.then((r) => (r.kind === 'ok' ? r.tag : null))]);
    decision = decideForcedTurn({ ...policyInput, forced, tag });
    record.decided_by = decision === forced ? 'forced' : 'reply_tag';
  } else if (judged?.ok) {
    decision = decideJudgedTurn({ ...policyInput, judgement: judged.judgement });
    Object.assign(record, { decided_by: 'judgement', judgement: judged.judgement });
  } else {
    const reason = judged?.reason ?? 'no judgement';
    deps.log.info({ reason }, 'answer judgement failed; the rules decide this turn');
    decision = decideNextTurn(policyInput);
    Object.assign(record, { decided_by: 'rules_after_failed_judgement', judgement_failure: reason });
  }
  if (decision.action === 'probe')
    record.probes = { used: decision.state.topic_probes, cap: probeCap(guide.topics[decision.topic_index]) };
  const { reason: _provisional, ...provisional } = turn.pending;
  const pending: PendingReply = {
    ...provisional,
    action: decision.action,
    topic_index: decision.topic_index,
    why: decision.why,
    ...(decision.reason ? { reason: decision.reason } : {}),
  };

  const stored = await settleJudgedTurn(deps, ws, {
    interview: judging.interview,
    guide,
    customerMessageId: turn.customerMessageId,
    answer: judging.answer,
    decision,
    pending,
  });
  if (!stored) {
    // The interview moved on meanwhile (a decline, another answer): the decision stored
    // with the answer stands, in the guide's words.
    gate.close();
    cancel.abort();
    return { pending: turn.pending, record: {}, shown: false };
  }

  const expected = moveOf(decision, before);
  // The reply was written to a choice of moves and says which by its tag. Untagged, it is
  // taken as the move offered first (the one for an answered question: the next question, or
  // the close) and used only when that move was decided without a judgement (the rules', or
  // a forced one); any other decision — a stop to confirm, a hand-off — gets the guide's
  // words, not a guess.
  const offeredFirst = answeredMove(moves);
  const unjudged = !judged?.ok;
  const fits = (tag: string | null) => tag === expected || (tag === null && unjudged && expected === offeredFirst);
  gate.decide(fits);
  const letThrough = await Promise.race([gate.verdict, reply.then(() => null)]);
  if (letThrough === false) {
    // Not awaited: its words are not used, and the customer should not wait for them.
    cancel.abort();
    return { pending, record: { ...record, corrected: correction(gate.refusedTag) }, shown: false };
  }
  const result = await reply;
  if (result.kind === 'ok' && fits(result.tag) && hasQuestion(result.text) !== endsInterview(decision.action)) {
    const { text, model, promptTokens, completionTokens } = result;
    const extra = judged?.ok
      ? { input: judged.promptTokens, output: judged.completionTokens }
      : { input: 0, output: 0 };
    return {
      pending,
      record,
      reply: {
        text,
        model,
        promptTokens: promptTokens + extra.input,
        completionTokens: completionTokens + extra.output,
      },
      shown: false,
    };
  }
  const shown = gate.isOpen;
  gate.close();
  if (result.kind === 'ok') record.corrected = fits(result.tag) ? 'reply_wrong_shape' : correction(result.tag);
  return { pending, record, shown };
}

function correction(tag: string | null | undefined): string {
  return tag ? `reply_move_${tag}` : 'reply_untagged';
}

/** The guide's words for a judged turn: a second probe on a topic asks why it matters. */
export function judgedScriptedText(
  pending: PendingReply,
  record: Partial<TurnDecisionRecord>,
  scripted: string,
): string {
  if (pending.action !== 'probe' || (record.probes?.used ?? 1) < 2) return scripted;
  return deeperProbe[record.judgement?.language ?? 'en'];
}

// The ladder's second rung, asked when the guide's own follow-up has been used.
const deeperProbe: Record<NonNullable<TurnDecisionRecord['judgement']>['language'], string> = {
  en: 'What makes that matter to you?',
  de: 'Was macht das für Sie so wichtig?',
  fr: "Qu'est-ce qui rend cela important pour vous ?",
  es: '¿Por qué es eso importante para ti?',
  pt: 'O que torna isso importante para você?',
  ja: 'それがあなたにとって大切なのはなぜですか？',
};
