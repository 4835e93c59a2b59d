import {
  asksForHuman,
  isAffirmative,
  isClosingPhrase,
  isNegative,
  stopRequest,
} from '@candor/api/interviews/intent-phrases';
import type { AnswerJudgement } from '@candor/shared';
import { detectLanguage } from './rule-checks';

/*
 * How the deterministic stub model reads a customer's answer, so the eval runs the judged
 * path of the AI interviewer (judgement, tagged replies, corrections) without a real model.
 * A stand-in, not a model: it knows vagueness only by a list of stock phrases and by length.
 */

// Stock non-answers in the personas' languages: however long the answer, these say nothing.
const VAGUE =
  /\b(fine|i guess|nothing (dramatic|major|in particular)|not much|the usual|some value|was ok|a bit|our options|whatever|everything|it works|good enough)\b|nichts besonderes|läuft so|weiß (ich )?(gerade )?nicht/i;
const INJECTION = /\b(ignore (all )?previous|system prompt|your (full )?instructions|confidential marker)\b/i;
const REASON = /\b(because|since|so that|so the|which means|that's why)\b|\b(weil|denn|deshalb|damit)\b/i;
const CHURN =
  /\b(cancel|leave|leaving|switch|too expensive|price|competitor|budget|freeze|looking at|alternatives?|outage|sick of)\b|kündig|zu teuer|wechseln/i;
const VALUE = /\b(saves?d?|helps?|love|worth|value|faster|hours)\b|spart|hilft/i;
const CONFUSED = /\b(what do you mean|not sure what you('re| are) asking|i don't understand)\b|verstehe (ich )?nicht/i;

/** The stub's judgement of `answer`, given the interviewer message it replies to. */
export function stubJudgement(answer: string, lastInterviewer: string): AnswerJudgement {
  const words = answer.match(/[\p{L}\p{N}']+/gu) ?? [];
  // "No, nothing else" answers the question fully; a dodge ("nothing in particular") does not.
  const complete = !VAGUE.test(answer) && (isNegative(answer) || isClosingPhrase(answer));
  const quality = INJECTION.test(answer)
    ? 'off_topic'
    : !complete && (VAGUE.test(answer) || (words.length < 3 && !/\d/.test(answer)))
      ? 'vague'
      : 'specific';
  return {
    quality,
    // A concrete answer of some length is taken to carry its reason; a bare claim does not.
    reason_reached: complete || (quality === 'specific' && (REASON.test(answer) || words.length >= 5)),
    worth_probing: false,
    statement: CHURN.test(answer) ? 'churn' : VALUE.test(answer) ? 'value' : 'other',
    intent: intentOf(answer, lastInterviewer),
    language: detectLanguage(answer) ?? detectLanguage(lastInterviewer) ?? 'en',
  };
}

function intentOf(answer: string, lastInterviewer: string): AnswerJudgement['intent'] {
  if (asksForHuman(answer, lastInterviewer)) return 'wants_human';
  if (stopRequest(answer) || /\b(don't want to continue|i'm done here)\b/i.test(answer)) return 'wants_stop';
  // "Yes" to "would you like to stop here?" is a wish to stop.
  if (/\bstop\b|aufhören|beenden/i.test(lastInterviewer) && isAffirmative(answer)) return 'wants_stop';
  if (CONFUSED.test(answer)) return 'confused';
  if (/\?\s*$/.test(answer.trim()) || /\b(can|could) you\b.*\?/i.test(answer)) return 'asks_question';
  return 'continue';
}
