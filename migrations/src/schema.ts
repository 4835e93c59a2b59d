import type {
  BriefContent,
  BriefKind,
  BriefMode,
  BriefRunKind,
  BriefStatus,
  GuideBodyInput,
  HealthReason,
  HealthState,
  ReviewEvidence,
  SignalKind,
  SignalValue,
  StoredInterviewState,
  WorkspaceSettingsDocument,
} from '@candor/shared';
import type {
  ColumnType,
  Generated,
  GeneratedAlways,
  Insertable,
  JSONColumnType,
  Selectable,
  Updateable,
} from 'kysely';

/** The database as the migrations shape it. Kept beside them; change both together. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T extends object = Record<string, unknown>> = JSONColumnType<T, T | undefined, T>;
// bigint columns come back as strings from both drivers; we write numbers.
type BigIntColumn = ColumnType<string, number | bigint | string | undefined, number | bigint | string>;
type NullableBigInt = ColumnType<
  string | null,
  number | bigint | string | null | undefined,
  number | bigint | string | null
>;
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;

export interface InstanceSettingsTable {
  key: string;
  value: string;
  created_at: CreatedAt;
}

export interface WorkspacesTable {
  id: Generated<string>;
  name: string;
  timezone: Generated<string>;
  identity_secret: string;
  /** 0013: on by default; false is the console's explicit "test mode" (unsigned identities accepted). */
  identity_verification: Generated<boolean>;
  settings: Json<WorkspaceSettingsDocument>;
  is_demo: Generated<boolean>;
  created_at: CreatedAt;
  /** 0010: 'ai' uses the model when one is configured; 'scripted' never does. */
  interviewer_mode: Generated<'ai' | 'scripted'>;
  /** 0010: days a transcript keeps its words; null = kept. */
  retention_days: number | null;
  /** 0023: the interview language when neither the contact nor their browser names one. */
  default_language: Generated<InterviewLanguageColumn>;
}

/** 0023: the six interview languages (shared's `interviewLanguages`). */
export type InterviewLanguageColumn = 'en' | 'de' | 'fr' | 'es' | 'pt' | 'ja';

export interface ApiKeysTable {
  id: Generated<string>;
  workspace_id: string;
  kind: 'secret' | 'publishable';
  display_prefix: string;
  key_hash: string;
  created_at: CreatedAt;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  /** 0010: the readable key, for publishable keys only (they are public by design). */
  plaintext: string | null;
}

export interface AccountsTable {
  id: Generated<string>;
  workspace_id: string;
  external_id: string;
  name: string;
  arr_cents: NullableBigInt;
  plan: string | null;
  renewal_date: DateColumn;
  owner_email: string | null;
  lifecycle_stage: string | null;
  health_state: Generated<HealthState>;
  health_reasons: Json<HealthReason[]>;
  attributes: Json;
  last_touch_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** 0019: the account's sales owner (AE), beside the CSM owner. */
  ae_email: string | null;
  /** 0036: a digest of the inputs the last health evaluation read; null before the first. */
  health_inputs: string | null;
  /** 0036: when health was last evaluated on inputs other than the stored ones. */
  health_evaluated_at: NullableTimestamp;
  /**
   * 0042: the earliest time the stored inputs could change health with no new data ('infinity'
   * when they cannot, which reads back as an invalid Date); null before the first evaluation.
   */
  health_recheck_at: NullableTimestamp;
}

export interface ContactsTable {
  id: Generated<string>;
  workspace_id: string;
  account_id: string | null;
  external_id: string;
  email: string | null;
  name: string | null;
  role: string | null;
  timezone: string | null;
  locale: string | null;
  attributes: Json;
  opted_out_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface EventsTable {
  id: Generated<string>;
  workspace_id: string;
  account_id: string | null;
  contact_id: string | null;
  name: string;
  properties: Json;
  occurred_at: Timestamp;
  received_at: CreatedAt;
  message_id: string | null;
}

/** Usage events per account per UTC day, kept by triggers on `events` (migration 0016). */
export interface AccountDailyUsageTable {
  workspace_id: string;
  account_id: string;
  /** 'YYYY-MM-DD' (UTC). */
  day: string;
  usage_events: number;
}

/**
 * 0042: accounts with new usage or signals since their last health evaluation, written by
 * triggers on the usage rollup and on signals; the health pass deletes what it reads.
 */
export interface AccountHealthDueTable {
  account_id: string;
  workspace_id: string;
}

export interface GuidesTable {
  id: Generated<string>;
  workspace_id: string;
  template_key: string | null;
  name: string;
  moment: string;
  current_version: Generated<number>;
  archived_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface GuideVersionsTable {
  id: Generated<string>;
  workspace_id: string;
  guide_id: string;
  version: number;
  /** Read through shared's `guideBodySchema`, which fills what older versions lack. */
  definition: Json<GuideBodyInput>;
  created_at: CreatedAt;
}

export interface TriggersTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  guide_id: string;
  enabled: Generated<boolean>;
  rule: Json;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type InterviewStatus = 'invited' | 'started' | 'completed' | 'abandoned' | 'expired' | 'declined';

export interface InterviewsTable {
  id: Generated<string>;
  workspace_id: string;
  guide_id: string;
  guide_version_id: string;
  account_id: string | null;
  contact_id: string | null;
  trigger_id: string | null;
  channel: 'in_app' | 'email';
  status: Generated<InterviewStatus>;
  mode: Generated<'ai' | 'scripted'>;
  /** Read through shared's `interviewStateSchema`, which fills what older states lack. */
  state: Json<StoredInterviewState>;
  prompt_tokens: Generated<number>;
  completion_tokens: Generated<number>;
  cost_micros: BigIntColumn;
  invited_at: Timestamp;
  shown_at: NullableTimestamp;
  started_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  last_activity_at: Timestamp;
  expires_at: NullableTimestamp;
  /** 0010: when the retention job erased this transcript's words. */
  transcript_erased_at: NullableTimestamp;
  /** 0017: why this interview's signals came from the rules although a model is configured. */
  extraction_fallback_reason: string | null;
  /** 0023: the language chosen at start (contact locale → browser → workspace default); null before. */
  language: InterviewLanguageColumn | null;
}

export interface InvitationsTable {
  id: Generated<string>;
  workspace_id: string;
  trigger_id: string | null;
  guide_id: string;
  contact_id: string | null;
  account_id: string | null;
  interview_id: string | null;
  channel: string;
  decision: 'invited' | 'skipped';
  skip_reason: string | null;
  dedupe_key: string | null;
  created_at: CreatedAt;
}

export interface MessagesTable {
  id: Generated<string>;
  workspace_id: string;
  interview_id: string;
  seq: number;
  role: 'interviewer' | 'customer';
  text: string;
  client_id: string | null;
  reply_to: string | null;
  mode: 'ai' | 'scripted' | null;
  model: string | null;
  prompt_tokens: Generated<number>;
  completion_tokens: Generated<number>;
  /** On interviewer replies: what the turn policy decided and why (see migration 0020). */
  decision: ColumnType<TurnDecisionRecord | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

/**
 * What the turn policy decided for one reply, and why; judged AI turns add the judgement,
 * probe counts and corrections (shared/src/turn-decision.ts has the whole shape).
 */
export type TurnDecisionRecord = {
  action: string;
  topic_index: number;
  why: string;
  reason?: string;
  [judged: string]: unknown;
};

export interface SignalsTable {
  id: Generated<string>;
  workspace_id: string;
  interview_id: string;
  account_id: string | null;
  contact_id: string | null;
  kind: SignalKind;
  value: Json<SignalValue>;
  quote: string;
  message_id: string;
  confidence: Generated<number>;
  source: 'ai' | 'rules';
  model: string | null;
  prompt_version: string | null;
  created_at: CreatedAt;
  /** 0017: when a CSM changed this signal's kind or value (re-extraction keeps it). */
  corrected_at: NullableTimestamp;
  /** 0025: on a rating, the customer's answer to the "why" that followed it. */
  reason_message_id: Generated<string | null>;
  /** 0037: a feature request's grouping key, kept by the database from its summary or quote. */
  feature_key: GeneratedAlways<string | null>;
}

export interface BriefsTable {
  id: Generated<string>;
  workspace_id: string;
  kind: BriefKind;
  subject_id: string;
  version: number;
  status: Generated<BriefStatus>;
  mode: BriefMode;
  /** Parsed with its kind's schema (shared's `briefContentSchemas`) before it is stored. */
  content: Json<BriefContent>;
  model: string | null;
  prompt_tokens: Generated<number>;
  completion_tokens: Generated<number>;
  created_at: CreatedAt;
  /** 0009: the prompt version a model-written brief used (null for rules). */
  prompt_version: string | null;
  /** 0009: why a model run fell back to rules (no customer text), or null. */
  fallback_reason: string | null;
  cost_micros: BigIntColumn;
  /** 0009: the calls behind the brief (map digests computed and reused, the reduce call). */
  generation: Json;
}

/** 0009: the cached per-account "map" digest of a set of signals. */
export interface SynthesisDigestsTable {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  cache_key: string;
  prompt_version: string;
  model: string;
  signal_ids: Json<string[]>;
  content: Json;
  prompt_tokens: Generated<number>;
  completion_tokens: Generated<number>;
  cost_micros: BigIntColumn;
  created_at: CreatedAt;
}

/** 0009: a brief or briefing being regenerated in the background, with its progress. */
export interface SynthesisRunsTable {
  id: Generated<string>;
  workspace_id: string;
  kind: BriefRunKind;
  subject_id: string;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  stage: Generated<string>;
  steps_done: Generated<number>;
  steps_total: Generated<number>;
  brief_id: string | null;
  error: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface MembersTable {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  name: string | null;
  role: 'admin' | 'csm';
  user_id: string | null;
  created_at: CreatedAt;
  /** 0017: the CSM's time zone for the weekly briefing (null: the workspace's). */
  timezone: string | null;
}

/** 0017: a CSM's correction of one signal (change of kind or value, or dismissal). */
export interface SignalCorrectionsTable {
  id: Generated<string>;
  workspace_id: string;
  interview_id: string;
  signal_id: string;
  message_id: string;
  action: 'change' | 'dismiss';
  from_kind: SignalKind;
  from_value: Json<SignalValue>;
  to_kind: SignalKind | null;
  to_value: Json<SignalValue> | null;
  from_source: string;
  member_id: string | null;
  created_at: CreatedAt;
}

export interface ReviewItemsTable {
  id: Generated<string>;
  workspace_id: string;
  account_id: string;
  kind: string;
  reason: string;
  evidence: Json<ReviewEvidence[]>;
  status: Generated<'open' | 'snoozed' | 'done'>;
  snoozed_until: NullableTimestamp;
  assignee_member_id: string | null;
  dedupe_key: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface OutboxEmailsTable {
  id: Generated<string>;
  workspace_id: string | null;
  kind: string;
  to_address: string;
  from_address: string;
  subject: string;
  html: string;
  text: string;
  headers: Json<Record<string, string>>;
  transport: string;
  status: Generated<string>;
  provider_id: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: NullableTimestamp;
}

export interface WebhookEndpointsTable {
  id: Generated<string>;
  workspace_id: string;
  url: string;
  secret: string;
  event_types: string[];
  enabled: Generated<boolean>;
  created_at: CreatedAt;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  workspace_id: string;
  endpoint_id: string;
  event_type: string;
  payload: Json;
  status: Generated<string>;
  attempts: Generated<number>;
  last_status_code: number | null;
  last_error: string | null;
  created_at: CreatedAt;
  delivered_at: NullableTimestamp;
  /** 0007: dedupes one event per endpoint (NULL = never deduped). */
  event_key: string | null;
  last_attempt_at: NullableTimestamp;
  next_attempt_at: NullableTimestamp;
}

export interface IdempotencyKeysTable {
  workspace_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<string>;
  workspace_id: string | null;
  actor: string;
  action: string;
  target: string | null;
  details: Json;
  created_at: CreatedAt;
}

// Member sign-in (0002): better-auth's models in snake_case.
export interface AuthUsersTable {
  id: string;
  name: string;
  email: string;
  email_verified: Generated<boolean>;
  image: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** rate-limiter-flexible's Postgres store; `expire` is epoch milliseconds. */
export interface RateLimitsTable {
  key: string;
  points: Generated<number>;
  expire: string | null;
}

export interface AuthSessionsTable {
  id: string;
  /** SHA-256 (base64url) of the session token; the token itself is only in the cookie. */
  token: string;
  user_id: string;
  workspace_id: string | null;
  expires_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AuthAccountsTable {
  id: string;
  account_id: string;
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: NullableTimestamp;
  refresh_token_expires_at: NullableTimestamp;
  scope: string | null;
  password: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AuthVerificationsTable {
  id: string;
  identifier: string;
  value: string;
  workspace_id: string | null;
  expires_at: Timestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ReleasesTable {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  notes: Generated<string>;
  features: Json<string[]>;
  released_on: string;
  created_at: CreatedAt;
}

/** 0019: a workspace's Slack, HubSpot or Salesforce connection. */
export interface ConnectorsTable {
  id: Generated<string>;
  workspace_id: string;
  kind: 'slack' | 'hubspot' | 'salesforce';
  enabled: Generated<boolean>;
  settings: Json;
  /** AES-256-GCM sealed JSON (connectors/credentials.ts); never answered by any API. */
  credentials: string;
  last_synced_at: NullableTimestamp;
  /** 0039: why the credentials stopped working; set, the connector waits for new ones. */
  auth_error: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** 0038: keyed digests of an erased person's email and external id, never the values. */
export interface ErasedContactsTable {
  workspace_id: string;
  digest: string;
  created_at: CreatedAt;
}

/** 0019: one action sent (or to be sent) through a connector, with its attempts. */
export interface ConnectorDeliveriesTable {
  id: Generated<string>;
  workspace_id: string;
  connector_id: string;
  action: Json;
  event_key: string | null;
  status: Generated<'pending' | 'delivering' | 'retrying' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: NullableTimestamp;
  next_attempt_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  created_at: CreatedAt;
}

/** 0019: one step a play took for one signal, with its outcome. */
export interface PlayStepsTable {
  id: Generated<string>;
  workspace_id: string;
  trigger_id: string;
  step: number;
  step_type: string;
  signal_key: string;
  account_id: string | null;
  outcome: 'done' | 'queued' | 'skipped' | 'failed';
  detail: string | null;
  created_at: CreatedAt;
  /** 0032: a webhook step's delivery, whose status is the step's outcome. */
  webhook_delivery_id: string | null;
}

/** 0032: a message a play left for one contact, shown once by the widget. */
export interface InAppMessagesTable {
  id: Generated<string>;
  workspace_id: string;
  contact_id: string;
  trigger_id: string | null;
  play_step_id: string | null;
  title: string;
  body: string;
  link_url: string;
  link_label: string | null;
  created_at: CreatedAt;
  shown_at: NullableTimestamp;
  dismissed_at: NullableTimestamp;
  clicked_at: NullableTimestamp;
}

/** 0018: one renewal period's result for an account, ARR in integer cents. */
export interface RenewalOutcomesTable {
  id: Generated<string>;
  workspace_id: string;
  external_id: string;
  account_id: string;
  outcome: 'renewed' | 'churned' | 'contracted' | 'expanded';
  occurred_on: string;
  arr_before_cents: BigIntColumn;
  arr_after_cents: BigIntColumn;
  plan: string | null;
  owner_email: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** 0018: the operating model's editable inputs, one document per workspace. */
export interface OperatingModelInputsTable {
  workspace_id: string;
  inputs: Json;
  updated_at: Timestamp;
}

/** 0040: signals per UTC day, kind and account (only those portfolio figures count), kept by triggers. */
export interface SignalDaysTable {
  workspace_id: string;
  /** 'YYYY-MM-DD' (UTC). */
  day: string;
  kind: string;
  account_id: string;
  signals: number;
  /** Churn-risk signals among them that give at least one counted churn reason. */
  churn_reasoned: number;
}

/** 0040: churn-reason rows per UTC day, reason and account, kept by triggers. */
export interface ChurnReasonDaysTable {
  workspace_id: string;
  day: string;
  reason: string | null;
  account_id: string;
  signals: number;
  /** Those with a non-empty quote. */
  quoted: number;
}

/** 0040: feature requests per UTC day, grouping key and account, kept by triggers. */
export interface FeatureRequestDaysTable {
  workspace_id: string;
  day: string;
  feature_key: string;
  account_id: string;
  signals: number;
}

/** 0041: expansion-intent signals per UTC day, account and kind of expansion, kept by triggers. */
export interface ExpansionDaysTable {
  workspace_id: string;
  day: string;
  account_id: string;
  /** The signal's `value->>'kind'`. */
  expansion_kind: string | null;
  signals: number;
}

/**
 * 0044: the invitation funnel per UTC day, trigger (null: sent by hand), guide and skip
 * reason, kept by triggers on invitations, interviews and signals.
 */
export interface FunnelDaysTable {
  workspace_id: string;
  day: string;
  trigger_id: string | null;
  guide_id: string;
  skip_reason: string | null;
  eligible: number;
  skipped: number;
  invited: number;
  shown: number;
  started: number;
  completed: number;
  actionable: number;
}

export interface Database {
  instance_settings: InstanceSettingsTable;
  workspaces: WorkspacesTable;
  releases: ReleasesTable;
  api_keys: ApiKeysTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  events: EventsTable;
  account_daily_usage: AccountDailyUsageTable;
  account_health_due: AccountHealthDueTable;
  guides: GuidesTable;
  guide_versions: GuideVersionsTable;
  triggers: TriggersTable;
  interviews: InterviewsTable;
  invitations: InvitationsTable;
  messages: MessagesTable;
  signals: SignalsTable;
  signal_days: SignalDaysTable;
  churn_reason_days: ChurnReasonDaysTable;
  feature_request_days: FeatureRequestDaysTable;
  expansion_days: ExpansionDaysTable;
  funnel_days: FunnelDaysTable;
  briefs: BriefsTable;
  synthesis_digests: SynthesisDigestsTable;
  synthesis_runs: SynthesisRunsTable;
  members: MembersTable;
  review_items: ReviewItemsTable;
  signal_corrections: SignalCorrectionsTable;
  outbox_emails: OutboxEmailsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  connectors: ConnectorsTable;
  connector_deliveries: ConnectorDeliveriesTable;
  play_steps: PlayStepsTable;
  in_app_messages: InAppMessagesTable;
  erased_contacts: ErasedContactsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  auth_users: AuthUsersTable;
  auth_sessions: AuthSessionsTable;
  rate_limits: RateLimitsTable;
  auth_accounts: AuthAccountsTable;
  auth_verifications: AuthVerificationsTable;
  renewal_outcomes: RenewalOutcomesTable;
  operating_model_inputs: OperatingModelInputsTable;
}

export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type Contact = Selectable<ContactsTable>;
export type Workspace = Selectable<WorkspacesTable>;
export type Member = Selectable<MembersTable>;
export type Interview = Selectable<InterviewsTable>;
export type Message = Selectable<MessagesTable>;
export type AccountUpdate = Updateable<AccountsTable>;
