import { z } from 'zod';

/** What Candor can write onto a CRM company/account record. */
export const candorAccountFields = ['health', 'churn_reasons', 'last_interview_at', 'nps', 'brief_url'] as const;
export type CandorAccountField = (typeof candorAccountFields)[number];

const propertyName = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, 'must be a CRM property API name (letters, digits, _)');

/**
 * A CRM connector's settings: which CRM property holds each Candor field (a field left out
 * is not written). HubSpot custom properties and Salesforce custom fields (`…__c`) alike.
 */
export const crmSettings = z.strictObject({
  fields: z.partialRecord(z.enum(candorAccountFields), propertyName).default({}),
  /**
   * An onboarding interview's answers onto the company/account, by topic key (the
   * onboarding template's goals, use_cases, stack, success_criteria, stakeholders, or a
   * custom guide's own keys) → CRM property. A topic left out is not written.
   */
  intake_fields: z
    .record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'keys must be guide topic keys (snake_case)'), propertyName)
    .refine((r) => Object.keys(r).length <= 30, 'at most 30 topics')
    .default({}),
  sync: z
    .strictObject({
      /** Accounts in on a schedule (hourly) and on "Sync now". */
      enabled: z.boolean().default(false),
      /** A CRM property holding your own account id (the one sent to /v1/accounts); unset: `<crm>_<record id>`. */
      id_property: propertyName.nullable().default(null),
      /** ARR in whole currency units; unset: HubSpot annualrevenue, Salesforce AnnualRevenue. */
      arr_property: propertyName.nullable().default(null),
      renewal_property: propertyName.nullable().default(null),
      plan_property: propertyName.nullable().default(null),
      /**
       * Contacts in with the accounts: HubSpot contacts associated with a synced company,
       * Salesforce Contacts with an AccountId; matched to Candor's contacts by email.
       */
      contacts: z
        .strictObject({
          enabled: z.boolean().default(false),
          /** A CRM property holding your own contact id; unset: `<crm>_<record id>`. */
          id_property: propertyName.nullable().default(null),
          /** The contact's role; unset: HubSpot jobtitle, Salesforce Title. */
          role_property: propertyName.nullable().default(null),
        })
        .prefault({}),
    })
    .prefault({}),
});
/** A CRM connector's settings as stored, every default filled in. */
export type CrmSettings = z.infer<typeof crmSettings>;
/**
 * A CRM connector's settings as the console sends and reads them: anything with a default
 * may be left out (a connector saved before a setting existed has none stored).
 */
export type CrmSettingsInput = z.input<typeof crmSettings>;
