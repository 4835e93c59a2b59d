/*
 * The AI interviewer begins each reply with a one-word tag naming what the message does
 * ("[probe] Could you …"), so the server can hold it against the policy's decision before
 * the customer sees a word. The tag is read off the stream here and never forwarded.
 */

// Longer than any tag: text that has not closed its bracket by then is no tag.
const MAX_TAG_CHARS = 24;

/** Reads the leading `[word]` tag off a streamed reply; text after it passes through. */
export class ActionTagReader {
  private head = '';
  private done = false;
  /** The tag's word (lower-cased), or null when the reply has none. Undefined until known. */
  tag: string | null | undefined = undefined;

  /** Adds a delta; returns the text after the tag that may be forwarded now. */
  push(delta: string): string {
    if (this.done) return delta;
    this.head += delta;
    const start = this.head.trimStart();
    if (start === '') return '';
    if (!start.startsWith('[')) return this.settle(null, this.head);
    const close = start.indexOf(']');
    if (close < 0) return start.length > MAX_TAG_CHARS ? this.settle(null, this.head) : '';
    const word = start.slice(1, close).trim().toLowerCase();
    if (!/^[a-z_]{1,20}$/.test(word)) return this.settle(null, this.head);
    return this.settle(word, start.slice(close + 1).trimStart());
  }

  /** Ends the stream: whatever was held as a possible tag is text after all. */
  finish(): string {
    if (this.done) return '';
    return this.settle(null, this.head);
  }

  private settle(tag: string | null, rest: string): string {
    this.tag = tag;
    this.done = true;
    this.head = '';
    return rest;
  }
}
