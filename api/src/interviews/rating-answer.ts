import {
  type GuideBody,
  isValidScore,
  type RatingPrompt,
  type RatingScale,
  ratingRanges,
  topicScale,
} from '@candor/shared';
import { AppError } from '../app-error';
import type { TurnState } from './turn-policy';

const scaleNames: Record<RatingScale, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

/** The scale of the topic the interview is on while it still waits for that topic's score, else null. */
export function awaitedScale(guide: Pick<GuideBody, 'topics'>, state: TurnState): RatingScale | null {
  const topic = guide.topics[state.topic_index];
  const scale = topicScale(topic);
  if (!topic || !scale || state.rated?.includes(topic.key) || state.reason_for === topic.key) return null;
  return scale;
}

/**
 * The score this answer gives, if any. A structured `rating` (the widget's scale) must fit
 * the awaited scale, or the answer is refused before anything is stored; a typed answer
 * counts when it is a score on its own ("8", "8/10", "8 – pretty likely").
 */
export function resolveScore(
  guide: Pick<GuideBody, 'topics'>,
  state: TurnState,
  answer: { text: string; rating?: number | undefined },
): number | null {
  const scale = awaitedScale(guide, state);
  if (answer.rating !== undefined) {
    if (!scale) throw new AppError('rating_not_expected', 'rating: the current question does not ask for a score.');
    if (!isValidScore(scale, answer.rating)) {
      const { min, max } = ratingRanges[scale];
      throw new AppError('invalid_rating', `rating: ${scaleNames[scale]} takes a whole number from ${min} to ${max}.`);
    }
    return answer.rating;
  }
  return scale ? scoreFromText(answer.text, scale) : null;
}

/**
 * A score typed instead of tapped: a number that opens the answer ("8", "8/10", "9 out of
 * 10, because…"). A number further in ("we have 3 teams") is not taken for a score.
 */
export function scoreFromText(text: string, scale: RatingScale): number | null {
  const match = /^\s*(\d{1,2})(?![\d.,]\d)/.exec(text);
  if (!match) return null;
  const score = Number(match[1]);
  return isValidScore(scale, score) ? score : null;
}

/**
 * Whether an interviewer message asks for a score, for the widget to show the scale: the
 * opening when the first topic is a rating, and any reply that moves to (or re-asks) a
 * rating topic — not the question about the reason that follows a score.
 */
export function ratingPromptFor(
  guide: Pick<GuideBody, 'topics'>,
  message: { seq: number; decision: unknown },
): RatingPrompt | null {
  let topicIndex: number | undefined;
  if (message.seq === 1) topicIndex = 0;
  else {
    const d = (message.decision ?? {}) as { action?: string; topic_index?: number; why?: string };
    if ((d.action === 'advance' || d.action === 'probe') && d.why !== 'rating_reason') topicIndex = d.topic_index;
  }
  const scale = topicIndex === undefined ? null : topicScale(guide.topics[topicIndex]);
  return scale ? { scale, ...ratingRanges[scale] } : null;
}
