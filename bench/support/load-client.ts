import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { decodeSse } from '@candor/shared/sse';

/**
 * The customers of `bench/turn-overhead`, in a thread of their own: each interview sends
 * TURNS answers, one after the other, and reads every reply to its end. Kept off the
 * server's thread so that the server's figures are the server's alone, as they are in
 * production where customers sit in browsers elsewhere.
 */
export type LoadJob = {
  /** Where a turn goes, with `{id}` for the interview id. */
  url: string;
  interviews: { id: string; token?: string }[];
  turns: number;
  /** Customer pacing; none means every answer goes out the moment the reply ends. */
  pacing?: { firstMs: number; thinkMs: [number, number] };
  /** First turn tag number: tags are unique across a run and key the server's timings. */
  firstTag: number;
};

// Four required topics: a short answer (probe), then a full one per topic.
const answerFor = (turn: number, tag: string) =>
  turn % 2 === 0 ? `Not much ${tag}` : `We use it every day across three teams for reporting and alerts ${tag}`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = ([lo, hi]: [number, number]) => lo + Math.random() * (hi - lo);

async function run({ url, interviews, turns, pacing, firstTag }: LoadJob) {
  let tagSeq = firstTag;
  const started = performance.now();
  const loop = performance.eventLoopUtilization();
  await Promise.all(
    interviews.map(async ({ id, token }) => {
      if (pacing) await pause(Math.random() * pacing.firstMs);
      for (let turn = 0; turn < turns; turn++) {
        if (pacing && turn > 0) await pause(between(pacing.thinkMs));
        const tag = `[t:${tagSeq++}]`;
        const res = await fetch(url.replace('{id}', id), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-turn': tag,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ client_id: tag, text: answerFor(turn, tag) }),
        });
        const text = await res.text();
        if (res.status !== 200 || !decodeSse(text).some((e) => e.event === 'done'))
          throw new Error(`turn failed: ${res.status} ${text.slice(0, 200)}`);
      }
    }),
  );
  return {
    seconds: (performance.now() - started) / 1000,
    nextTag: tagSeq,
    busyMs: performance.eventLoopUtilization(loop).active,
  };
}

run(workerData as LoadJob).then(
  (result) => parentPort?.postMessage({ result }),
  (err: unknown) => parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) }),
);
