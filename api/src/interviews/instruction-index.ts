/** How many consecutive instruction words in a reply make a leak. */
export const LEAK_RUN_WORDS = 6;

// A word is a run of letters, marks and digits; Han and kana characters are words on their
// own, since those scripts put no spaces between words.
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const WORD = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{M}\\p{N}])+`, 'gu');

/** One normalized word of a text and where it sits in that text. */
export type WordSpan = { word: string; start: number; end: number };

/** The words of `text` from `from`, lowercased, with their positions. */
export function wordSpans(text: string, from = 0): WordSpan[] {
  const re = new RegExp(WORD.source, 'gu');
  re.lastIndex = from;
  const out: WordSpan[] = [];
  for (let m = re.exec(text); m; m = re.exec(text))
    out.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return out;
}

export function normalizedWords(text: string): string[] {
  return wordSpans(text).map((s) => s.word);
}

/**
 * Every run of LEAK_RUN_WORDS consecutive words of an interviewer's instructions, and every
 * shorter start of such a run, built once per prompt: a reply containing a run is reciting
 * the instructions, and a reply whose tail is the start of a run may be about to. Runs that
 * lie inside text the interviewer is meant to say (the guide's questions, follow-ups and
 * closing words) are left out, so asking the guide's question verbatim is not a leak.
 */
export class InstructionIndex {
  private readonly runs = new Set<string>();
  private readonly starts = new Set<string>();

  constructor(
    instructions: string,
    sayable: string[] = [],
    readonly n = LEAK_RUN_WORDS,
  ) {
    const allowed = new Set<string>();
    for (const phrase of sayable) for (const run of ngrams(normalizedWords(phrase), n)) allowed.add(run);
    for (const run of ngrams(normalizedWords(instructions), n)) {
      if (allowed.has(run)) continue;
      this.runs.add(run);
      const words = run.split(' ');
      for (let k = 1; k < n; k++) this.starts.add(words.slice(0, k).join(' '));
    }
  }

  /** Whether these n words (joined by one space) are a run of the instructions. */
  isRun(words: string[]): boolean {
    return words.length === this.n && this.runs.has(words.join(' '));
  }

  /** Whether these fewer than n words could be the start of a run. */
  startsRun(words: string[]): boolean {
    return words.length > 0 && words.length < this.n && this.starts.has(words.join(' '));
  }

  /** Whether any n consecutive words of `text` are a run (a whole-text check, linear in its length). */
  recitedIn(text: string): boolean {
    for (const run of ngrams(normalizedWords(text), this.n)) if (this.runs.has(run)) return true;
    return false;
  }
}

function* ngrams(words: string[], n: number): Generator<string> {
  for (let i = 0; i + n <= words.length; i++) yield words.slice(i, i + n).join(' ');
}
