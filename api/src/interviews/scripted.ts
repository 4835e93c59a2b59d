import type { GuideBody } from '@candor/shared';
import type { TurnAction } from './turn-policy';

/** Fixed replies for the moments a guide has no text for. */
export const scriptedLines = {
  handoff:
    "Of course. I've let the team know you'd like to talk with a person, and someone will reach out to you soon. Thank you for your time.",
  opt_out: "No problem, we'll stop here and won't ask you about this again. Thank you for your time.",
  confirm_stop: "Would you like to stop here? Just say yes and we won't ask you about this again.",
};

/** The opening: the guide's greeting followed by its first question, verbatim. */
export function openingText(guide: GuideBody, names: { name?: string | null; company?: string | null }): string {
  const first = guide.topics[0]?.question ?? '';
  return `${fillNames(guide.opening_message, names)}\n\n${first}`.trim();
}

/** The scripted reply for a decided turn: the guide's own words, no model involved. */
export function scriptedReply(guide: GuideBody, action: TurnAction, topicIndex: number): string {
  const topic = guide.topics[topicIndex];
  switch (action) {
    case 'probe':
      return topic?.follow_up ?? guide.closing_message;
    case 'advance':
      return topic?.question ?? guide.closing_message;
    case 'close':
      return guide.closing_message;
    case 'handoff':
      return scriptedLines.handoff;
    case 'opt_out':
      return scriptedLines.opt_out;
    case 'confirm_stop':
      return scriptedLines.confirm_stop;
  }
}

// Guides may greet by name: {name} / {{name}} and {company} / {{company}}; unknown values drop out cleanly.
function fillNames(text: string, names: { name?: string | null; company?: string | null }): string {
  const firstName = names.name?.trim().split(/\s+/)[0] ?? '';
  return text
    .replace(/\{\{?\s*name\s*\}?\}/gi, firstName)
    .replace(/\{\{?\s*company\s*\}?\}/gi, names.company?.trim() ?? '')
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/ {2,}/g, ' ');
}
