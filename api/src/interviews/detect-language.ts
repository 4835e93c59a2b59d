import type { InterviewLanguage } from '@candor/shared';

/*
 * A cheap guess at which of the six interview languages a customer answer is written in,
 * so the fixed lines (closing, hand-off, confirm-stop) follow a customer who switches
 * language. Words shared by two languages ("que", "la", "es", "no") are left out: they
 * cannot tell them apart. Unsure (a short "ok", a name) is null, and the caller keeps the
 * language it had.
 */

const words: Record<Exclude<InterviewLanguage, 'ja'>, Set<string>> = {
  en: new Set(
    "the and is are were it it's to of that this we i i'm you for with not but have has our my they be don't what would just so very really also because there about thanks thank".split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das und ist nicht ich wir ein eine zu mit auf für den dem auch sehr aber noch nur wie haben hat uns unser unsere wird sind war kein keine bei oder mehr schon gut jetzt wenn dass weil sie danke'.split(
      ' ',
    ),
  ),
  fr: new Set(
    "le les et est pas je nous vous il elle une des du qui pour avec sur mais très ce cette c'est on ne plus sont avons notre nos mon aussi au aux ça j'ai parce merci".split(
      ' ',
    ),
  ),
  es: new Set(
    'el los las y yo nosotros pero muy lo del al hemos eso esto también más nuestro nuestra tenemos sí usamos equipo hay con gracias'.split(
      ' ',
    ),
  ),
  pt: new Set(
    'o os e não eu nós um uma muito do da dos das na isso isto você também mais nosso nossa temos com é ele ela obrigado obrigada'.split(
      ' ',
    ),
  ),
};

// Listed once: a guess runs on every turn, and listing them per word allocated more than the guess.
const wordLists = Object.entries(words) as [InterviewLanguage, Set<string>][];

// Letters only one of the languages uses weigh like two words.
const letters: [RegExp, Exclude<InterviewLanguage, 'ja'>][] = [
  [/[ñ¿¡]/g, 'es'],
  [/[ãõ]/g, 'pt'],
  [/[ßäöü]/g, 'de'],
  [/[œèêë]/g, 'fr'],
];

/** The language of `text`, or null when it is too short or too mixed to tell. */
export function detectLanguage(text: string): InterviewLanguage | null {
  // Kana is Japanese only; the other five never use it.
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  const lower = text.toLowerCase().replace(/[’`]/g, "'");
  const tokens = lower.match(/[\p{L}']+/gu) ?? [];
  const scores = new Map<InterviewLanguage, number>();
  for (const token of tokens)
    for (const [language, set] of wordLists) if (set.has(token)) scores.set(language, (scores.get(language) ?? 0) + 1);
  for (const [pattern, language] of letters) {
    const n = lower.match(pattern)?.length ?? 0;
    if (n > 0) scores.set(language, (scores.get(language) ?? 0) + 2);
  }
  const [best, second] = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] < 2 || (second && second[1] >= best[1])) return null;
  return best[0];
}

/**
 * The language the customer is speaking now: that of their latest answer it can tell,
 * else the interview's language.
 */
export function currentLanguage(
  messages: readonly { role: string; text: string }[],
  interviewLanguage: InterviewLanguage,
): InterviewLanguage {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role !== 'customer') continue;
    const detected = detectLanguage(m.text);
    if (detected) return detected;
  }
  return interviewLanguage;
}
