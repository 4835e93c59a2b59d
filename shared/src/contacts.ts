import { z } from 'zod';
import { upsertOutcome } from './accounts';
import { attributes, batchOf, canonicalTimeZone, externalId, isLocale } from './batch';

/** An IANA time zone, stored in its canonical spelling. */
export const timeZone = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const canonical = canonicalTimeZone(value);
    if (canonical) return canonical;
    ctx.issues.push({ code: 'custom', input: value, message: 'must be an IANA time zone such as Europe/Paris' });
    return z.NEVER;
  });

/** One contact in `POST /v1/contacts`. Omitted fields keep their stored value; `null` clears one. */
export const contactInput = z.strictObject({
  id: externalId.describe('Your id for the person; the upsert key.'),
  account_id: externalId.describe('Your id of their account; the account must exist (send it first).'),
  email: z.email().max(320).nullish(),
  name: z.string().max(200).nullish(),
  role: z.string().max(200).nullish().describe('Role or job title.'),
  timezone: timeZone.nullish().describe('IANA time zone, e.g. Europe/Paris.'),
  locale: z
    .string()
    .max(35)
    .refine(isLocale, { error: 'must be a language tag such as en or fr-CA' })
    .nullish()
    .describe('BCP 47 language tag, e.g. fr-CA.'),
  attributes: attributes.optional().describe('Free-form JSON; merged key by key into the stored attributes.'),
});
export type ContactInput = z.infer<typeof contactInput>;

/** Body of `POST /v1/contacts`. */
export const upsertContactsBody = z.strictObject({ contacts: batchOf(contactInput, 'contacts') });
export type UpsertContactsBody = z.infer<typeof upsertContactsBody>;

/** Answer of `POST /v1/contacts`. */
export const upsertContactsResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  contacts: z.array(upsertOutcome),
});
export type UpsertContactsResult = z.infer<typeof upsertContactsResult>;

/** A contact as the server API shows it. */
export const contactView = z.object({
  id: z.string().describe('Your external id.'),
  account_id: z.string().nullable().describe("Your external id of the contact's account."),
  email: z.string().nullable(),
  name: z.string().nullable(),
  role: z.string().nullable(),
  timezone: z.string().nullable(),
  locale: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  opted_out: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ContactView = z.infer<typeof contactView>;
