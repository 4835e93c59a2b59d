/** The answer of GET /console/api/operating-model (same as GET /v1/operating-model). */
export type Layer = 'self_service' | 'automated' | 'ai_augmented' | 'human_led';
export type Interval = { estimate: number; low: number; high: number };
export type Arm = {
  accounts: number;
  renewals: number;
  renewal_rate: number | null;
  grr: number | null;
  nrr: number | null;
  expansion_rate: number | null;
};
export type Comparison = {
  name: string;
  treated: Arm;
  held_out: Arm;
  enough_data: boolean;
  verdict: string;
  lift: { renewal_rate: Interval; expansion_rate: Interval; grr: Interval; nrr: Interval } | null;
};
export type Task = {
  name: string;
  hours_per_month: number;
  frequency: number;
  consistency: number;
  judgement: number;
  data_availability: number;
  blast_radius: number;
  target_layer: Layer;
  infrastructure: string;
};
export type ScoredTask = Task & { readiness: number; risk: number; hours_saved_per_month: number; priority: number };
export type RoiInputs = {
  customers: number;
  acv_cents: number;
  current_csms: number;
  csm_loaded_cost_cents: number;
  future_csms: number;
  future_team_cost_cents: number;
  ai_layer_cost_cents: number;
  grr_lift_points: number;
  nrr_lift_points: number;
};
export type RoiResult = {
  arr_cents: number;
  current_cost_cents: number;
  future_cost_cents: number;
  savings_cents: number;
  total_impact_cents: number;
  return_ratio: number | null;
  steps: { label: string; cents: number; how: string }[];
};
export type Inputs = {
  targets: { grr: number; nrr: number; expansion_rate: number };
  coverage: {
    csms: number | null;
    book_per_csm: number | null;
    hours_per_week: number;
    allocation: Record<string, number>;
    minutes_per_check_in: number;
  };
  tasks: Task[];
  roi: Record<string, number | null>;
  baseline: { survey_response_rate: number | null; survey_name: string };
};
export type OperatingModel = {
  generated_at: string;
  inputs: Inputs;
  book: { accounts: number; customers: number; acv_cents: number; csms: number; book_per_csm: number };
  retention: { renewals: number; grr: number | null; nrr: number | null; expansion_rate: number | null };
  effective_book: {
    headline: number | null;
    book_per_csm: number | null;
    quarter: string | null;
    csms: { csm: string; measured_accounts: number; at_target: number; share_at_target: number | null }[];
    trend: { quarter: string; effective_book: number | null; book_per_csm: number | null }[];
    how: string;
  };
  coverage: {
    csms: number;
    book_per_csm: number;
    hours_per_week: number;
    hours_saved_per_week: number;
    projected_book_per_csm: number;
    activities: {
      activity: string;
      percent: number;
      hours_per_week: number;
      current_layer: Layer;
      target_layer: Layer;
      move: string;
      capability: string | null;
      complexity: 'low' | 'medium' | 'high';
      hours_saved_per_week: number;
      basis: 'measured' | 'assumed';
      how: string;
    }[];
    top_moves: { activity: string; hours_saved_per_week: number; complexity: string; roi: number }[];
  };
  automation: { tasks: ScoredTask[]; top: ScoredTask[] };
  roi: {
    seed_example: { inputs: RoiInputs; result: RoiResult };
    own_book: {
      inputs: RoiInputs;
      result: RoiResult;
      lift_basis: 'measured' | 'assumed';
      response_rate: number | null;
      sensitivity: {
        benefit_factor: number;
        ai_cost_factor: number;
        total_impact_cents: number;
        return_ratio: number | null;
      }[];
    };
  };
  holdouts: { overall: Comparison; by_trigger: (Comparison & { trigger_id: string; holdout_percent: number })[] };
  engagement: {
    baseline: { survey_response_rate: number | null; survey_name: string };
    moments: {
      moment: string;
      invited: number;
      response_rate: number | null;
      completion_rate: number | null;
      lift_vs_baseline: number | null;
      time_to_insight_hours: { median: number; p90: number; n: number } | null;
    }[];
  };
};
