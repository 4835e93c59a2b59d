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

export type GuardVerdict = { ok: true } | { ok: false; reason: 'canary' | 'instructions_echo' | 'promise' | 'empty' };

/** Word n-grams of the fixed rules text, to spot a reply that recites them. */
export function instructionFingerprint(rules: string, n = 6): Set<string> {
  const words = normalizeWords(rules);
  const set = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) set.add(words.slice(i, i + n).join(' '));
  return set;
}

function normalizeWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Checks a (partial or whole) reply for the canary, recited instructions or forbidden promises. */
export function checkReply(text: string, canary: string, fingerprint: Set<string>, n = 6): GuardVerdict {
  if (text.toLowerCase().includes(canary.toLowerCase())) return { ok: false, reason: 'canary' };
  const words = normalizeWords(text);
  for (let i = 0; i + n <= words.length; i++) {
    if (fingerprint.has(words.slice(i, i + n).join(' '))) return { ok: false, reason: 'instructions_echo' };
  }
  if (promisePatterns.some((p) => p.test(text))) return { ok: false, reason: 'promise' };
  return { ok: true };
}

/**
 * Sits between the model's stream and the client: text is forwarded only once it has been
 * checked, with a tail held back long enough that a canary or recited rule can never reach
 * the client in pieces, and nothing after the first question mark is forwarded at all.
 */
export class ReplyStreamGuard {
  private text = '';
  private sent = 0;
  private verdict: GuardVerdict = { ok: true };

  constructor(
    private readonly canary: string,
    private readonly fingerprint: Set<string>,
    private readonly holdBack = Math.max(64, canary.length + 8),
  ) {}

  /** Adds a delta; returns the text that is safe to forward now ('' when nothing is). */
  push(delta: string): string {
    this.text += delta;
    if (!this.verdict.ok) return '';
    this.verdict = checkReply(this.text, this.canary, this.fingerprint);
    if (!this.verdict.ok) return '';
    const limit = this.limit();
    const end = Math.min(limit, Math.max(this.sent, this.text.length - this.holdBack));
    return this.take(end);
  }

  /** Ends the stream: the final verdict, the trimmed reply, and the rest that may be forwarded. */
  finish(): { verdict: GuardVerdict; reply: string; rest: string } {
    if (this.verdict.ok) this.verdict = checkReply(this.text, this.canary, this.fingerprint);
    if (!this.verdict.ok) return { verdict: this.verdict, reply: '', rest: '' };
    const reply = keepFirstQuestion(this.text);
    if (reply === '') return { verdict: { ok: false, reason: 'empty' }, reply, rest: '' };
    return { verdict: this.verdict, reply, rest: this.take(this.limit()) };
  }

  /** The verdict on the text received so far. */
  currentVerdict(): GuardVerdict {
    return this.verdict;
  }

  /** The full text received so far, unchecked. */
  get received(): string {
    return this.text;
  }

  private limit(): number {
    const q = QUESTION_MARK.exec(this.text);
    return q ? q.index + 1 : this.text.length;
  }

  private take(end: number): string {
    if (end <= this.sent) return '';
    const out = this.text.slice(this.sent, end);
    this.sent = end;
    return out;
  }
}
