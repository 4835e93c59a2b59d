/** Shapes the console API answers with (api/src/routes/console-*.ts), for routes not yet in api-schema.d.ts. */

import type { Schemas } from './api';

export type Role = 'admin' | 'csm';
export type Me = {
  member: { id: string; email: string; name: string | null; role: Role };
  workspace?: { id: string; name: string };
};

export type Paged<T> = { items: T[]; total: number; page: number; page_size: number };

export type AccountRow = {
  id: string;
  external_id: string;
  name: string;
  arr_cents: number | null;
  plan: string | null;
  renewal_date: string | null;
  owner_email: string | null;
  ae_email: string | null;
  health_state: string;
  last_touch_at: string | null;
};

export type HealthReason = {
  label: string;
  detail: string | null;
  quote: string | null;
  interview_id: string | null;
  message_id: string | null;
};

export type ContactRow = {
  id: string;
  external_id: string;
  name: string | null;
  email: string | null;
  role: string | null;
  opted_out: boolean;
};

export type TimelineItem = {
  kind: 'event' | 'interview' | 'signal';
  id: string;
  at: string;
  title: string;
  detail: string | null;
  interview_id: string | null;
};

export type BriefSection = {
  heading: string;
  items: {
    text: string;
    quote?: string | null;
    interview_id?: string | null;
    message_id?: string | null;
    /** The account the item is about (weekly briefing): the text starts with its name. */
    account_id?: string;
    account?: string;
    /** The person the claim rested on was erased: its words are gone. */
    erased?: boolean;
  }[];
};

/** A person the account's interviews speak of: someone who answered, or someone they named. */
export type Stakeholder = {
  name: string | null;
  role: string | null;
  part: 'champion' | 'economic_buyer' | null;
  /** "left last month", "new CFO"; null when nothing changed. */
  change: string | null;
  answered: boolean;
  mentioned_by: string[];
  evidence: { signal_id: string; quote: string; interview_id: string; message_id: string } | null;
};

export type AccountDetail = {
  account: AccountRow & { lifecycle_stage: string | null; health_reasons: HealthReason[] };
  contacts: ContactRow[];
  stakeholders: Stakeholder[];
  timeline: TimelineItem[];
  usage: { last_30d: number; previous_30d: number; top: { name: string; count: number }[] };
  /** The account's scores over the last year. */
  ratings: Pick<RatingReport, 'overall' | 'weekly' | 'detractor_reasons'>;
  brief: {
    id: string;
    version: number;
    status: string;
    mode: string;
    /** ai mode: the synthesis model and prompt version; rules after a model failure: why. */
    model?: string | null;
    prompt_version?: string | null;
    fallback_reason?: string | null;
    created_at: string;
    sections: BriefSection[];
    /** Interviews answered since this version was written (a refresh follows within a minute when due). */
    new_answers: number;
    /** The newest generation since this version that came out empty, kept as a record. */
    failed_attempt: { version: number; created_at: string; fallback_reason: string | null } | null;
  } | null;
};

export type InterviewRow = {
  id: string;
  status: string;
  mode: string;
  channel: string;
  guide_name: string;
  contact_name: string | null;
  contact_email: string | null;
  account_id: string | null;
  account_name: string | null;
  invited_at: string;
  ended_at: string | null;
  signal_count: number;
};

export type SignalRow = {
  id: string;
  kind: string;
  label: string;
  value: Record<string, unknown>;
  /** A CSM changed it; re-extraction keeps it as they left it. */
  corrected: boolean;
  quote: string;
  message_id: string;
  confidence: number;
  source: string;
};

export type Transcript = {
  interview: InterviewRow & {
    started_at: string | null;
    guide_version: number | null;
    /** Set when the retention policy erased the words. */
    transcript_erased_at?: string | null;
    /** The language the interview started in; null until it starts. */
    language?: string | null;
  };
  messages: {
    id: string;
    seq: number;
    role: 'interviewer' | 'customer';
    text: string;
    created_at: string;
    /** On interviewer replies: what the turn policy decided and why (shared/src/turn-decision.ts). */
    decision: TurnDecision | null;
  }[];
  signals: SignalRow[];
};

export type TeamRow = {
  /** Null: the accounts no one owns. */
  owner_email: string | null;
  name: string | null;
  accounts: number;
  arr_cents: number;
  accounts_at_risk: number;
  arr_at_risk_cents: number;
  interviews_completed: number;
  open_reviews: number;
};

/** What the interviewer decided for one reply, and why. */
export type TurnDecision = {
  action: string;
  topic_index: number;
  why: string;
  reason?: string;
  decided_by?: 'rules' | 'judgement' | 'rules_after_failed_judgement' | 'forced' | 'reply_tag';
  judgement?: {
    quality: 'specific' | 'vague' | 'off_topic';
    reason_reached: boolean;
    worth_probing: boolean;
    statement: 'value' | 'churn' | 'other';
    intent: 'continue' | 'wants_human' | 'wants_stop' | 'asks_question' | 'confused';
    language: string;
  };
  judgement_failure?: string;
  probes?: { used: number; cap: number };
  corrected?: string;
};

export type HomeData = {
  /** `book`: the signed-in CSM's accounts; `team`: the whole workspace (admins). */
  scope: 'book' | 'team';
  team: { rows: TeamRow[]; total: number } | null;
  kpis: {
    accounts: number;
    arr_cents: number;
    invited_30d: number;
    started_30d: number;
    completed_30d: number;
    response_rate: number | null;
    completion_rate: number | null;
    interviews_this_week: number;
    accounts_at_risk: number;
    arr_at_risk_cents: number;
    at_risk_states: string[];
  };
  review_queue: {
    id: string;
    kind: string;
    reason: string;
    status: string;
    account_id: string;
    account_name: string;
    created_at: string;
    assigned_to_me: boolean;
  }[];
  briefing: { created_at: string; week_of: string | null; time_zone: string | null; sections: BriefSection[] } | null;
};

export type InsightsFilters = {
  owner: string | null;
  plan: string | null;
  moment: string | null;
  /** YYYY-MM-DD, both days included. */
  from: string;
  to: string;
};

export type Insights = {
  filters: InsightsFilters;
  /** The 12 trend weeks (Mondays, YYYY-MM-DD), oldest first. */
  weeks: string[];
  signal_counts: { kind: string; count: number }[];
  churn_reasons: {
    reason: string;
    label: string;
    count: number;
    accounts: number;
    arr_at_risk_cents: number;
    quote: string | null;
    weekly: { week: string; signals: number; arr_at_risk_cents: number }[];
  }[];
  churn_reasons_total: number;
  feature_requests: { label: string; count: number; accounts: number; arr_cents: number; quote: string | null }[];
  expansion: Paged<{
    account_id: string;
    account_name: string;
    arr_cents: number | null;
    signals: number;
    label: string;
    /** Null once the retention policy erased it. */
    quote: string | null;
    interview_id: string;
    at: string;
  }>;
};

/** Scores on one scale (api/src/synthesis/rating-report.ts): `score` is NPS for nps, else the average. */
export type RatingReport = Schemas['RatingReport'];
export type RatingFigures = RatingReport['overall'][number];
export type DetractorReason = RatingReport['detractor_reasons'][number];
