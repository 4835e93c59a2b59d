import type { GuideBody } from '@candor/shared';

/** Where an interview stands between turns. Stored in `interviews.state`. */
export type TurnState = {
  /** Index of the topic the last interviewer question was about. */
  topic_index: number;
  /** Customer answers so far. */
  turns: number;
  /** Keys of topics the customer has answered. */
  covered: string[];
  /** Whether the current topic's follow-up has been asked. */
  follow_up_used: boolean;
};

export type TurnAction = 'probe' | 'advance' | 'close' | 'handoff' | 'opt_out';

export type CloseReason = 'topics_covered' | 'max_turns' | 'max_minutes' | 'wants_human' | 'opted_out';

/** What the interviewer does next, decided before any model is called. */
export type TurnDecision = {
  action: TurnAction;
  /** The topic the next question is about (probe: the current one; advance: the next one). */
  topic_index: number;
  reason?: CloseReason;
  state: TurnState;
};

/** Answers shorter than this get the topic's follow-up before moving on. */
export const THIN_ANSWER_WORDS = 8;

export function initialTurnState(): TurnState {
  return { topic_index: 0, turns: 0, covered: [], follow_up_used: false };
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

const wantsHumanPatterns = [
  /\b(talk|speak|chat)\s+(to|with)\s+(a\s+|an\s+|some\s*one\s*|somebody\s*|my\s+|your\s+)?(real\s+|actual\s+)?(human|person|people|csm|account\s+manager|customer\s+success|sales|rep|representative|agent|support)/i,
  /\b(talk|speak|chat)\s+(to|with)\s+(some\s*one|somebody)(\s+(from|on|in)\s+(the|your)\s+team)?\s*([.!?]|$|from\s+(customer\s+success|support|sales|your))/i,
  /\b(real|actual|live)\s+(person|human|agent)\b/i,
  /\b(can|could)\s+(some\s*one|somebody|a person|a human)\s+(call|contact|reach|email|get in touch with)\s+me\b/i,
  /\bcall me\b/i,
  /\bmit\s+einem\s+(menschen|mitarbeiter)/i,
  /\bparler\s+(à|a|avec)\s+(quelqu'un|une\s+personne|un\s+humain)/i,
  /\bhablar\s+con\s+(alguien|una\s+persona|un\s+humano)/i,
];

const optOutPatterns = [
  /^\s*(stop|quit|exit|end|cancel|unsubscribe|no more( questions)?|leave me alone|stopp|arr[êe]te|basta|para)\s*[.!]*\s*$/i,
  /\b(stop|quit)\s+(asking|messaging|this|the interview|the survey|it)\b/i,
  /\bi\s+(don'?t|do not)\s+want\s+to\s+(continue|answer|do this|talk about this)/i,
  /\b(don'?t|do not)\s+(ask|contact|message)\s+me\s+again\b/i,
  /\b(unsubscribe|opt[\s-]?out)\b/i,
];

/** The customer asked to talk to a person. */
export function asksForHuman(text: string): boolean {
  return wantsHumanPatterns.some((p) => p.test(text));
}

/** The customer asked to stop. */
export function asksToStop(text: string): boolean {
  return optOutPatterns.some((p) => p.test(text));
}

/**
 * Decides the interviewer's next move from the guide, where the interview stands and the
 * customer's latest answer. Limits live here, in code, so no model reply can stretch them.
 */
export function decideNextTurn(input: {
  guide: Pick<GuideBody, 'topics' | 'limits'>;
  state: TurnState;
  answer: string;
  elapsedMs: number;
}): TurnDecision {
  const { guide, answer } = input;
  const turns = input.state.turns + 1;
  const current = guide.topics[input.state.topic_index];
  const state: TurnState = { ...input.state, turns, covered: [...input.state.covered] };
  const close = (action: TurnAction, reason: CloseReason): TurnDecision => ({
    action,
    reason,
    topic_index: state.topic_index,
    state,
  });

  if (asksForHuman(answer)) return close('handoff', 'wants_human');
  if (asksToStop(answer)) return close('opt_out', 'opted_out');

  const thin = countWords(answer) < THIN_ANSWER_WORDS;
  // A thin answer still counts as an answer once it has been probed.
  if (current && (!thin || state.follow_up_used) && !state.covered.includes(current.key))
    state.covered.push(current.key);

  if (turns >= guide.limits.max_turns) return close('close', 'max_turns');
  if (input.elapsedMs >= guide.limits.max_minutes * 60_000) return close('close', 'max_minutes');

  if (current && thin && !state.follow_up_used) {
    state.follow_up_used = true;
    return { action: 'probe', topic_index: state.topic_index, state };
  }

  const next = state.topic_index + 1;
  const remaining = guide.topics.slice(next);
  const requiredLeft = guide.topics.some((t) => t.required && !state.covered.includes(t.key));
  const turnsLeft = guide.limits.max_turns - turns;
  // Optional topics are asked only while they still fit in the turns that are left.
  if (remaining.length === 0 || (!requiredLeft && remaining.length > turnsLeft))
    return close('close', 'topics_covered');

  state.topic_index = next;
  state.follow_up_used = false;
  return { action: 'advance', topic_index: next, state };
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
