import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

type Model = {
  retention: { renewals: number; grr: number; nrr: number };
  effective_book: { headline: number; trend: unknown[] };
  holdouts: {
    by_trigger: { holdout_percent: number; enough_data: boolean; held_out: { accounts: number }; lift: unknown }[];
  };
  engagement: {
    baseline: { survey_response_rate: number };
    moments: { moment: string; response_rate: number; time_to_insight_hours: unknown }[];
  };
  coverage: { activities: { activity: string; basis: string }[] };
};

describe(`the demo's operating model (${databaseKind})`, () => {
  let t: TestApp;
  let model: Model;
  beforeAll(async () => {
    t = await startTestApp();
    // Loaded after the app so zod's OpenAPI extension is in place before the seed's schemas load.
    const { seedDemoWorkspace } = await import('@candor/api/demo/seed-demo');
    const started = Date.now();
    const demo = await seedDemoWorkspace(t.deps);
    console.info(`demo seed with the operating model: ${Date.now() - started} ms`);
    const key = await keyFor(t, demo.workspace.id);
    model = (await readJson(await t.request('/v1/operating-model', { token: key }))) as Model;
  });
  afterAll(() => t?.close());

  it('has a year of renewals, an effective book with a trend and a holdout with enough data', () => {
    expect(model.retention.renewals).toBeGreaterThan(150);
    expect(model.retention.grr).toBeGreaterThan(0.8);
    expect(model.retention.grr).toBeLessThan(1);
    expect(model.effective_book.headline).toBeGreaterThan(0);
    expect(model.effective_book.trend.length).toBeGreaterThanOrEqual(4);
    const wave = model.holdouts.by_trigger.find((r) => r.holdout_percent === 20);
    expect(wave?.held_out.accounts).toBeGreaterThanOrEqual(20);
    expect(wave?.enough_data).toBe(true);
    expect(wave?.lift).not.toBeNull();
  });

  it('measures response rates and time to insight against the NPS baseline', () => {
    expect(model.engagement.baseline.survey_response_rate).toBe(0.09);
    const pulse = model.engagement.moments.find((m) => m.moment === 'health_pulse');
    expect(pulse?.response_rate).toBeGreaterThan(0.3);
    expect(pulse?.time_to_insight_hours).not.toBeNull();
  });
});

/** A fresh secret key for the demo workspace (the demo's own key is never shown). */
async function keyFor(t: TestApp, workspaceId: string): Promise<string> {
  const { rotateSecretKey } = await import('@candor/api/workspaces/api-keys');
  const rotated = await rotateSecretKey(t.deps, { id: workspaceId }, 'system:test');
  return rotated.secret_key;
}
