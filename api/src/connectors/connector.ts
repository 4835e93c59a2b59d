import type { ConnectorKind, CrmSettings } from '@candor/shared';
import { z } from 'zod';
import type { CrmAccount, CrmContact } from './crm-mapping';

export type CrmSync = CrmSettings['sync'];

export { type ConnectorKind, connectorKinds } from '@candor/shared';

const email = z.email().max(320);

/** A Slack message: to a person (looked up by email, sent as a DM) or to a channel. */
const slackMessage = z.object({
  type: z.literal('slack.message'),
  to: z.union([z.object({ email }), z.object({ channel: z.string().min(1).max(200) })]),
  text: z.string().max(4000),
  blocks: z.array(z.record(z.string(), z.unknown())).max(50),
});

/** A CRM task for a person on an account; `crm_id` is the CRM's own id for the account, when known. */
const crmTask = z.object({
  type: z.literal('crm.task'),
  account: z.object({ name: z.string(), crm_id: z.string().nullable() }),
  owner_email: email.nullable(),
  subject: z.string().max(255),
  body: z.string().max(10_000),
  priority: z.enum(['high', 'medium', 'low']),
});

/** Candor's view of an account written onto the CRM's company/account record. */
const crmAccountFields = z.object({
  type: z.literal('crm.account_fields'),
  crm_id: z.string().min(1),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

/** What a connector can be asked to do; stored on each delivery and checked again when it runs. */
export const connectorActionSchema = z.discriminatedUnion('type', [slackMessage, crmTask, crmAccountFields]);
export type ConnectorAction = z.infer<typeof connectorActionSchema>;

/** The kinds that can carry an action. */
export function kindsFor(action: ConnectorAction): readonly ConnectorKind[] {
  return action.type === 'slack.message' ? ['slack'] : ['hubspot', 'salesforce'];
}

/** A delivered action: the vendor's status and a short reference (message ts, task id). */
export type DeliveryReceipt = { status: number; reference: string };

/**
 * A vendor refused or could not be reached. `retryable` faults are tried again with backoff;
 * `retryAfterMs` is the vendor's own Retry-After, honoured when it is longer than the backoff.
 */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The one interface every vendor implements. */
export interface Connector {
  readonly kind: ConnectorKind;
  /** Proves the credentials work; answers a line naming the connected team/portal/org. */
  testConnection(): Promise<string>;
  deliver(action: ConnectorAction): Promise<DeliveryReceipt>;
  /** CRMs only: every company/account, a page at a time, mapped by the connector's settings. */
  fetchAccounts?(sync: CrmSync): AsyncGenerator<CrmAccount[]>;
  /** CRMs only: every contact with an email that belongs to a company/account, a page at a time. */
  fetchContacts?(sync: CrmSync): AsyncGenerator<CrmContact[]>;
}

/** Retry-After in seconds (or an HTTP date) → milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | number | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(String(value));
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Server faults and rate limits are worth another try; other client errors are not. */
export function retryableStatus(status: number | null): boolean {
  return status === null || status === 408 || status === 429 || status >= 500;
}
