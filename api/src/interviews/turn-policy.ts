import { type CloseReason, DEFAULT_MAX_PROBES, type GuideBody, type GuideTopic, type TurnAction } from '@candor/shared';
import { asksForHuman, isAffirmative, isClosingPhrase, isNegative, stopRequest } from './intent-phrases';

export { asksForHuman } from './intent-phrases';

/** Where an interview stands between turns. Stored in `interviews.state`. */
export type TurnState = {
  /** Index of the topic the last interviewer question was about. */
  topic_index: number;
  /** Customer answers so far. */
  turns: number;
  /** Keys of topics the customer has answered. */
  covered: string[];
  /** Follow-ups asked on the current topic; back to 0 when the interview moves on. */
  topic_probes: number;
  /** Whether the last reply asked "would you like to stop here?" (an unclear stop, confirmed once). */
  confirming_stop: boolean;
  /** Rating topics: keys of topics whose score has been given. */
  rated?: string[];
  /** Rating topics: the key of the topic whose reason the last reply asked for. */
  reason_for?: string;
};

export { type CloseReason, type TurnAction, turnActions } from '@candor/shared';

/** Why the policy decided what it did, stored with the reply (messages.decision). */
export type DecisionWhy =
  | 'asked_for_person'
  | 'clear_stop'
  | 'unclear_stop'
  | 'stop_confirmed'
  | 'not_stopping'
  | 'thin_answer'
  | 'answered'
  | 'nothing_more_on_optional_topic'
  | 'limit_reached'
  | 'topics_covered'
  | 'rating_reason'
  // Decided from the model's judgement of the answer (judged-turn.ts):
  | 'vague_answer'
  | 'off_topic'
  | 'reason_not_reached'
  | 'worth_probing'
  | 'probe_cap_reached'
  | 'asked_a_question'
  | 'confused';

/** What the interviewer does next, decided before any model is called. */
export type TurnDecision = {
  action: TurnAction;
  why: DecisionWhy;
  /** The topic the next question is about (probe: the current one; advance: the next one). */
  topic_index: number;
  reason?: CloseReason;
  state: TurnState;
  /** Rating topics: the score this answer gave (recorded as a signal whatever the turn decides). */
  rating?: { topic: string; score: number };
  /** Rating topics: this answer gave the reason behind the score of this topic. */
  reason_for?: string;
};

/** Answers shorter than this get the topic's follow-up before moving on. */
export const THIN_ANSWER_WORDS = 8;

export function initialTurnState(): TurnState {
  return { topic_index: 0, turns: 0, covered: [], topic_probes: 0, confirming_stop: false };
}

/** How many follow-ups a topic gets at most: its guide's `max_probes`, else the default. */
export function probeCap(topic: Pick<GuideTopic, 'max_probes'> | undefined): number {
  return topic?.max_probes ?? DEFAULT_MAX_PROBES;
}

/** Counts words the way a reader would; CJK text has no spaces, so each ideograph counts. */
export function countWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  const words = text
    .replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return words + Math.ceil(cjk / 2);
}

/** The customer asked to stop, clearly or not (see `stopRequest`). */
export function asksToStop(text: string): boolean {
  return stopRequest(text) !== null;
}

/**
 * Decides the interviewer's next move from the guide, where the interview stands and the
 * customer's latest answer. Limits live here, in code, so no model reply can stretch them.
 */
export function decideNextTurn(input: TurnInput): TurnDecision {
  const current = input.guide.topics[input.state.topic_index];
  const rating = ratingTurn(current?.key, input.state, input.score ?? null);
  const decision = decideTurn(input, rating);
  if (rating.scored !== undefined) decision.rating = { topic: rating.scored, score: input.score as number };
  if (rating.reasonFor !== undefined) decision.reason_for = rating.reasonFor;
  return decision;
}

type TurnInput = {
  guide: Pick<GuideBody, 'topics' | 'limits'>;
  state: TurnState;
  answer: string;
  elapsedMs: number;
  /** The interviewer's message being answered: a "yes" to its offer of a person hands off. */
  lastInterviewerText?: string;
  /** Rating topics: the score this answer gives, already checked against the scale (see rating-answer.ts). */
  score?: number | null;
};

/** Where a rating topic stands after this answer: it gave the score, or the reason behind one. */
type RatingTurn = { scored?: string; reasonFor?: string };

function ratingTurn(topicKey: string | undefined, state: TurnState, score: number | null): RatingTurn {
  if (topicKey === undefined) return {};
  if (state.reason_for === topicKey) return { reasonFor: topicKey };
  return score !== null && !state.rated?.includes(topicKey) ? { scored: topicKey } : {};
}

function decideTurn(input: TurnInput, rating: RatingTurn): TurnDecision {
  const { guide, answer } = input;
  const turns = input.state.turns + 1;
  const current = guide.topics[input.state.topic_index];
  const state: TurnState = { ...input.state, turns, covered: [...input.state.covered] };
  // A score, and the reason given after it, are whole answers: neither is probed as thin.
  if (rating.scored) state.rated = [...(state.rated ?? []), rating.scored];
  if (rating.reasonFor) delete state.reason_for;
  const close = (action: TurnAction, reason: CloseReason, why: DecisionWhy): TurnDecision => ({
    action,
    why,
    reason,
    topic_index: state.topic_index,
    state,
  });

  if (asksForHuman(answer, input.lastInterviewerText)) return close('handoff', 'wants_human', 'asked_for_person');
  // An opt-out is permanent: only an unambiguous stop is recorded at once; anything that
  // merely sounds like one is asked about first, once.
  const stop = stopRequest(answer);
  if (state.confirming_stop) {
    state.confirming_stop = false;
    if (stop || isAffirmative(answer)) return close('opt_out', 'opted_out', 'stop_confirmed');
    // "No, go on": the question they were answering, again. Anything else is an answer.
    if (isNegative(answer)) return { action: 'advance', why: 'not_stopping', topic_index: state.topic_index, state };
  } else if (stop === 'clear') {
    return close('opt_out', 'opted_out', 'clear_stop');
  } else if (stop === 'unclear') {
    state.confirming_stop = true;
    return { action: 'confirm_stop', why: 'unclear_stop', topic_index: state.topic_index, state };
  }

  // "Nothing else" on an optional topic is a complete answer: no follow-up is owed.
  const finished = current !== undefined && !current.required && isClosingPhrase(answer);
  const thin = !finished && !rating.scored && !rating.reasonFor && countWords(answer) < THIN_ANSWER_WORDS;
  // A thin answer still counts as an answer once it has been probed.
  // Scripted mode has one follow-up per topic (the guide's own), never repeated.
  const mayProbe = current !== undefined && state.topic_probes < Math.min(1, probeCap(current));
  if (current && (!thin || !mayProbe) && !state.covered.includes(current.key)) state.covered.push(current.key);

  const limit = limitReached(guide, turns, input.elapsedMs);
  if (limit) return close('close', limit, 'limit_reached');

  // A score is followed by exactly one question about the reason behind it.
  if (rating.scored) {
    state.reason_for = rating.scored;
    return { action: 'probe', why: 'rating_reason', topic_index: state.topic_index, state };
  }

  if (thin && mayProbe) {
    state.topic_probes += 1;
    return { action: 'probe', why: 'thin_answer', topic_index: state.topic_index, state };
  }
  return moveOn(guide, state, finished ? 'nothing_more_on_optional_topic' : 'answered');
}

/** The limit this turn reaches, if any: the guide's max turns or max minutes. */
export function limitReached(
  guide: Pick<GuideBody, 'limits'>,
  turns: number,
  elapsedMs: number,
): 'max_turns' | 'max_minutes' | null {
  if (turns >= guide.limits.max_turns) return 'max_turns';
  if (elapsedMs >= guide.limits.max_minutes * 60_000) return 'max_minutes';
  return null;
}

/**
 * The move after a topic is done: the next topic, or the close once nothing required is
 * left that fits. `state` already counts this turn.
 */
export function moveOn(guide: Pick<GuideBody, 'topics' | 'limits'>, state: TurnState, why: DecisionWhy): TurnDecision {
  const turns = state.turns;
  const next = state.topic_index + 1;
  const remaining = guide.topics.slice(next);
  const requiredLeft = guide.topics.some((t) => t.required && !state.covered.includes(t.key));
  const turnsLeft = guide.limits.max_turns - turns;
  // Optional topics are asked only while they still fit in the turns that are left.
  if (remaining.length === 0 || (!requiredLeft && remaining.length > turnsLeft))
    return { action: 'close', why: 'topics_covered', reason: 'topics_covered', topic_index: state.topic_index, state };

  state.topic_index = next;
  state.topic_probes = 0;
  return { action: 'advance', why, topic_index: next, state };
}

/** Whether a decision ends the interview. */
export function endsInterview(action: TurnAction): boolean {
  return action === 'close' || action === 'handoff' || action === 'opt_out';
}

/** The interview's status once a decided turn has been taken. */
export function statusAfter(action: TurnAction): 'started' | 'completed' | 'declined' {
  if (action === 'opt_out') return 'declined';
  return endsInterview(action) ? 'completed' : 'started';
}
