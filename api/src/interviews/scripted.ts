import type { GuideBody, InterviewLanguage } from '@candor/shared';
import { fixedLines } from './fixed-lines';
import type { TurnAction } from './turn-policy';

/** The opening: the guide's greeting followed by its first question, verbatim. */
export function openingText(guide: GuideBody, names: { name?: string | null; company?: string | null }): string {
  const first = guide.topics[0]?.question ?? '';
  return `${fillNames(guide.opening_message, names)}\n\n${first}`.trim();
}

/**
 * The scripted reply for a decided turn: the guide's own words (pass it localized), no
 * model involved; the lines a guide has no text for come in `language`.
 */
export function scriptedReply(
  guide: GuideBody,
  action: TurnAction,
  topicIndex: number,
  language: InterviewLanguage = 'en',
): string {
  const topic = guide.topics[topicIndex];
  switch (action) {
    case 'probe':
      return topic?.follow_up ?? guide.closing_message;
    case 'advance':
      return topic?.question ?? guide.closing_message;
    case 'close':
      return guide.closing_message;
    case 'handoff':
      return fixedLines[language].handoff;
    case 'opt_out':
      return fixedLines[language].opt_out;
    case 'confirm_stop':
      return fixedLines[language].confirm_stop;
  }
}

// Guides may greet by name: {name} / {{name}} and {company} / {{company}}. An unknown value
// drops out with the space before it (and a Japanese honorific after it, "{name}様、"), and
// a comma left hanging goes too: "¡Hola, {name}!" → "¡Hola!". Other spacing is the
// language's own (French puts a space before "?").
function fillNames(text: string, names: { name?: string | null; company?: string | null }): string {
  const firstName = names.name?.trim().split(/\s+/)[0] ?? '';
  const company = names.company?.trim() ?? '';
  return text
    .replace(/([ \t]*)\{\{?\s*name\s*\}?\}((?:様|さん)、?)?/gi, (_m, space: string, honorific?: string) =>
      firstName ? `${space}${firstName}${honorific ?? ''}` : '',
    )
    .replace(/([ \t]*)\{\{?\s*company\s*\}?\}/gi, (_m, space: string) => (company ? `${space}${company}` : ''))
    .replace(/,(?=[,.!?:])/g, '')
    .replace(/ {2,}/g, ' ');
}
