import { type InterviewLanguage, languageOfLocale } from '@candor/shared';

/**
 * The language an interview starts in. The contact's `locale` (from your server API or
 * Segment) comes first; then the browser's language (sent by the widget or the hosted
 * page, untrusted but only a preference); then the workspace's default language. A guide
 * whose `language_policy` is "workspace" always speaks the workspace default.
 */
export function chooseInterviewLanguage(input: {
  languagePolicy: 'respondent' | 'workspace';
  contactLocale: string | null | undefined;
  browserLocale: string | null | undefined;
  workspaceDefault: InterviewLanguage;
}): InterviewLanguage {
  if (input.languagePolicy === 'workspace') return input.workspaceDefault;
  return languageOfLocale(input.contactLocale) ?? languageOfLocale(input.browserLocale) ?? input.workspaceDefault;
}
