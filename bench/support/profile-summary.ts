import { readFileSync } from 'node:fs';

/**
 * Summarises a `.cpuprofile` written by `bench/turn-overhead --profile`: where the thread's
 * busy time went, by package (self time) and by function (self and total time); or a
 * `.heapprofile` (`--heap-profile`): where its allocations were made, in the same tables.
 *
 *   npx tsx bench/support/profile-summary.ts /tmp/turn-overhead-engine-500.cpuprofile [top] [filter]
 *
 * `filter` keeps the by-function tables to frames whose function name or file contains it.
 */
type Frame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
type HeapNode = { id: number; callFrame: Frame; selfSize: number; children: HeapNode[] };

const [file, topArg, filter] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile|file.heapprofile> [top] [filter]');
const top = Number(topArg ?? 25);
const heap = file.endsWith('.heapprofile');

/** An allocation profile as a CPU profile whose samples weigh bytes (in KB) instead of ms. */
function fromHeapProfile({ head }: { head: HeapNode }): Profile {
  const nodes: ProfileNode[] = [];
  const samples: number[] = [];
  // A sample is charged the delta after it (see below): one sample per node, weighing its bytes.
  const timeDeltas: number[] = [0];
  const visit = (n: HeapNode) => {
    nodes.push({ id: n.id, callFrame: n.callFrame, children: n.children.map((c) => c.id) });
    samples.push(n.id);
    timeDeltas.push(n.selfSize);
    for (const c of n.children) visit(c);
  };
  visit(head);
  return { nodes, samples, timeDeltas };
}

const raw = JSON.parse(readFileSync(file, 'utf8'));
const profile: Profile = heap ? fromHeapProfile(raw) : raw;
const unit = heap ? 'KB' : 'ms';

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** A package under node_modules, a file of ours, a node built-in, or V8's own buckets. */
function bucket({ url, functionName }: Frame): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const mod = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (mod) return mod[1] as string;
  if (url.startsWith('node:')) return url;
  const ours = url.match(/\/(api|shared|bench|tests)\/(src\/)?(.+)$/);
  return ours ? `${ours[1]}/${ours[3]}` : url;
}
const frameKey = (f: Frame) => `${f.functionName || '(anonymous)'} ${bucket(f)}:${f.lineNumber + 1}`;

// Each sample is charged the time until the next one (the last gets the median interval).
const self = new Map<string, number>();
const selfFn = new Map<string, number>();
const totalFn = new Map<string, number>();
let busy = 0;
let all = 0;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
  all += dt;
  const node = byId.get(id);
  if (!node || node.callFrame.functionName === '(idle)') return;
  busy += dt;
  const b = bucket(node.callFrame);
  self.set(b, (self.get(b) ?? 0) + dt);
  const k = frameKey(node.callFrame);
  selfFn.set(k, (selfFn.get(k) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const key = frameKey((byId.get(cur) as ProfileNode).callFrame);
    if (seen.has(key)) continue;
    seen.add(key);
    totalFn.set(key, (totalFn.get(key) ?? 0) + dt);
  }
});

const pct = (x: number) => `${((100 * x) / busy).toFixed(1).padStart(5)}%`;
const table = (title: string, m: Map<string, number>, keep = (_: string) => true) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m]
    .filter(([k]) => keep(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    console.log(`  ${pct(v)}  ${v.toFixed(0).padStart(6)} ${unit}  ${k}`);
};
const keep = (k: string) => !filter || k.includes(filter);
if (heap) {
  console.log(`${file}: ${busy.toFixed(0)} KB allocated (sampled)`);
  table('Allocated by package or file', self);
  table('Allocated by function', selfFn, keep);
  table('Allocated by function with what it calls', totalFn, keep);
} else {
  console.log(
    `${file}: ${all.toFixed(0)} ms recorded, ${busy.toFixed(0)} ms busy (${((100 * busy) / all).toFixed(0)}%)`,
  );
  table('Self time by package or file', self);
  table('Self time by function', selfFn, keep);
  table('Total time by function (with what it calls)', totalFn, keep);
}
