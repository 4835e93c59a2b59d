import type { GuideBody, InterviewLanguage } from '@candor/shared';
import { guideTemplates } from './templates';
import { templateTranslations } from './templates/translations';

/*
 * How a guide's language is represented: a guide's text is stored as the team wrote it, in
 * whatever language they wrote it — Candor never machine-translates a team's words. The
 * built-in templates are written in English and have a native translation of every line
 * the customer reads (templates/translations/). So a line that still reads exactly as a
 * template wrote it is served in the interview's language; a line the team wrote or edited
 * is served as written. A template, or a copy of one, speaks all six languages; a guide of
 * the team's own speaks its own (set its language_policy to "workspace" and the workspace
 * default language to keep its interviews in that language throughout).
 */

type Lines = Partial<Record<InterviewLanguage, string>>;

/** Each template's English line → that line in every other language. */
const catalogue: Map<string, Lines> = buildCatalogue();

function buildCatalogue(): Map<string, Lines> {
  const lines = new Map<string, Lines>();
  const add = (english: string, language: InterviewLanguage, text: string | undefined) => {
    if (!text) return;
    const entry = lines.get(english) ?? {};
    // The same English line in two templates keeps its first translation: one line, one wording.
    entry[language] ??= text;
    lines.set(english, entry);
  };
  for (const template of guideTemplates) {
    for (const [language, translation] of Object.entries(templateTranslations)) {
      const lang = language as InterviewLanguage;
      const text = translation[template.body.moment];
      add(template.body.opening_message, lang, text.opening_message);
      add(template.body.closing_message, lang, text.closing_message);
      for (const topic of template.body.topics) {
        add(topic.question, lang, text.topics[topic.key]?.question);
        add(topic.follow_up, lang, text.topics[topic.key]?.follow_up);
      }
    }
  }
  return lines;
}

/** A line in `language` when it is a template's line; otherwise the line as written. */
export function localizeLine(text: string, language: InterviewLanguage): string {
  if (language === 'en') return text;
  return catalogue.get(text.trim())?.[language] ?? text;
}

/** The guide with every customer-facing template line in `language`; the team's own lines unchanged. */
export function localizeGuide(guide: GuideBody, language: InterviewLanguage): GuideBody {
  if (language === 'en') return guide;
  return {
    ...guide,
    opening_message: localizeLine(guide.opening_message, language),
    closing_message: localizeLine(guide.closing_message, language),
    topics: guide.topics.map((t) => ({
      ...t,
      question: localizeLine(t.question, language),
      follow_up: localizeLine(t.follow_up, language),
    })),
  };
}
