import type { SignalKind } from '@candor/shared';

/** The UI languages a persona can speak (the interview's own languages). */
export type PersonaLanguage = 'en' | 'de' | 'fr' | 'es' | 'pt' | 'ja';

/**
 * The signal extraction should write once a hidden fact has been said: its kind and,
 * where it matters, the value that tells it apart (a churn reason, a competitor's name…).
 */
export type ExpectedSignal =
  | { kind: 'churn_risk'; reason: string }
  | { kind: 'competitor'; name: string }
  | { kind: 'stakeholder'; championChange: boolean }
  | { kind: 'expansion_intent'; expansionKind: string }
  | { kind: Extract<SignalKind, 'feature_request' | 'wants_human'> };

/** Something the persona knows and says only when the interviewer asks well. */
export type HiddenFact = {
  id: string;
  /** What the fact is, in the persona's own terms: the model playing the persona reads this. */
  truth: string;
  /** The topics a question must be about before the persona tells it (read by the model and the script). */
  triggerTopics: string[];
  /** The scripted persona's test of "the question is on this topic" (it should match the trigger topics). */
  topic: RegExp;
  /**
   * When true, the first question on the topic gets only `surface` (the "it's fine") and the
   * fact comes out on a follow-up: a probe or the topic asked again.
   */
  needsProbe: boolean;
  /** The scripted persona's non-answer on a first ask (only with needsProbe). */
  surface?: string;
  /** The scripted persona's words when it tells the fact. */
  reveal: string;
  /** What extraction should find in the message that tells it. */
  expect: ExpectedSignal;
};

/**
 * A simulated customer: who they are, which interview they get, what they hide, and how
 * they behave. A model plays them from `profile`, `behaviour` and the facts; without a
 * model the scripted fields (`forced`, `fillers`, the facts' `surface`/`reveal`) answer.
 */
export type PersonaCard = {
  id: string;
  name: string;
  language: PersonaLanguage;
  /** Which built-in guide interviews them (a guide template's moment). */
  moment: 'onboarding' | 'health_pulse' | 'churn_risk' | 'pre_renewal' | 'expansion' | 'feature_launch';
  /** Role, company and situation, in a few sentences. */
  profile: string;
  /** How they talk: terse, rambling, angry… */
  behaviour: string;
  facts: HiddenFact[];
  /** Lines said at a given answer number (1-based) whatever was asked: an injection, a discount ask… */
  forced?: { turn: number; text: string }[];
  /** Answers to questions that touch none of the facts, used in order; the last one repeats. */
  fillers: string[];
  /** They ask for a person: a hand-off is what should happen, and none is a miss. */
  wantsPerson?: boolean;
  /** They ask to stop at this answer: the interview should end there, and not before. */
  wantsToStopAt?: number;
};
