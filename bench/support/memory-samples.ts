import { getHeapStatistics } from 'node:v8';

/** One reading of the process's memory: resident set and the calling thread's V8 heap, in MB. */
export type MemorySample = { atMs: number; rssMb: number; heapMb: number };

const mb = (bytes: number) => bytes / (1024 * 1024);

/**
 * Reads the process's RSS and the calling thread's (the server's) heap every `everyMs`
 * until `stop()`, which answers the readings. Reading both costs microseconds, so the
 * sampling does not disturb the load it watches.
 */
export function sampleMemory(everyMs: number) {
  const started = performance.now();
  const samples: MemorySample[] = [];
  const read = () =>
    samples.push({
      atMs: performance.now() - started,
      rssMb: mb(process.memoryUsage.rss()),
      heapMb: mb(getHeapStatistics().used_heap_size),
    });
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      clearInterval(timer);
      read();
      return samples;
    },
  };
}

/** The least-squares slope of `y` over time, in MB per minute. */
export function slopePerMinute(samples: MemorySample[], y: (s: MemorySample) => number): number {
  const xs = samples.map((s) => s.atMs / 60_000);
  const ys = samples.map(y);
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    den += ((xs[i] as number) - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}
