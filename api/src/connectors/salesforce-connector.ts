import { z } from 'zod';
import {
  type Connector,
  type ConnectorAction,
  ConnectorError,
  type DeliveryReceipt,
  parseRetryAfter,
  retryableStatus,
} from './connector';

export const salesforceCredentials = z.strictObject({
  instance_url: z
    .url({ protocol: /^https$/, error: 'must be your https://….my.salesforce.com URL' })
    .refine((u) => /\.(salesforce|force)\.com$/.test(new URL(u).hostname), {
      message: 'must be a salesforce.com or force.com host',
    })
    .transform((u) => new URL(u).origin),
  access_token: z.string().trim().min(10, 'must be a Salesforce access token').max(2000),
});

const API_VERSION = 'v62.0';
const TIMEOUT_MS = 10_000;

// Salesforce error codes that may heal on a later try; every other coded error will not.
const retryableCodes = new Set(['REQUEST_LIMIT_EXCEEDED', 'SERVER_UNAVAILABLE', 'UNABLE_TO_LOCK_ROW']);

/**
 * Salesforce's REST API over fetch. jsforce was tried first: it ships its own HTTP client
 * (a bundled undici with its own retries) that can be neither pointed at another transport
 * nor made to leave backoff to our queue, and brings a hundred packages for three calls.
 */
export function salesforceConnector(credentials: z.infer<typeof salesforceCredentials>): Connector {
  const base = `${credentials.instance_url}/services/data/${API_VERSION}`;
  const request = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${credentials.access_token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
    } catch {
      throw new ConnectorError('Salesforce could not be reached', null, true);
    }
    const text = await res.text();
    const data = text ? (safeJson(text) as T) : (undefined as T);
    if (res.ok) return { status: res.status, data };
    // Salesforce answers errors as [{ message, errorCode }].
    const first = Array.isArray(data) ? (data[0] as { errorCode?: unknown } | undefined) : undefined;
    const code = typeof first?.errorCode === 'string' ? first.errorCode : null;
    throw new ConnectorError(
      code ?? `HTTP ${res.status}`,
      res.status,
      code ? retryableCodes.has(code) : retryableStatus(res.status),
      parseRetryAfter(res.headers.get('retry-after')),
    );
  };
  const query = async <R>(soql: string) =>
    (await request<{ records: R[] }>('GET', `/query?q=${encodeURIComponent(soql)}`)).data.records;

  return {
    kind: 'salesforce',
    async testConnection() {
      const [org] = await query<{ Name: string }>('SELECT Name FROM Organization LIMIT 1');
      return `Connected to the Salesforce org ${org?.Name ?? ''}`.trim();
    },
    async deliver(action: ConnectorAction): Promise<DeliveryReceipt> {
      if (action.type === 'crm.account_fields') {
        const res = await request('PATCH', `/sobjects/Account/${encodeURIComponent(action.crm_id)}`, action.fields);
        return { status: res.status, reference: `Account/${action.crm_id}` };
      }
      if (action.type !== 'crm.task') throw new ConnectorError(`Salesforce cannot ${action.type}`, null, false);
      const ownerId = action.owner_email ? await userIdFor(query, action.owner_email) : undefined;
      const res = await request<{ id: string }>('POST', '/sobjects/Task', {
        Subject: action.subject,
        Description: action.body,
        Status: 'Not Started',
        Priority: action.priority === 'high' ? 'High' : 'Normal',
        ActivityDate: new Date().toISOString().slice(0, 10),
        ...(ownerId ? { OwnerId: ownerId } : {}),
        ...(action.account.crm_id ? { WhatId: action.account.crm_id } : {}),
      });
      return { status: res.status, reference: `Task/${res.data.id}` };
    },
  };
}

async function userIdFor(query: <R>(soql: string) => Promise<R[]>, email: string): Promise<string | undefined> {
  // SOQL over REST has no bind variables: the email was validated upstream and is escaped here.
  const quoted = email.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  const [user] = await query<{ Id: string }>(
    `SELECT Id FROM User WHERE Email = '${quoted}' AND IsActive = true LIMIT 1`,
  );
  return user?.Id;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
