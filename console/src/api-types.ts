/** Shapes the console API answers with (api/src/routes/console-*.ts). */

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

/** A brief regenerating in the background (POST /accounts/:id/brief/runs, GET /brief-runs/:id). */
export type BriefRun = {
  id: string;
  kind: 'renewal' | 'weekly_briefing';
  status: 'queued' | 'running' | 'done' | 'failed';
  stage: string;
  steps_done: number;
  steps_total: number;
  progress: number;
  brief_id: string | null;
  brief_version: number | null;
  mode: 'ai' | 'rules' | null;
  error: string | null;
};

export type AccountDetail = {
  account: AccountRow & { lifecycle_stage: string | null; health_reasons: HealthReason[] };
  contacts: ContactRow[];
  timeline: TimelineItem[];
  usage: { last_30d: number; previous_30d: number; top: { name: string; count: number }[] };
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

/** What the interviewer decided for one reply, and why. */
export type TurnDecision = {
  action: string;
  topic_index: number;
  why: string;
  reason?: string;
  decided_by?: 'rules' | 'judgement' | 'rules_after_failed_judgement';
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
  kpis: {
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

export type Insights = {
  signal_counts: { kind: string; count: number }[];
  churn_reasons: { label: string; count: number; quote: string | null }[];
  trend: { week: string; churn: number; expansion: number; feature: number }[];
  expansion: {
    account_id: string | null;
    account_name: string | null;
    label: string;
    /** Null once the retention policy erased it. */
    quote: string | null;
    interview_id: string;
    at: string;
  }[];
  feature_requests: { label: string; count: number; accounts: number; quote: string | null }[];
};

export type GuideRow = {
  id: string;
  name: string;
  moment: string;
  current_version: number;
  versions: number;
  archived: boolean;
  updated_at: string;
  interviews: number;
};

export type GuideDetail = {
  guide: GuideRow;
  versions: { id: string; version: number; created_at: string; definition: Record<string, unknown> }[];
};

export type TriggerRow = {
  id: string;
  name: string;
  enabled: boolean;
  guide_id: string;
  guide_name: string | null;
  rule: Record<string, unknown>;
  invited: number;
  skipped: number;
  started: number;
  completed: number;
};

export type OutboxRow = {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  status: string;
  created_at: string;
};

/** One email; sign-in, interview and unsubscribe links come redacted (`redacted_links` of them). */
export type OutboxEmail = OutboxRow & { from_address: string; html: string; text: string; redacted_links: number };

/** A fresh sign-in link from "Resend invite", shown once to the admin who asked. */
export type ResentInvite = { id: string; email: string; role: Role; url: string };

/** One open review item as the console shows it: the reason in words and the customer's words. */
export type ReviewQueueItem = {
  id: string;
  account: { id: string; name: string };
  kind: string;
  kind_label: string;
  reason: string;
  quote: string | null;
  interview_id: string | null;
  message_id: string | null;
  status: 'open' | 'snoozed';
  snoozed_until: string | null;
  assignee: { id: string; name: string | null; email: string } | null;
  assigned_to_me: boolean;
  created_at: string;
};
