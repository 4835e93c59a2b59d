import { type InstructionIndex, onlyExtendsWord, type WordSpan, wordSpans } from './instruction-index';

/** Question marks across scripts: Latin, full-width (CJK), Arabic, Greek uses ';' but rarely in chat. */
const QUESTION_MARK = /[?？؟]/u;

/**
 * Keeps only the first question of an interviewer message: everything up to and
 * including its first question mark. Text without a question comes back unchanged.
 */
export function keepFirstQuestion(text: string): string {
  const match = QUESTION_MARK.exec(text);
  if (!match) return text.trim();
  return text.slice(0, match.index + 1).trim();
}

export function hasQuestion(text: string): boolean {
  return QUESTION_MARK.test(text);
}

// Promises the interviewer must never make: pricing, discounts, refunds, contract terms.
const promisePatterns = [
  /\b(discount|coupon|promo(tion)?\s*code|rebate|refund|reimburse)/i,
  /\b\d+\s*%\s*off\b/i,
  /\bfree\s+(month|months|year|upgrade|seats?|plan|trial extension|of charge)\b/i,
  /\b(price|pricing)\s+(lock|freeze|match|guarantee|reduction|cut)/i,
  /\b(lower|reduce|cut|match|waive|freeze)\s+(your|the|our)\s+(price|pricing|fees?|bill|invoice|rate|cost)/i,
  /\b(contract|renewal)\s+(terms?|extension|amendment|change)/i,
  /\b(credit|credits)\s+(to|on)\s+your\s+account\b/i,
  /\b(i|we)\s+(can|will|could)\s+(offer|give|extend|waive)\s+you\b/i,
];
// The longest text a promise pattern matches in practice: new text is checked with this much before it.
const PROMISE_REACH = 64;

// The same promises word by word, only to know when a reply's tail may be the start of one
// (the patterns above decide whether it is one).
const promiseStarts: RegExp[][] = [
  [/^promo(tion)?$/, /^code/],
  [/^\d+$/, /^off$/],
  [/^free$/, /^(month|months|year|upgrade|seats?|plan|trial|of)$/, /^(extension|charge)$/],
  [/^pric(e|ing)$/, /^(lock|freeze|match|guarantee|reduction|cut)/],
  [/^(lower|reduce|cut|match|waive|freeze)$/, /^(your|the|our)$/, /^(price|pricing|fees?|bill|invoice|rate|cost)/],
  [/^(contract|renewal)$/, /^(terms?|extension|amendment|change)/],
  [/^credits?$/, /^(to|on)$/, /^your$/, /^account$/],
  [/^(i|we)$/, /^(can|will|could)$/, /^(offer|give|extend|waive)$/, /^you$/],
];
const PROMISE_WORDS = Math.max(...promiseStarts.map((p) => p.length));

function startsPromise(words: string[]): boolean {
  return promiseStarts.some((p) => words.length < p.length && words.every((w, i) => p[i]?.test(w)));
}

export type GuardVerdict = { ok: true } | { ok: false; reason: 'canary' | 'instructions_echo' | 'promise' | 'empty' };

/** Checks a whole reply for the canary, recited instructions or forbidden promises. */
export function checkReply(text: string, canary: string, index: InstructionIndex): GuardVerdict {
  if (text.toLowerCase().includes(canary.toLowerCase())) return { ok: false, reason: 'canary' };
  if (index.recitedIn(text)) return { ok: false, reason: 'instructions_echo' };
  if (promisePatterns.some((p) => p.test(text))) return { ok: false, reason: 'promise' };
  return { ok: true };
}

/**
 * Sits between the model's stream and the client and judges text before it is sent: a word
 * is forwarded only once the words after it show it cannot start a run of the instructions,
 * the canary or a promise, so a reply that recites its instructions is stopped before any
 * run of them reaches the client. Nothing after the first question mark is forwarded at all.
 * Each delta costs time in its own length (plus a constant), not the reply's: the guard
 * works on small buffers (the words not yet finished, the text not yet sent, a short tail)
 * and never reads the whole reply until it ends.
 */
export class ReplyStreamGuard {
  private readonly chunks: string[] = [];
  private length = 0;
  private verdict: GuardVerdict = { ok: true };
  private readonly canary: string;
  /** Where sending stopped, and the text from there on. */
  private sent = 0;
  private unsent = '';
  /** Where the next word may start, and the text from there on (not yet split into finished words). */
  private scanFrom = 0;
  private unscanned = '';
  /** A little of the text before `scanFrom`, for promises that began in words already finished. */
  private scannedTail = '';
  /** The last characters received, for a canary arriving in pieces. */
  private tail = '';
  /** The last finished words (a word is finished once something that is not a letter follows it). */
  private recent: WordSpan[] = [];
  private readonly keep: number;
  private questionAt = -1;
  /** Where the word still arriving starts (-1 when the text ends between words). */
  private openStart = -1;
  /** Whether that word can grow (a Han or kana character is a word of its own). */
  private openCanGrow = false;
  /** Where the finished words that may begin a run or a promise start (Infinity when none may). */
  private wordHold = Number.POSITIVE_INFINITY;

  constructor(
    canary: string,
    private readonly index: InstructionIndex,
  ) {
    this.canary = canary.toLowerCase();
    this.keep = Math.max(index.n, PROMISE_WORDS);
  }

  /** Adds a delta; returns the text that is safe to forward now ('' when nothing is). */
  push(delta: string): string {
    const before = this.length;
    this.chunks.push(delta);
    this.length += delta.length;
    if (!this.verdict.ok) return '';
    this.unsent += delta;
    this.unscanned += delta;
    if (this.questionAt < 0) {
      const q = QUESTION_MARK.exec(delta);
      if (q) this.questionAt = before + q.index;
    }
    const around = this.tail + delta;
    this.tail = around.slice(-this.canary.length);
    if (around.toLowerCase().includes(this.canary)) this.verdict = { ok: false, reason: 'canary' };
    else this.verdict = this.judgeWords(delta, false);
    if (!this.verdict.ok) return '';
    return this.take(Math.min(this.limit(), Math.max(this.sent, this.holdFrom())));
  }

  /** Ends the stream: the final verdict, the trimmed reply, and the rest that may be forwarded. */
  finish(): { verdict: GuardVerdict; reply: string; rest: string } {
    const text = this.received;
    if (this.verdict.ok) this.verdict = this.judgeWords('', true);
    if (this.verdict.ok) this.verdict = checkReply(text, this.canary, this.index);
    if (!this.verdict.ok) return { verdict: this.verdict, reply: '', rest: '' };
    const reply = keepFirstQuestion(text);
    if (reply === '') return { verdict: { ok: false, reason: 'empty' }, reply, rest: '' };
    return { verdict: this.verdict, reply, rest: this.take(this.limit()) };
  }

  /** The verdict on the text received so far. */
  currentVerdict(): GuardVerdict {
    return this.verdict;
  }

  /** The full text received so far, unchecked. */
  get received(): string {
    return this.chunks.join('');
  }

  /** Splits off the words `delta` finished and judges them; `ended` finishes the last word. */
  private judgeWords(delta: string, ended: boolean): GuardVerdict {
    // A delta that only lengthens the word still arriving finishes nothing: a long word sent
    // a letter at a time is not read again on every letter.
    if (!ended && this.openCanGrow && onlyExtendsWord(delta)) return { ok: true };
    this.openStart = -1;
    this.openCanGrow = false;
    const scanned = this.unscanned;
    let consumed = scanned.length;
    let finished = false;
    for (const span of wordSpans(scanned)) {
      if (span.end === scanned.length && !ended) {
        this.openStart = this.scanFrom + span.start;
        this.openCanGrow = onlyExtendsWord(span.word);
        consumed = span.start;
        break;
      }
      finished = true;
      this.recent.push({ word: span.word, start: this.scanFrom + span.start, end: this.scanFrom + span.end });
      if (this.recent.length > this.keep) this.recent.shift();
      const lastRun = this.recent.slice(-this.index.n).map((w) => w.word);
      if (this.index.isRun(lastRun)) return { ok: false, reason: 'instructions_echo' };
    }
    // Every promise ends in a word, so only newly finished words can complete one.
    const window = this.scannedTail + scanned.slice(0, consumed);
    if ((finished || ended) && promisePatterns.some((p) => p.test(window))) return { ok: false, reason: 'promise' };
    // Cut at a word boundary, so a pattern's leading \b means what it says.
    const cut = window.slice(-PROMISE_REACH);
    this.scannedTail = cut.length < window.length ? cut.slice(cut.search(/\s/) + 1) : cut;
    this.scanFrom += consumed;
    this.unscanned = scanned.slice(consumed);
    if (finished) this.wordHold = this.wordsHold();
    return { ok: true };
  }

  /** Where the text that may still turn into a leak begins: everything before it is safe to send. */
  private holdFrom(): number {
    // The word still arriving is unknown; it may also continue a run that the words before began.
    let hold = Math.min(this.wordHold, this.openStart >= 0 ? this.openStart : this.length);
    // The canary may be arriving in pieces that are not words of their own.
    const tail = this.tail.toLowerCase();
    const tailStart = this.length - tail.length;
    for (let i = 0; i < tail.length && tailStart + i < hold; i++) {
      if (tail[i] === this.canary[0] && this.canary.startsWith(tail.slice(i))) {
        hold = tailStart + i;
        break;
      }
    }
    return hold;
  }

  /** The start of the longest tail of finished words that could begin a run or a promise. */
  private wordsHold(): number {
    const words = this.recent.map((w) => w.word);
    for (let k = words.length; k >= 1; k--) {
      const tail = words.slice(-k);
      if (this.index.startsRun(tail) || startsPromise(tail)) return this.recent[words.length - k]?.start ?? 0;
    }
    return Number.POSITIVE_INFINITY;
  }

  private limit(): number {
    return this.questionAt >= 0 ? this.questionAt + 1 : this.length;
  }

  private take(end: number): string {
    if (end <= this.sent) return '';
    const out = this.unsent.slice(0, end - this.sent);
    this.unsent = this.unsent.slice(end - this.sent);
    this.sent = end;
    return out;
  }
}
