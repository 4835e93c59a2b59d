/**
 * Splits a CPU profile of the server thread by what the time was spent on: the model calls
 * (an answer judgement apart from a streamed reply), the database statements, the reply
 * guard, the rate limits, the garbage collector and the rest. Shares of the busy samples;
 * the bench turns them into ms of the thread's measured CPU per turn.
 *
 * A sample belongs to the guard or the rate limits when any frame of its stack is theirs.
 * Otherwise the frame nearest the leaf that has an owner decides: the database driver and
 * query builder; the model (the AI SDK and its OpenAI provider);
 * or any other code of ours or the web framework's (the rest). Node's internals, natives
 * and generic libraries (zod, JSON) have no owner: they count for whoever called them; the
 * fetch client's work resumed from its socket, with no caller on the stack, is the model's.
 *
 * A model sample is a judgement's when its stack shows the non-streamed call (the SDK's
 * generateText, which only the judgement uses on a turn, or the provider's doGenerate), a
 * reply's when it shows the streamed one (doStream); the fetch client's work resumed from
 * the socket shows neither, and is counted as model work of either kind.
 */
export const CPU_SHARES = [
  'judgement',
  'reply',
  'model, either call',
  'database',
  'guard',
  'rate limits',
  'gc',
  'rest',
] as const;
export type CpuShare = (typeof CPU_SHARES)[number];

type Frame = { functionName: string; url: string };
type ProfileNode = { id: number; callFrame: Frame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const pkg = (url: string) => url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
const ours = (url: string) => url.match(/\/(api|shared)\/src\/(.+)$/)?.[2];

const isGuard = (f: Frame) => /^interviews\/(reply-guard|instruction-index)\.ts$/.test(ours(f.url) ?? '');
const isRateLimit = (f: Frame) =>
  /^(http\/rate-limits|widget-auth\/widget-rate-limits)\.ts$/.test(ours(f.url) ?? '') ||
  pkg(f.url) === 'rate-limiter-flexible';

/** The owner of one frame, or undefined when it counts for its caller. */
function owner(f: Frame): 'database' | 'model' | 'rest' | undefined {
  const p = pkg(f.url);
  if (p === 'postgres' || p === 'kysely' || ours(f.url)?.startsWith('db/')) return 'database';
  if (p === 'ai' || p?.startsWith('@ai-sdk/') || p === 'eventsource-parser') return 'model';
  if (ours(f.url)?.startsWith('model-access/')) return 'model';
  if (ours(f.url) || p === 'hono' || p?.startsWith('@hono/') || f.url.includes('/bench/')) return 'rest';
  return undefined;
}

function modelKind(stack: Frame[]): CpuShare {
  for (const f of stack) {
    if (pkg(f.url) === 'ai' || f.functionName === 'doGenerate' || f.functionName === 'generateStructured')
      return 'judgement';
    if (f.functionName === 'doStream' || f.functionName === 'streamInterviewModel') return 'reply';
  }
  return 'model, either call';
}

/** Busy ms of the profile by share (idle and the profiler's own samples left out). */
export function splitCpuProfile(profile: CpuProfile): Record<CpuShare, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const shareOf = new Map<number, CpuShare | null>();
  const classify = (id: number): CpuShare | null => {
    const known = shareOf.get(id);
    if (known !== undefined) return known;
    const stack: Frame[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
      stack.push((byId.get(cur) as ProfileNode).callFrame);
    const leaf = stack[0]?.functionName ?? '';
    let share: CpuShare | null;
    if (leaf === '(idle)' || leaf === '(root)') share = null;
    else if (leaf === '(garbage collector)') share = 'gc';
    else if (stack.some(isGuard)) share = 'guard';
    else if (stack.some(isRateLimit)) share = 'rate limits';
    else {
      // Node's fetch client (undici) is the model's when nothing else claims it: the server's
      // own requests are built with its classes too, under the framework's frames.
      const first =
        stack.map(owner).find((o) => o !== undefined) ??
        (stack.some((f) => f.url.includes('deps/undici')) ? 'model' : 'rest');
      share = first === 'model' ? modelKind(stack) : first;
    }
    shareOf.set(id, share);
    return share;
  };
  const ms = Object.fromEntries(CPU_SHARES.map((s) => [s, 0])) as Record<CpuShare, number>;
  profile.samples.forEach((id, i) => {
    const share = classify(id);
    if (share) ms[share] += (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
  });
  return ms;
}
