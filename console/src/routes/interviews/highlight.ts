/** A message's text cut into plain and highlighted pieces, one highlight per signal quote found in it. */
export type Piece = { text: string; signals: { id: string; kind: string; label: string }[] };

type Quoted = { id: string; kind: string; label: string; quote: string };

/**
 * Finds each quote in the text (exactly, else ignoring case) and splits the text at the
 * quote boundaries. Overlapping quotes merge into one highlight carrying both signals.
 * The result is rendered as React text nodes, so nothing in the customer's words is markup.
 */
export function highlightQuotes(text: string, quotes: Quoted[]): Piece[] {
  const ranges: { start: number; end: number; signal: Omit<Quoted, 'quote'> }[] = [];
  const lower = text.toLowerCase();
  for (const q of quotes) {
    const needle = q.quote.trim();
    if (!needle) continue;
    let start = text.indexOf(needle);
    if (start < 0) start = lower.indexOf(needle.toLowerCase());
    if (start < 0) continue;
    ranges.push({ start, end: start + needle.length, signal: { id: q.id, kind: q.kind, label: q.label } });
  }
  if (ranges.length === 0) return [{ text, signals: [] }];
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const signals = ranges.filter((r) => r.start <= from && r.end >= to).map((r) => r.signal);
    const last = pieces.at(-1);
    // Neighbouring pieces covered by the same signals read as one highlight.
    if (last && sameSignals(last.signals, signals)) last.text += text.slice(from, to);
    else pieces.push({ text: text.slice(from, to), signals });
  }
  return pieces;
}

const sameSignals = (a: Piece['signals'], b: Piece['signals']) =>
  a.length === b.length && a.every((s, i) => s.id === b[i]?.id);
