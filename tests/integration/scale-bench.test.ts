import { describe, expect, it } from 'vitest';
import { runScaleScenario, type ScaleOptions } from '../../bench/scale';
import { bookCounts } from '../../bench/support/scale-book';
import { databaseKind } from '../support/harness';

// The scale bench's harness at a tiny size: it builds the book, measures every read and pass,
// runs a short load through one worker and reports. Figures are printed by `npm run bench --
// scale`; this proves only that the scenario runs and measures what it says (no timings).
const options: ScaleOptions = {
  size: 0.002,
  rounds: 2,
  rate: 1,
  loadSeconds: 3,
  drainTimeoutSeconds: 120,
  sampleSeconds: 1,
  log: () => {},
  // A short brief debounce so the load's briefs are written within the test.
  appEnv: { CANDOR_BRIEF_REFRESH_SECONDS: '2' },
};

describe(`scale bench harness (${databaseKind})`, () => {
  it.runIf(databaseKind === 'pglite')('refuses the embedded database with what to set instead', async () => {
    console.log('scale bench scenario skipped: it runs on a Postgres server only (set TEST_DATABASE_URL)');
    await expect(runScaleScenario(options)).rejects.toThrow(/Postgres server only.*TEST_DATABASE_URL/);
  });

  it.runIf(databaseKind === 'postgres')(
    'generates the book and reports every figure',
    async () => {
      const result = await runScaleScenario(options);
      const counts = bookCounts(options.size);
      expect(result.counts).toMatchObject(counts);
      expect(result.counts.signals).toBeGreaterThan(0);

      expect(result.reads.map((r) => r.name)).toEqual([
        'console accounts list (owner, by ARR)',
        'console accounts list (at risk, by renewal)',
        'console account page',
        'console Home',
        'console Insights',
        'console interviews list',
        'console interviews list (completed, page 3)',
        'console triggers with funnels',
        'portfolio report (/v1)',
        'brief read (/v1)',
        'weekly briefing read (/v1)',
        'trigger funnel (/v1)',
      ]);
      for (const r of result.reads) {
        expect(r.rounds).toBe(2);
        expect(Number.isFinite(r.p50) && Number.isFinite(r.p99) && Number.isFinite(r.loopBlockMs)).toBe(true);
        expect(r.kb).toBeGreaterThan(0);
      }
      for (const name of [
        'trigger pass, first',
        'trigger pass, steady',
        'daily health pass, first',
        'daily health pass, steady',
        'ingestion, POST /v1/events (batches of 1,000)',
        'ingestion, raw multi-row INSERT (same rows)',
        'ingestion, API / raw INSERT',
        'API process RSS after the reads',
      ])
        expect(Number.isFinite(result.figures[name]?.value), name).toBe(true);

      // The load ran through the worker: every finished interview was extracted, the queues
      // drained, and the interviews at renewing accounts were each looked for in a brief.
      const load = result.load;
      expect(load.interviews).toBe(3);
      expect(load.latency['extract-interview']?.jobs).toBe(3);
      expect(Number.isFinite(load.drainSeconds)).toBe(true);
      expect(load.samples.length).toBeGreaterThan(1);
      expect(Object.keys(load.samples[0]?.depth ?? {})).toContain('refresh-renewal-brief');
      expect(load.briefFresh.interviews).toBeGreaterThan(0);
      expect(load.briefFresh.missing).toBe(0);
    },
    300_000,
  );
});
