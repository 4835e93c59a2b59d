import { seedDemoWorkspace } from '@candor/api/demo/seed-demo';
import { databaseKind, startTestApp } from '../tests/support/harness';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * `bench/demo-seed`: what first start costs — the whole demo seed (book, usage, playbook,
 * operating model, the demo's interviews through extraction, health, renewal briefs,
 * weekly briefings) on a fresh database, a few runs, median per step. Prints; asserts nothing.
 */
export async function benchDemoSeed(runs = 3) {
  const totals: number[] = [];
  const steps = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    const t = await startTestApp();
    try {
      const started = performance.now();
      const seeded = await seedDemoWorkspace(t.deps);
      totals.push(performance.now() - started);
      for (const [name, ms] of Object.entries(seeded.timings ?? {})) steps.set(name, [...(steps.get(name) ?? []), ms]);
    } finally {
      await t.close();
    }
  }
  console.log(`demo seed on ${databaseKind}, ${runs} runs on fresh databases`);
  console.log(`  total                ${seconds(median(totals))} median (${totals.map(seconds).join(', ')})`);
  const whole = median(totals);
  for (const [name, ms] of steps)
    console.log(
      `  ${name.padEnd(20)} ${seconds(median(ms))} median (${Math.round((median(ms) / whole) * 100)}% of the total)`,
    );
}
