import { z } from 'zod';
import { connectorKinds } from '../connector-kinds';
import { interviewLanguageSchema } from '../languages';
import { webhookEventTypes } from '../webhook-events';
import { roleSchema } from './common';

// The Settings page's API (/settings/…, admins only): api/src/routes/console-settings.ts and console-connectors.ts.

const count = z.number().int();
const interviewerModeSchema = z.enum(['ai', 'scripted']);

/** Retention periods an admin can choose for transcripts (days); null keeps them. */
export const retentionChoices = [90, 180, 365, 730] as const;

/** Destructive actions say so in the body, so a stray request changes nothing. */
export const confirmBodySchema = z.strictObject({
  confirm: z.literal(true, { error: 'send {"confirm": true}' }),
});

/** The workspace's own settings, as the Settings page edits them. */
export const workspaceSettingsSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timezone: z.string(),
    identity_verification: z.boolean(),
    interviewer_mode: interviewerModeSchema,
    retention_days: count.nullable(),
    /** The interview language when neither the contact's locale nor their browser names one. */
    default_language: interviewLanguageSchema,
  })
  .meta({ id: 'WorkspaceSettings' });

export const workspaceSettingsPatchSchema = z
  .strictObject({
    interviewer_mode: interviewerModeSchema.optional(),
    // null keeps transcripts.
    retention_days: z.literal(retentionChoices).nullable().optional(),
    identity_verification: z.boolean().optional(),
    default_language: interviewLanguageSchema.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'send at least one setting to change' });
export type WorkspaceSettingsPatch = z.infer<typeof workspaceSettingsPatchSchema>;

/** The settings a PATCH may change, as they are after it. */
export const changedWorkspaceSettingsSchema = workspaceSettingsSchema.pick({
  interviewer_mode: true,
  retention_days: true,
  identity_verification: true,
  default_language: true,
});
export type ChangedWorkspaceSettings = z.infer<typeof changedWorkspaceSettingsSchema>;

/**
 * The Settings page's first read: the workspace, its live keys (the publishable key readable,
 * the secret key as a prefix only), where the widget is served from, the languages it can
 * default to and what the retention job last did.
 */
export const settingsOverviewSchema = z
  .object({
    workspace: workspaceSettingsSchema,
    public_url: z.string(),
    keys: z.object({
      publishable: z
        .object({
          id: z.string(),
          key: z.string().nullable(),
          display_prefix: z.string(),
          created_at: z.string().nullable(),
        })
        .nullable(),
      publishable_active: count,
      secret: z.object({ id: z.string(), display_prefix: z.string(), created_at: z.string().nullable() }).nullable(),
    }),
    api_keys: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['secret', 'publishable']),
        display_prefix: z.string(),
        created_at: z.string(),
        last_used_at: z.string().nullable(),
        revoked_at: z.string().nullable(),
      }),
    ),
    languages: z.array(z.object({ code: interviewLanguageSchema, name: z.string() })),
    retention: z.object({
      choices: z.array(count),
      erased_interviews: count,
      last_run: z.object({ at: z.string(), interviews: count }).nullable(),
    }),
  })
  .meta({ id: 'SettingsOverview' });

/** A new secret key: shown once. */
export const rotatedSecretKeySchema = z.object({
  secret_key: z.string(),
  display_prefix: z.string(),
  created_at: z.string().nullable(),
});
/** A new publishable key. */
export const issuedPublishableKeySchema = z.object({
  publishable_key: z.string(),
  display_prefix: z.string(),
  created_at: z.string().nullable(),
});
/** The identity secret behind the widget's userHash. */
export const identitySecretSchema = z.object({ identity_secret: z.string() });

const pricedModel = z.object({ name: z.string(), priced: z.boolean() });
/** The model set-up an admin may see (whether a key is set, never the key) and this month's cost. */
export const modelSettingsSchema = z
  .object({
    provider: z.object({
      base_url: z.string(),
      base_url_from_env: z.boolean(),
      api_key_set: z.boolean(),
      available: z.boolean(),
    }),
    interview_model: pricedModel,
    synthesis_model: pricedModel,
    interviewer_mode: interviewerModeSchema,
    prices: z.array(
      z.object({
        model: z.string(),
        input_per_million: z.number(),
        output_per_million: z.number(),
        source: z.enum(['default', 'CANDOR_MODEL_PRICES']),
        in_use: z.boolean(),
      }),
    ),
    month: z.object({
      since: z.string(),
      interviews: count,
      ai_interviews: count,
      interview_tokens: count,
      interview_cost_micros: count,
      briefs: count,
      brief_tokens: count,
      brief_cost_micros: count,
    }),
  })
  .meta({ id: 'ModelSettings' });

/** A member: `active` once they have signed in, `invited` while their link is unused. */
export const memberRowSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: roleSchema,
    status: z.enum(['active', 'invited']),
    is_you: z.boolean(),
    created_at: z.string(),
  })
  .meta({ id: 'MemberRow' });

export const memberListSchema = z.object({ members: z.array(memberRowSchema) });
export const inviteBodySchema = z.strictObject({ email: z.string().trim().min(1).max(254), role: roleSchema });
/** The invited member; `resent` when they had been invited before and got a fresh link. */
export const invitedMemberSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  status: z.literal('invited'),
  resent: z.boolean(),
});
export const roleBodySchema = z.strictObject({ role: roleSchema });
export const memberRoleSchema = z.object({ id: z.string(), email: z.string(), role: roleSchema });

const eventTypes = z.array(z.enum(webhookEventTypes)).min(1, 'choose at least one event').max(webhookEventTypes.length);

/** A webhook endpoint (its signing secret only on request). */
export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    event_types: z.array(z.enum(webhookEventTypes)),
    enabled: z.boolean(),
    created_at: z.string(),
  })
  .meta({ id: 'SettingsWebhookEndpoint' });
/** Endpoints with the event types one can subscribe to. */
export const webhookListSchema = z.object({
  webhooks: z.array(webhookEndpointSchema),
  event_types: z.array(z.enum(webhookEventTypes)),
});
export const webhookCreateBodySchema = z.strictObject({
  url: z.string().trim().min(1).max(2048),
  event_types: eventTypes,
});
/** The new endpoint with its signing secret, answered this once. */
export const createdWebhookSchema = webhookEndpointSchema.extend({ secret: z.string() });
export const webhookPatchBodySchema = z
  .strictObject({ enabled: z.boolean().optional(), event_types: eventTypes.optional() })
  .refine((p) => Object.keys(p).length > 0, { message: 'send enabled or event_types' });
export const webhookSecretSchema = z.object({ secret: z.string() });

/** One delivery of an endpoint, without its payload (it can quote customers). */
export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    webhook_id: z.string(),
    event_type: z.string(),
    status: z.enum(['pending', 'delivering', 'retrying', 'delivered', 'failed']),
    attempts: count,
    last_status_code: count.nullable(),
    last_error: z.string().nullable(),
    created_at: z.string().nullable(),
    last_attempt_at: z.string().nullable(),
    next_attempt_at: z.string().nullable(),
    delivered_at: z.string().nullable(),
  })
  .meta({ id: 'SettingsWebhookDelivery' });
export const webhookDeliveriesSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });
export const webhookTestSchema = z.object({ delivery_id: z.string() });

/** A connector as the console sees it: never its credentials. */
export const connectorViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(connectorKinds),
    enabled: z.boolean(),
    settings: z.record(z.string(), z.unknown()),
    last_synced_at: z.string().nullable(),
    /** Set when the credentials stopped working and could not be renewed: Settings asks for new ones. */
    auth_error: z.string().nullable(),
    updated_at: z.string(),
  })
  .meta({ id: 'ConnectorView' });
export type ConnectorView = z.infer<typeof connectorViewSchema>;

/** Every connector with its settings, and the kinds one can add. */
export const connectorListSchema = z.object({
  connectors: z.array(connectorViewSchema),
  kinds: z.array(z.enum(connectorKinds)),
});
/** Credentials are required the first time and optional after (omitted: the sealed ones are kept). */
export const connectorSaveBodySchema = z.strictObject({
  credentials: z.record(z.string(), z.unknown()).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
});
export type ConnectorSaveBody = z.infer<typeof connectorSaveBodySchema>;

/** What the vendor answered a test call. */
export const connectorTestSchema = z.object({ ok: z.boolean(), message: z.string() });

const syncTotals = { created: count, updated: count };
/** What a CRM sync did (contacts when their sync is on), or the vendor's refusal. */
export const connectorSyncSchema = z.union([
  z.object({
    ok: z.literal(true),
    ...syncTotals,
    contacts: z.object({ ...syncTotals, unchanged: count, skipped: count }).optional(),
  }),
  z.object({ ok: z.literal(false), message: z.string(), ...syncTotals }),
]);

/** One message a connector delivered or is retrying, named by its recipient only. */
export const connectorDeliverySchema = z
  .object({
    id: z.string(),
    action: z.string(),
    summary: z.string(),
    status: z.enum(['pending', 'delivering', 'retrying', 'delivered', 'failed']),
    attempts: count,
    last_status_code: count.nullable(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
    next_attempt_at: z.string().nullable(),
  })
  .meta({ id: 'ConnectorDelivery' });
export const connectorDeliveriesSchema = z.object({ deliveries: z.array(connectorDeliverySchema) });
