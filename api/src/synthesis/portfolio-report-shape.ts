/**
 * What a portfolio report holds: built by `portfolio-report.ts` and narrated by
 * `ai/portfolio-report-ai.ts`; kept apart so the narrator need not import the builder.
 */
export type Evidence = { quote: string; interview_id: string; message_id: string };
export type AccountRef = { id: string; external_id: string; name: string; arr: number | null };

export type PortfolioReport = {
  window_days: number;
  owner: string | null;
  plan: string | null;
  mode: 'ai' | 'rules';
  /** How many entries each list holds in all; the report carries the first `limit`. */
  totals: { churn_reasons: number; expansion_pipeline: number; feature_requests: number };
  limit: number;
  churn_reasons: {
    reason: string;
    label: string;
    count: number;
    share: number;
    accounts: number;
    arr_at_risk: number;
    weekly: { week: string; count: number }[];
    quotes: Evidence[];
  }[];
  expansion_pipeline: ExpansionEntry[];
  feature_requests: FeatureRequestEntry[];
};
export type ExpansionEntry = {
  account: AccountRef;
  kind: string;
  label: string;
  size: string | null;
  timing: string | null;
  evidence: Evidence;
  at: string;
  signals: number;
};
export type FeatureRequestEntry = {
  summary: string;
  count: number;
  /** The largest accounts asking (at most five); `account_count` counts them all. */
  accounts: AccountRef[];
  account_count: number;
  arr: number;
  quotes: Evidence[];
};
