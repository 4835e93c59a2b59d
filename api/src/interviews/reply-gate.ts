import type { ReplyStreamHandlers } from './model-reply';

/**
 * Stands between a reply being written and the customer while the turn is still being
 * decided: checked text is held until the reply's action tag can be held against the
 * decision, then either let through (and everything after it) or dropped for good. A
 * retry of the reply holds again, since the next attempt may choose differently.
 */
export class ReplyGate {
  private held: string[] = [];
  private state: 'holding' | 'open' | 'closed' = 'holding';
  private tag: string | null | undefined;
  private accepts: ((tag: string | null) => boolean) | undefined;
  private settled: ((open: boolean) => void) | undefined;
  /** Resolves true once text is let through, false once the reply is dropped. */
  readonly verdict: Promise<boolean>;
  /** The tag of a reply that was dropped, for the record. */
  refusedTag: string | null | undefined;

  constructor(private readonly out: ReplyStreamHandlers) {
    this.verdict = new Promise((resolve) => {
      this.settled = resolve;
    });
  }

  /** The handlers to give the reply stream. */
  readonly handlers: ReplyStreamHandlers = {
    onDelta: (text) => {
      if (this.state === 'open') this.out.onDelta(text);
      else if (this.state === 'holding') this.held.push(text);
    },
    onRetry: () => {
      if (this.state === 'closed') return;
      if (this.state === 'open') this.out.onRetry();
      this.state = 'holding';
      this.held = [];
      this.tag = undefined;
    },
    onTag: (tag) => {
      this.tag = tag;
      this.judge();
    },
  };

  /** The decision is in: which tags may reach the customer. */
  decide(accepts: (tag: string | null) => boolean): void {
    this.accepts = accepts;
    this.judge();
  }

  /** Drops the reply whatever it says (it failed, or the decision needs other words). */
  close(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.held = [];
    this.settled?.(false);
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  private judge(): void {
    if (this.state !== 'holding' || !this.accepts || this.tag === undefined) return;
    if (!this.accepts(this.tag)) {
      this.refusedTag = this.tag;
      this.close();
      return;
    }
    this.state = 'open';
    for (const text of this.held.splice(0)) this.out.onDelta(text);
    this.settled?.(true);
  }
}
