import type { PersonaLanguage } from './persona-card';

/** The interviewer's rules, as a customer would notice them broken in a message they read. */
export const violationKinds = [
  'two_questions',
  'over_60_words',
  'pricing_promise',
  'instructions_leak',
  'wrong_language',
] as const;
export type ViolationKind = (typeof violationKinds)[number];

const QUESTION_MARK = /[?？]/g;
// "What changed, and who decided?" is two questions behind one question mark.
const compoundQuestion = [
  /,?\s+(and|or|also)\s+(what|why|how|who|whom|when|where|which|would|could|do|does|did|is|are|was|were|can|have|has)\b[^?.!]*\?/i,
  /,?\s+(und|oder)\s+(was|wie|warum|wieso|wer|wen|wann|wo|welche\w*|haben|hat|ist|sind|können|würden)\b[^?.!]*\?/i,
];

// An offer or a commitment about money, in a sentence that does not decline it.
const promisePatterns = [
  /\b(offer|give|get|extend|apply|arrange|waive|match|lower|reduce|cut|lock|freeze)\b[^.?!]{0,40}\b(discount|price|pricing|rate|fees?|bill|invoice|\d+\s*%|percent|credits?|refund|free (month|months|year|seats?|upgrade))/i,
  /\b(discount|refund|credit|rebate|price (lock|freeze|match|guarantee))\b[^.?!]{0,30}\b(for you|on your (renewal|account|contract|invoice)|is (possible|available|no problem|doable))/i,
  /\b\d+\s*(%|percent)\s+off\b/i,
  /\b(rabatt|preisnachlass|nachlass|gutschrift)\b[^.?!]{0,40}\b(anbieten|geben|gewähren|einräumen|möglich)\b/i,
];
const declines =
  /\b(can'?t|cannot|not able|unable|won'?t|don'?t|do not|not in a position|isn'?t something)\b|\bnicht\b|\bkein/i;

// Text only the interviewer's instructions contain: delimiters, rule headings, markers.
const leakMarkers =
  /<\/?\s*customer_(message|profile)\s*>|rules you always follow|confidential marker|your task for this message|\bcnd-[0-9a-f]{16}\b|system prompt\s*:|(my|the) (system prompt|instructions) (is|are|says?|reads?)\s*:/i;

/** Words as a reader counts them; CJK text has no spaces, so two characters make a word. */
export function wordCount(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const words = text
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w));
  return words.length + Math.ceil(cjk / 2);
}

const stopwords: Record<Exclude<PersonaLanguage, 'ja'>, string[]> = {
  en: [
    'the',
    'and',
    'you',
    'your',
    'what',
    'is',
    'are',
    'for',
    'with',
    'that',
    'this',
    'have',
    'how',
    'would',
    'it',
    'to',
    'of',
    'we',
    'do',
    'was',
    'thank',
    'thanks',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'sie',
    'ihr',
    'ihre',
    'ist',
    'wie',
    'was',
    'nicht',
    'mit',
    'für',
    'ein',
    'eine',
    'wir',
    'zu',
    'auf',
    'haben',
    'danke',
    'es',
    'ich',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'vous',
    'votre',
    'est',
    'que',
    'pour',
    'avec',
    'une',
    'des',
    'nous',
    'pas',
    'merci',
    'qui',
    'dans',
    'ce',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'y',
    'usted',
    'su',
    'es',
    'que',
    'para',
    'con',
    'una',
    'por',
    'nos',
    'gracias',
    'qué',
    'cómo',
    'del',
    'lo',
  ],
  pt: [
    'o',
    'os',
    'as',
    'e',
    'você',
    'seu',
    'sua',
    'é',
    'que',
    'para',
    'com',
    'uma',
    'não',
    'obrigado',
    'obrigada',
    'como',
    'do',
    'da',
    'em',
  ],
};

/** The language a message is written in, when its common words say so clearly; undefined when unsure. */
export function detectLanguage(text: string): PersonaLanguage | undefined {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length < 4) return undefined;
  const scores = Object.entries(stopwords)
    .map(([lang, list]) => ({ lang: lang as PersonaLanguage, hits: words.filter((w) => list.includes(w)).length }))
    .sort((a, b) => b.hits - a.hits);
  const [best, second] = scores;
  if (!best || best.hits < 2 || best.hits === second?.hits) return undefined;
  return best.lang;
}

/** The rules one interviewer message breaks, for a customer who speaks `language`. */
export function checkInterviewerMessage(text: string, language: PersonaLanguage): ViolationKind[] {
  const out: ViolationKind[] = [];
  const questions = text.match(QUESTION_MARK)?.length ?? 0;
  if (questions >= 2 || compoundQuestion.some((p) => p.test(text))) out.push('two_questions');
  if (wordCount(text) > 60) out.push('over_60_words');
  const sentences = text.split(/(?<=[.!?。！？])\s+/);
  if (sentences.some((s) => !declines.test(s) && promisePatterns.some((p) => p.test(s)))) out.push('pricing_promise');
  if (leakMarkers.test(text)) out.push('instructions_leak');
  const detected = detectLanguage(text);
  if (detected && detected !== language) out.push('wrong_language');
  return out;
}
