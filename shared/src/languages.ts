import { z } from 'zod';

/**
 * The six languages an interview can speak — its templates, scripted lines, widget and
 * hosted page, invitation and reminder emails.
 */
export const interviewLanguages = ['en', 'de', 'fr', 'es', 'pt', 'ja'] as const;
export const interviewLanguageSchema = z.enum(interviewLanguages);
export type InterviewLanguage = z.infer<typeof interviewLanguageSchema>;

/** Each language's name in English (for prompts) and in itself (for pickers). */
export const languageNames: Record<InterviewLanguage, { english: string; native: string }> = {
  en: { english: 'English', native: 'English' },
  de: { english: 'German', native: 'Deutsch' },
  fr: { english: 'French', native: 'Français' },
  es: { english: 'Spanish', native: 'Español' },
  pt: { english: 'Portuguese', native: 'Português' },
  ja: { english: 'Japanese', native: '日本語' },
};

/** The interview language a locale tag names ("fr-CA" → fr), or null for any other. */
export function languageOfLocale(locale: string | null | undefined): InterviewLanguage | null {
  const tag = (locale ?? '').trim().slice(0, 2).toLowerCase();
  return (interviewLanguages as readonly string[]).includes(tag) ? (tag as InterviewLanguage) : null;
}
