import type { BriefCitation, BriefItem } from '@candor/shared';
import type { AppDeps } from '../../app-deps';
import { tenant, type Ws } from '../../db/tenant';
import { isUuid } from '../../db/uuid';

/** A stored signal as synthesis reads it: what it says, who said it, and where. */
export type EvidenceSignal = {
  id: string;
  account_id: string;
  kind: string;
  value: Record<string, unknown>;
  quote: string;
  interview_id: string;
  message_id: string;
  contact_name: string | null;
  contact_role: string | null;
  created_at: Date;
};

/** One resolved citation: the stored quote and the message it came from. */
/** Signals with what a citation and a prompt need of them (who said it, the quote, where); callers add the filter. */
export function selectEvidenceSignals(deps: Pick<AppDeps, 'db'>, ws: Ws) {
  return tenant(deps.db, ws)
    .selectFrom('signals')
    .leftJoin('contacts', 'contacts.id', 'signals.contact_id')
    .select([
      'signals.id',
      'signals.account_id',
      'signals.kind',
      'signals.value',
      'signals.quote',
      'signals.interview_id',
      'signals.message_id',
      'signals.created_at',
      'contacts.name as contact_name',
      'contacts.role as contact_role',
    ]);
}

export type Citation = BriefCitation;

/**
 * A claim of a model-written artifact, in the item shape every brief is read in (first
 * citation inline) plus all its citations and the account facts it rests on.
 */
export type CitedItem = BriefItem & { citations: Citation[]; facts: string[] };

/** What the model writes for a claim: text and the refs of its evidence. */
export type ModelClaim = { text: string; citations: string[] };

const MAX_TEXT = 400;

/**
 * The evidence one prompt shows the model: signals as short refs (S1, S2…, cheaper and
 * sturdier than UUIDs) and recorded account facts (F1…). The code, never the model, turns
 * a ref back into the stored quote and message.
 */
export class EvidenceRefs {
  private readonly signals = new Map<string, EvidenceSignal>();
  private readonly signalRefs = new Map<string, string>();
  private readonly facts = new Map<string, string>();

  /** The ref of a signal in this prompt (the same signal always gets the same ref). */
  signal(s: EvidenceSignal): string {
    const known = this.signalRefs.get(s.id);
    if (known) return known;
    const ref = `S${this.signalRefs.size + 1}`;
    this.signalRefs.set(s.id, ref);
    this.signals.set(ref, s);
    return ref;
  }

  /** The ref of a recorded fact (health reason, renewal date, meeting), e.g. F3. */
  fact(text: string): string {
    const ref = `F${this.facts.size + 1}`;
    this.facts.set(ref, text);
    return ref;
  }

  lookupSignal(ref: string): EvidenceSignal | undefined {
    return this.signals.get(ref);
  }

  lookupFact(ref: string): string | undefined {
    return this.facts.get(ref);
  }

  /** Every ref this prompt shows (signals, then facts): what a citation may name. */
  all(): string[] {
    return [...this.signals.keys(), ...this.facts.keys()];
  }

  /** Signals this prompt holds, by id. */
  hasSignalId(id: string): boolean {
    return this.signalRefs.has(id);
  }
}

/**
 * Resolves the model's claims against the evidence: each citation must be a ref shown in
 * the prompt, or the id of a signal stored in this workspace (and, when `accountIds` is
 * given, about one of those accounts). A claim with no citation, or with any citation that
 * does not resolve, is dropped and logged — by section and count, never its text.
 */
export async function resolveClaims(
  deps: Pick<AppDeps, 'db' | 'log'>,
  ws: Ws,
  refs: EvidenceRefs,
  claims: readonly ModelClaim[],
  where: { artifact: string; section: string; accountIds?: readonly string[] },
): Promise<CitedItem[]> {
  const unknownIds = new Set(
    claims.flatMap((c) => c.citations.map((x) => x.trim())).filter((x) => isUuid(x) && !refs.hasSignalId(x)),
  );
  const stored = new Map<string, EvidenceSignal>();
  if (unknownIds.size > 0 && where.accountIds?.length !== 0) {
    let q = selectEvidenceSignals(deps, ws).where('signals.id', 'in', [...unknownIds]);
    if (where.accountIds) q = q.where('signals.account_id', 'in', [...where.accountIds]);
    for (const row of await q.execute()) stored.set(row.id, { ...row, account_id: row.account_id ?? '' });
  }

  const items: CitedItem[] = [];
  let dropped = 0;
  for (const claim of claims) {
    const text = claim.text.trim().slice(0, MAX_TEXT);
    const citations: Citation[] = [];
    const facts: string[] = [];
    let ok = text.length > 0 && claim.citations.length > 0;
    for (const raw of claim.citations) {
      const ref = raw.trim();
      const signal = refs.lookupSignal(ref.toUpperCase()) ?? stored.get(ref);
      const fact = refs.lookupFact(ref.toUpperCase());
      if (signal) {
        if (!citations.some((c) => c.signal_id === signal.id))
          citations.push({
            signal_id: signal.id,
            quote: signal.quote,
            interview_id: signal.interview_id,
            message_id: signal.message_id,
          });
      } else if (fact !== undefined) {
        if (!facts.includes(fact)) facts.push(fact);
      } else ok = false;
    }
    if (!ok) {
      dropped++;
      continue;
    }
    const first = citations[0];
    items.push({
      text,
      quote: first?.quote ?? null,
      interview_id: first?.interview_id ?? null,
      message_id: first?.message_id ?? null,
      citations,
      facts,
    });
  }
  if (dropped > 0)
    deps.log.warn(
      { artifact: where.artifact, section: where.section, dropped, kept: items.length },
      'dropped model claims whose evidence does not exist',
    );
  return items;
}
