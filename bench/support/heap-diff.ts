import { readFileSync } from 'node:fs';

/**
 * Compares two heap snapshots of the server thread (`bench/turn-overhead --soak=S
 * --heap-snapshots` writes one after the first round and one after the last): the live
 * objects by constructor, and which grew between the two. A count that grows with the
 * turns served, round after round, is something kept per turn: a leak.
 *
 *   npx tsx bench/support/heap-diff.ts FIRST.heapsnapshot LAST.heapsnapshot [top]
 */
type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
};

type Tally = Map<string, { count: number; bytes: number }>;

function tally(file: string): Tally {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const out: Tally = new Map();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt] as number] ?? '?';
    // Strings and numbers are kept by kind: their names are their contents.
    const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + nameAt] as number] : '';
    const key = `${type}${name ? ` ${name}` : ''}`;
    const t = out.get(key) ?? { count: 0, bytes: 0 };
    t.count += 1;
    t.bytes += snap.nodes[i + sizeAt] as number;
    out.set(key, t);
  }
  return out;
}

const [first, last, topArg] = process.argv.slice(2);
if (!first || !last) throw new Error('usage: heap-diff.ts FIRST.heapsnapshot LAST.heapsnapshot [top]');
const top = Number(topArg ?? 30);
const a = tally(first);
const b = tally(last);
const sum = (t: Tally) => [...t.values()].reduce((s, x) => s + x.bytes, 0) / 2 ** 20;
console.log(`live heap: ${sum(a).toFixed(1)} MB → ${sum(b).toFixed(1)} MB`);
const rows = [...new Set([...a.keys(), ...b.keys()])].map((key) => {
  const x = a.get(key) ?? { count: 0, bytes: 0 };
  const y = b.get(key) ?? { count: 0, bytes: 0 };
  return { key, count: [x.count, y.count], kb: [x.bytes / 1024, y.bytes / 1024], grew: y.bytes - x.bytes };
});
console.log('\nGrew most (self size):');
for (const r of rows.sort((p, q) => q.grew - p.grew).slice(0, top))
  console.log(
    `  ${(r.grew / 1024).toFixed(0).padStart(8)} KB  ${String(r.count[0]).padStart(8)} → ${String(r.count[1]).padEnd(8)}  ${r.key.slice(0, 90)}`,
  );
