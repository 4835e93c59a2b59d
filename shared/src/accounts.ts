import { z } from 'zod';
import { attributes, batchOf, externalId } from './batch';

/** One account in `POST /v1/accounts`. Omitted fields keep their stored value; `null` clears one. */
export const accountInput = z.strictObject({
  id: externalId.describe('Your id for the account; the upsert key.'),
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(200).describe('Display name.'),
  arr: z
    .number()
    .nonnegative()
    .max(1e12)
    .nullish()
    .describe('Annual recurring revenue in whole currency units (stored as integer cents).'),
  plan: z.string().max(100).nullish().describe('Plan or tier.'),
  renewal_date: z.iso.date({ error: 'must be a date as YYYY-MM-DD' }).nullish().describe('Next renewal, YYYY-MM-DD.'),
  owner_email: z.email().max(320).nullish().describe('Email of the owning CSM.'),
  ae_email: z.email().max(320).nullish().describe('Email of the account executive (sales owner).'),
  lifecycle_stage: z.string().max(100).nullish().describe('Your lifecycle stage, e.g. onboarding, adopted, renewing.'),
  attributes: attributes.optional().describe('Free-form JSON; merged key by key into the stored attributes.'),
});
export type AccountInput = z.infer<typeof accountInput>;

/** Body of `POST /v1/accounts`. */
export const upsertAccountsBody = z.strictObject({ accounts: batchOf(accountInput, 'accounts') });
export type UpsertAccountsBody = z.infer<typeof upsertAccountsBody>;

/** What an upsert did to each item, in request order (repeated ids are merged into one). */
export const upsertOutcome = z.object({
  id: z.string().describe('Your external id.'),
  status: z.enum(['created', 'updated']),
});

/** Answer of `POST /v1/accounts`. */
export const upsertAccountsResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  accounts: z.array(upsertOutcome),
});
export type UpsertAccountsResult = z.infer<typeof upsertAccountsResult>;

/** An account as the server API shows it. */
export const accountView = z.object({
  id: z.string().describe('Your external id.'),
  name: z.string(),
  arr: z.number().nullable().describe('Whole currency units.'),
  plan: z.string().nullable(),
  renewal_date: z.string().nullable(),
  owner_email: z.string().nullable(),
  ae_email: z.string().nullable(),
  lifecycle_stage: z.string().nullable(),
  health_state: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  last_touch_at: z.string().nullable().describe('Latest `csm_touch` event for the account (ISO date-time).'),
  created_at: z.string(),
  updated_at: z.string(),
});
export type AccountView = z.infer<typeof accountView>;
