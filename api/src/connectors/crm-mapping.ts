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
});
export type CrmSettings = z.infer<typeof crmSettings>;
