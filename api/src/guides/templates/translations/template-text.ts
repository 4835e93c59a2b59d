import type { Moment } from '@candor/shared';

/**
 * One template's words as the customer reads them, in one language. Objective, tone and
 * probing stay in English: only the interviewer model reads those.
 */
export type TemplateText = {
  opening_message: string;
  closing_message: string;
  /** By topic key: the question and its scripted follow-up. */
  topics: Record<string, { question: string; follow_up: string }>;
};

/** The six templates in one language, by template key. */
export type TemplateTranslation = Record<Moment, TemplateText>;
