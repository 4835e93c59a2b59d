/** Shapes the settings API answers with (api/src/routes/console-settings.ts). */

import type { Role } from '../../api-types';

export type WorkspaceSettings = {
  id: string;
  name: string;
  timezone: string;
  identity_verification: boolean;
  interviewer_mode: 'ai' | 'scripted';
  retention_days: number | null;
  /** The interview language when neither the contact's locale nor their browser names one. */
  default_language: string;
};

export type SettingsOverview = {
  workspace: WorkspaceSettings;
  public_url: string;
  languages: { code: string; name: string }[];
  keys: {
    publishable: { id: string; key: string | null; display_prefix: string; created_at: string | null } | null;
    publishable_active: number;
    secret: { id: string; display_prefix: string; created_at: string | null } | null;
  };
  retention: {
    choices: number[];
    erased_interviews: number;
    last_run: { at: string; interviews: number } | null;
  };
};

export type MemberRow = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  status: 'active' | 'invited';
  is_you: boolean;
  created_at: string;
};

export type WebhookEndpoint = {
  id: string;
  url: string;
  event_types: string[];
  enabled: boolean;
  created_at: string;
};

export type WebhookDelivery = {
  id: string;
  webhook_id: string;
  event_type: string;
  status: 'pending' | 'delivering' | 'retrying' | 'delivered' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
};

export type ModelSettings = {
  provider: { base_url: string; base_url_from_env: boolean; api_key_set: boolean; available: boolean };
  interview_model: { name: string; priced: boolean };
  synthesis_model: { name: string; priced: boolean };
  interviewer_mode: 'ai' | 'scripted';
  prices: {
    model: string;
    input_per_million: number;
    output_per_million: number;
    source: 'default' | 'CANDOR_MODEL_PRICES';
    in_use: boolean;
  }[];
  month: {
    since: string;
    interviews: number;
    ai_interviews: number;
    interview_tokens: number;
    interview_cost_micros: number;
    briefs: number;
    brief_tokens: number;
    brief_cost_micros: number;
  };
};
