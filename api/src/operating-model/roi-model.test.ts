import { describe, expect, it } from 'vitest';
import { roiModel, roiSensitivity, scaledBenefits, seedExample } from './roi-model';

describe('ROI model', () => {
  it("reproduces seed 002's worked example to the dollar", () => {
    const r = roiModel(seedExample);
    expect(r.arr_cents).toBe(800_000_000); // $8M ARR
    expect(r.current_cost_cents).toBe(88_000_000); // 4 × $220K = $880K
    expect(r.future_cost_cents).toBe(54_800_000); // $500K + $48K = $548K
    expect(r.savings_cents).toBe(33_200_000); // $332K saved
    expect(r.grr_value_cents).toBe(40_000_000); // GRR +5 points = $400K
    expect(r.nrr_value_cents).toBe(72_000_000); // NRR +9 points = $720K
    expect(r.grr_value_cents + r.nrr_value_cents).toBe(112_000_000); // $1.12M lift
    expect(r.total_impact_cents).toBe(145_200_000); // $1.452M, "$1.45M"
    expect(Math.round(r.return_ratio ?? 0)).toBe(30); // "about 30:1"
    expect(r.current_cost_cents / r.arr_cents).toBeCloseTo(0.11, 10); // 11% of ARR
    expect(r.future_cost_cents / r.arr_cents).toBeCloseTo(0.0685, 10); // 6.85% of ARR
  });

  it('stays above 10:1 with every assumption halved', () => {
    const halved = roiModel(scaledBenefits(seedExample, 0.5));
    expect(halved.savings_cents).toBe(16_600_000);
    expect(halved.grr_value_cents).toBe(20_000_000);
    expect(halved.nrr_value_cents).toBe(36_000_000);
    expect(halved.return_ratio).toBeGreaterThan(10);
    expect(halved.return_ratio).toBeCloseTo(72_600_000 / 4_800_000, 10);
  });

  it('explains each waterfall step and tabulates the sensitivity', () => {
    const r = roiModel(seedExample);
    expect(r.steps.map((s) => s.cents)).toEqual([33_200_000, 40_000_000, 72_000_000]);
    expect(r.steps[0]?.how).toContain('4 CSMs × $220,000 = $880,000');
    const table = roiSensitivity(seedExample);
    expect(table).toHaveLength(8);
    expect(table[0]).toMatchObject({ benefit_factor: 1, ai_cost_factor: 1, total_impact_cents: 145_200_000 });
    // Doubling the AI layer's cost takes another $48K off the saving and halves the ratio's base.
    const doubled = table.find((row) => row.benefit_factor === 1 && row.ai_cost_factor === 2);
    expect(doubled?.total_impact_cents).toBe(145_200_000 - 4_800_000);
    expect(doubled?.return_ratio).toBeCloseTo(140_400_000 / 9_600_000, 10);
  });
});
