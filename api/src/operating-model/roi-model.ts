/** Inputs of the ROI model; money in integer cents, lifts in percentage points. */
export type RoiInputs = {
  customers: number;
  acv_cents: number;
  current_csms: number;
  csm_loaded_cost_cents: number;
  /** The systemized team: its headcount and its total loaded cost. */
  future_csms: number;
  future_team_cost_cents: number;
  ai_layer_cost_cents: number;
  grr_lift_points: number;
  nrr_lift_points: number;
};

/** One step of the ROI waterfall. */
export type RoiStep = { label: string; cents: number; how: string };

export type RoiResult = {
  arr_cents: number;
  current_cost_cents: number;
  future_cost_cents: number;
  savings_cents: number;
  grr_value_cents: number;
  nrr_value_cents: number;
  total_impact_cents: number;
  /** Total annual impact per dollar spent on the AI layer (30 means 30:1). */
  return_ratio: number | null;
  steps: RoiStep[];
};

const dollars = (cents: number) => `$${Math.round(cents / 100).toLocaleString('en-US')}`;

/**
 * Seed 002's model: cost saved by moving from the current team to a smaller senior team
 * plus an AI layer, plus the ARR preserved by the GRR lift and added by the NRR lift (the
 * seed adds both lifts, and so do we), over the AI layer's cost.
 */
export function roiModel(i: RoiInputs): RoiResult {
  const arr = i.customers * i.acv_cents;
  const current = i.current_csms * i.csm_loaded_cost_cents;
  const future = i.future_team_cost_cents + i.ai_layer_cost_cents;
  const savings = current - future;
  const grrValue = Math.round((arr * i.grr_lift_points) / 100);
  const nrrValue = Math.round((arr * i.nrr_lift_points) / 100);
  const total = savings + grrValue + nrrValue;
  return {
    arr_cents: arr,
    current_cost_cents: current,
    future_cost_cents: future,
    savings_cents: savings,
    grr_value_cents: grrValue,
    nrr_value_cents: nrrValue,
    total_impact_cents: total,
    return_ratio: i.ai_layer_cost_cents > 0 ? total / i.ai_layer_cost_cents : null,
    steps: [
      {
        label: 'Cost saved',
        cents: savings,
        how: `${i.current_csms} CSMs × ${dollars(i.csm_loaded_cost_cents)} = ${dollars(current)} − (${i.future_csms} CSMs at ${dollars(i.future_team_cost_cents)} + AI layer ${dollars(i.ai_layer_cost_cents)})`,
      },
      {
        label: `GRR +${i.grr_lift_points} pts`,
        cents: grrValue,
        how: `${i.grr_lift_points}% of ${dollars(arr)} ARR (${i.customers} customers × ${dollars(i.acv_cents)})`,
      },
      { label: `NRR +${i.nrr_lift_points} pts`, cents: nrrValue, how: `${i.nrr_lift_points}% of ${dollars(arr)} ARR` },
    ],
  };
}

/**
 * The same model with every benefit assumption scaled by `factor` (0.5 = "every assumption
 * halved": half the cost saving, half of each lift), the AI layer's cost unchanged.
 */
export function scaledBenefits(i: RoiInputs, factor: number): RoiInputs {
  const current = i.current_csms * i.csm_loaded_cost_cents;
  const savings = current - i.future_team_cost_cents - i.ai_layer_cost_cents;
  return {
    ...i,
    future_team_cost_cents: Math.round(current - savings * factor - i.ai_layer_cost_cents),
    grr_lift_points: i.grr_lift_points * factor,
    nrr_lift_points: i.nrr_lift_points * factor,
  };
}

/** Rows of the sensitivity table: benefits at 25–100 % and the AI layer at 1× and 2× its cost. */
export function roiSensitivity(i: RoiInputs) {
  const rows: {
    benefit_factor: number;
    ai_cost_factor: number;
    total_impact_cents: number;
    return_ratio: number | null;
  }[] = [];
  for (const ai of [1, 2])
    for (const f of [1, 0.75, 0.5, 0.25]) {
      const scaled = scaledBenefits(i, f);
      const r = roiModel({ ...scaled, ai_layer_cost_cents: i.ai_layer_cost_cents * ai });
      rows.push({
        benefit_factor: f,
        ai_cost_factor: ai,
        total_impact_cents: r.total_impact_cents,
        return_ratio: r.return_ratio,
      });
    }
  return rows;
}

/** Seed 002's worked example, as published. */
export const seedExample: RoiInputs = {
  customers: 200,
  acv_cents: 4_000_000,
  current_csms: 4,
  csm_loaded_cost_cents: 22_000_000,
  future_csms: 2,
  future_team_cost_cents: 50_000_000,
  ai_layer_cost_cents: 4_800_000,
  grr_lift_points: 5,
  nrr_lift_points: 9,
};
