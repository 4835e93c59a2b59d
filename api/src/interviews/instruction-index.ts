import { LRUCache } from 'lru-cache';

/** How many consecutive instruction words in a reply make a leak. */
export const LEAK_RUN_WORDS = 6;

// A word is a run of letters, marks and digits; Han and kana characters are words on their
// own, since those scripts put no spaces between words.
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const WORD = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{M}\\p{N}])+`, 'gu');

const LETTERS_ONLY = new RegExp(`^(?:(?![${CJK}])[\\p{L}\\p{M}\\p{N}])+$`, 'u');

/** Whether `more`, appended to a text ending inside a (non-CJK) word, only makes that word longer. */
export function onlyExtendsWord(more: string): boolean {
  return LETTERS_ONLY.test(more);
}

/** One normalized word of a text and where it sits in that text. */
export type WordSpan = { word: string; start: number; end: number };

/** The words of `text` from `from`, lowercased, with their positions. */
export function wordSpans(text: string, from = 0): WordSpan[] {
  // One shared regex: this runs synchronously to the end, so no other caller can move lastIndex meanwhile.
  WORD.lastIndex = from;
  const out: WordSpan[] = [];
  for (let m = WORD.exec(text); m; m = WORD.exec(text))
    out.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return out;
}

export function normalizedWords(text: string): string[] {
  return wordSpans(text).map((s) => s.word);
}

/** A word trie: each path from the root is a word sequence; a path of length n is a whole run. */
type Node = Map<string, Node>;
type IndexedPart = { n: number; words: string[]; runs: Node };

// Most parts of a prompt (the rules, a guide's objective, tone and topics, a contact's role
// line) repeat from turn to turn: each is indexed once, not per reply. Bounded, since
// guides and contacts are many. Keyed by the text alone (a key built per turn would copy
// every part's text on every reply); an entry for another run length is rebuilt.
const indexedParts = new LRUCache<string, IndexedPart>({ max: 512 });
const sayableRuns = new LRUCache<string, { n: number; runs: Node }>({ max: 256 });

/**
 * Every run of LEAK_RUN_WORDS consecutive words of an interviewer's instructions, and every
 * shorter start of such a run: a reply containing a run is reciting the instructions, and a
 * reply whose tail is the start of a run may be about to. Runs that lie inside text the
 * interviewer is meant to say (the guide's questions, follow-ups and closing words) are not
 * leaks, so asking the guide's question verbatim is fine. Built from the prompt's parts, each
 * a word trie indexed once (see `indexedParts`); the few runs that cross between parts are
 * compared in place, word by word, rather than built into a trie of their own on every reply.
 */
export class InstructionIndex {
  private readonly tries: Node[] = [];
  private readonly allowed: Node;
  /** The prompt's words in order, and where the runs that cross between parts start. */
  private readonly words: string[] = [];
  private readonly crossingStarts: number[] = [];

  /** `oneOff` marks the part that is new on every call (the canary's): it is indexed but not kept. */
  constructor(
    parts: string[],
    options: { sayable?: string[]; oneOff?: string } = {},
    readonly n = LEAK_RUN_WORDS,
  ) {
    const sayable = options.sayable ?? [];
    const sayableKey = sayable.join('\u0000');
    let allowed = sayableRuns.get(sayableKey);
    if (allowed?.n !== n) {
      allowed = { n, runs: new Map() };
      for (const phrase of sayable) indexRuns(allowed.runs, normalizedWords(phrase), n);
      sayableRuns.set(sayableKey, allowed);
    }
    this.allowed = allowed.runs;

    const words = this.words;
    const crossings: number[] = [];
    for (const text of parts) {
      const keep = !(options.oneOff && text.includes(options.oneOff));
      let part = keep ? indexedParts.get(text) : undefined;
      if (part?.n !== n) {
        const partWords = normalizedWords(text);
        part = { n, words: partWords, runs: new Map() };
        indexRuns(part.runs, partWords, n);
        if (keep) indexedParts.set(text, part);
      }
      this.tries.push(part.runs);
      if (words.length) crossings.push(words.length);
      for (let i = 0; i < part.words.length; i++) words.push(part.words[i] as string);
    }
    // The runs that start in one part and end in another, in order and each once.
    let last = -1;
    for (const at of crossings)
      for (let i = Math.max(0, at - n + 1, last + 1); i < at && i + n <= words.length; i++) {
        this.crossingStarts.push(i);
        last = i;
      }
  }

  /** Whether these n words are a run of the instructions. */
  isRun(words: string[]): boolean {
    if (words.length !== this.n || walk(this.allowed, words, 0, this.n)) return false;
    return this.tries.some((trie) => walk(trie, words, 0, this.n) !== undefined) || this.crosses(words);
  }

  /** Whether these fewer than n words could be the start of a run. */
  startsRun(words: string[]): boolean {
    if (words.length === 0 || words.length >= this.n) return false;
    return this.tries.some((trie) => walk(trie, words, 0, words.length) !== undefined) || this.crosses(words);
  }

  /** Whether any n consecutive words of `text` are a run (a whole-text check, linear in its length). */
  recitedIn(text: string): boolean {
    const words = normalizedWords(text);
    for (let i = 0; i + this.n <= words.length; i++) if (this.isRun(words.slice(i, i + this.n))) return true;
    return false;
  }

  /** Whether `words` begin one of the runs that cross between parts. */
  private crosses(words: string[]): boolean {
    for (const start of this.crossingStarts) {
      let i = 0;
      while (i < words.length && this.words[start + i] === words[i]) i++;
      if (i === words.length) return true;
    }
    return false;
  }
}

function indexRuns(trie: Node, words: string[], n: number) {
  for (let i = 0; i + n <= words.length; i++) insert(trie, words, i, n);
}

function insert(root: Node, words: string[], from: number, length: number) {
  let node = root;
  for (let i = from; i < from + length; i++) {
    const word = words[i] as string;
    let next = node.get(word);
    if (!next) {
      next = new Map();
      node.set(word, next);
    }
    node = next;
  }
}

function walk(root: Node, words: string[], from: number, length: number): Node | undefined {
  let node: Node | undefined = root;
  for (let i = from; i < from + length && node; i++) node = node.get(words[i] as string);
  return node;
}
