import type { AnswerJudgement, GuideBody } from '@candor/shared';
import { asksForHuman, isAffirmative, isClosingPhrase, isNegative, stopRequest } from './intent-phrases';
import {
  type DecisionWhy,
  limitReached,
  moveOn,
  probeCap,
  type TurnAction,
  type TurnDecision,
  type TurnState,
} from './turn-policy';

/*
 * The AI interviewer's turn policy: the model judges the answer (judgement.ts), and code
 * picks the move within hard bounds — the topic's probe cap, required topics before the
 * close, max turns and minutes. What a reply may do is also offered to the reply model up
 * front (`allowedMoves`), so it can write while the judgement is still on its way.
 */

/** What an interviewer message does, as the reply model tags it. */
export const replyMoves = ['next', 'probe', 'clarify', 'close', 'handoff', 'stop'] as const;
export type ReplyMove = (typeof replyMoves)[number];

type PolicyInput = {
  guide: Pick<GuideBody, 'topics' | 'limits'>;
  state: TurnState;
  answer: string;
  elapsedMs: number;
  lastInterviewerText?: string;
};

/** The moves the policy can still take after the customer's next answer, whatever it says. */
export function allowedMoves(input: Omit<PolicyInput, 'answer' | 'lastInterviewerText'>): ReplyMove[] {
  const { guide, state } = input;
  const moves: ReplyMove[] = [];
  const last = limitReached(guide, state.turns + 1, input.elapsedMs) !== null;
  const current = guide.topics[state.topic_index];
  if (!last) {
    const next = guide.topics.slice(state.topic_index + 1);
    if (next.length > 0) moves.push('next');
    if (current && state.topic_probes < probeCap(current)) moves.push('probe');
    moves.push('clarify');
  }
  if (last || guide.topics.slice(state.topic_index + 1).every((t) => !t.required)) moves.push('close');
  moves.push('handoff', 'stop');
  return moves;
}

/** The move a decision makes, to hold the reply's tag against. */
export function moveOf(decision: Pick<TurnDecision, 'action' | 'topic_index'>, before: TurnState): ReplyMove {
  const byAction: Record<TurnAction, ReplyMove> = {
    probe: 'probe',
    advance: 'next',
    close: 'close',
    handoff: 'handoff',
    opt_out: 'stop',
    confirm_stop: 'stop',
  };
  // Asking the same topic's question again is a clarification, not a new topic.
  if (decision.action === 'advance' && decision.topic_index === before.topic_index) return 'clarify';
  return byAction[decision.action];
}

/**
 * Decides the next move from the model's judgement of the answer. Clear requests in words
 * (a hand-off, an unambiguous stop) still act whatever the judgement says; a stop the
 * judgement reads is confirmed once before it is recorded; probes never pass the topic's cap.
 */
export function decideJudgedTurn(input: PolicyInput & { judgement: AnswerJudgement }): TurnDecision {
  const { guide, answer, judgement: j } = input;
  const turns = input.state.turns + 1;
  const state: TurnState = { ...input.state, turns, covered: [...input.state.covered] };
  const here = (action: TurnAction, why: DecisionWhy): TurnDecision => ({
    action,
    why,
    topic_index: state.topic_index,
    state,
  });

  if (j.intent === 'wants_human' || asksForHuman(answer, input.lastInterviewerText))
    return { ...here('handoff', 'asked_for_person'), reason: 'wants_human' };
  const stop = stopRequest(answer);
  if (state.confirming_stop) {
    state.confirming_stop = false;
    if (stop || isAffirmative(answer) || j.intent === 'wants_stop')
      return { ...here('opt_out', 'stop_confirmed'), reason: 'opted_out' };
    if (isNegative(answer)) return here('advance', 'not_stopping');
  } else if (stop === 'clear') {
    return { ...here('opt_out', 'clear_stop'), reason: 'opted_out' };
  } else if (j.intent === 'wants_stop') {
    // The model read a wish to stop; an opt-out is permanent, so it is asked about first.
    state.confirming_stop = true;
    return here('confirm_stop', 'unclear_stop');
  }

  if (j.intent === 'asks_question' || j.intent === 'confused') {
    const limit = limitReached(guide, turns, input.elapsedMs);
    if (limit) return { ...here('close', 'limit_reached'), reason: limit };
    return here('advance', j.intent === 'confused' ? 'confused' : 'asked_a_question');
  }
  return decideOnQuality(input, state, j);
}

/**
 * The move for an answer whose intent is to go on: a probe while one is wanted and under
 * the cap, else the next topic or the close. `state` already counts this turn.
 */
function decideOnQuality(input: PolicyInput, state: TurnState, j: AnswerJudgement): TurnDecision {
  const { guide, answer } = input;
  const current = guide.topics[state.topic_index];
  const limit = limitReached(guide, state.turns, input.elapsedMs);
  const here = (action: TurnAction, why: DecisionWhy): TurnDecision => ({
    action,
    why,
    topic_index: state.topic_index,
    state,
  });
  // "Nothing else" on an optional topic is a complete answer: no follow-up is owed.
  const finished = current !== undefined && !current.required && isClosingPhrase(answer);
  const wanted = finished ? null : probeReason(j);
  const probing = current !== undefined && wanted !== null && state.topic_probes < probeCap(current);
  // An on-topic answer counts once nothing more will be asked about it.
  if (current && j.quality !== 'off_topic' && !probing && !state.covered.includes(current.key))
    state.covered.push(current.key);

  if (limit) return { ...here('close', 'limit_reached'), reason: limit };
  if (probing && wanted) {
    state.topic_probes += 1;
    return here('probe', wanted);
  }
  return moveOn(guide, state, wanted ? 'probe_cap_reached' : finished ? 'nothing_more_on_optional_topic' : 'answered');
}

// The readings that lead to different moves when the policy still has a choice: an answer
// with nothing more to ask, one that wants a follow-up, and one that missed the question.
const readings: AnswerJudgement[] = [
  {
    quality: 'specific',
    reason_reached: true,
    worth_probing: false,
    statement: 'other',
    intent: 'continue',
    language: 'en',
  },
  {
    quality: 'vague',
    reason_reached: false,
    worth_probing: true,
    statement: 'other',
    intent: 'continue',
    language: 'en',
  },
  {
    quality: 'off_topic',
    reason_reached: false,
    worth_probing: false,
    statement: 'other',
    intent: 'continue',
    language: 'en',
  },
];

/**
 * The decision the judgement cannot change, if the answer leaves the policy only one move
 * (a limit reached, the topic's probes used up, nothing left to ask): the turn needs no
 * judgement. What is left to read are the intents, and only where no phrase hints at one:
 * a pending or possible stop is judged as usual; a wish for a person, a stop or a question
 * the phrases miss is read from the tag of the reply, offered those moves (`forcedMoves`).
 */
export function forcedTurn(input: PolicyInput): TurnDecision | null {
  if (input.state.confirming_stop) return null;
  const turns = input.state.turns + 1;
  const [answered, vague, offTopic] = readings.map((j) =>
    decideOnQuality(input, { ...input.state, turns, covered: [...input.state.covered] }, j),
  );
  if (!answered || !vague || !offTopic) return null;
  const same = (d: TurnDecision) => d.action === vague.action && d.topic_index === vague.topic_index;
  if (!same(answered) || !same(offTopic)) return null;
  // Phrases last, since most turns are not forced: a hand-off or a clear stop in words is
  // decided with the answer (commit-customer-message.ts); a possible stop is judged.
  if (stopRequest(input.answer) !== null || asksForHuman(input.answer, input.lastInterviewerText)) return null;
  // The reading that wanted more: its `why` says what bound the turn (the cap, a limit).
  return vague;
}

/** The moves offered to the reply on a forced turn: the forced one, and those an intent makes. */
export function forcedMoves(forced: TurnDecision, input: Omit<PolicyInput, 'answer' | 'lastInterviewerText'>) {
  const move = moveOf(forced, input.state);
  return allowedMoves(input).filter((m) => m === move || m === 'clarify' || m === 'handoff' || m === 'stop');
}

const intentOfTag: Partial<Record<string, AnswerJudgement['intent']>> = {
  handoff: 'wants_human',
  stop: 'wants_stop',
  clarify: 'asks_question',
};

/**
 * A forced turn's decision once the reply has tagged its move: a hand-off, a stop or a
 * question it read is taken as the judgement's intent would be (a stop is confirmed first,
 * never recorded at once); any other tag leaves the forced move.
 */
export function decideForcedTurn(input: PolicyInput & { forced: TurnDecision; tag: string | null }): TurnDecision {
  const intent = input.tag === null ? undefined : intentOfTag[input.tag];
  if (!intent) return input.forced;
  // Only the intent is read: the quality fields play no part once an intent is set.
  const [reading] = readings;
  return decideJudgedTurn({ ...input, judgement: { ...(reading as AnswerJudgement), intent } });
}

/**
 * Why an answer deserves a follow-up, if it does. Length plays no part: a long answer
 * that says nothing is probed, a short one that says why is not. Value and churn
 * statements without their reason are laddered by the same rule, one rung per probe.
 */
function probeReason(j: AnswerJudgement): DecisionWhy | null {
  if (j.quality === 'off_topic') return 'off_topic';
  if (j.quality === 'vague') return 'vague_answer';
  if (!j.reason_reached) return 'reason_not_reached';
  if (j.worth_probing) return 'worth_probing';
  return null;
}
