import { z } from 'zod';
import {
  type Connector,
  type ConnectorAction,
  ConnectorError,
  type CrmSync,
  type DeliveryReceipt,
  parseRetryAfter,
  retryableStatus,
} from './connector';
import { type CrmAccount, type CrmContact, crmDate, crmName, crmNumber } from './crm-mapping';

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
    async *fetchAccounts(sync: CrmSync): AsyncGenerator<CrmAccount[]> {
      const arrField = sync.arr_property ?? 'AnnualRevenue';
      // Field names are checked against an API-name pattern by the settings schema, so they are safe in SOQL.
      const fields = [
        'Id',
        'Name',
        'Owner.Email',
        arrField,
        ...[sync.renewal_property, sync.plan_property, sync.id_property].filter((f): f is string => !!f),
      ];
      type Row = Record<string, unknown> & { Id: string; Name?: string; Owner?: { Email?: string } | null };
      let next: string | null =
        `/query?q=${encodeURIComponent(`SELECT ${[...new Set(fields)].join(', ')} FROM Account ORDER BY Id`)}`;
      while (next) {
        const page: { data: { records: Row[]; nextRecordsUrl?: string } } = await request('GET', next);
        yield page.data.records.map((r) => ({
          crmId: r.Id,
          ownId: sync.id_property && typeof r[sync.id_property] === 'string' ? (r[sync.id_property] as string) : null,
          name: (r.Name ?? '').trim() || `Salesforce account ${r.Id}`,
          arr: crmNumber(r[arrField]),
          renewalDate: sync.renewal_property ? crmDate(r[sync.renewal_property]) : null,
          plan:
            sync.plan_property && typeof r[sync.plan_property] === 'string' ? (r[sync.plan_property] as string) : null,
          ownerEmail: r.Owner?.Email ?? null,
        }));
        // nextRecordsUrl is absolute from /services/data/…; keep only the part after the version.
        next = page.data.nextRecordsUrl ? page.data.nextRecordsUrl.replace(/^.*\/services\/data\/v[\d.]+/, '') : null;
      }
    },
    async *fetchContacts(sync: CrmSync): AsyncGenerator<CrmContact[]> {
      const { id_property: idField, role_property } = sync.contacts;
      const roleField = role_property ?? 'Title';
      const fields = ['Id', 'AccountId', 'Email', 'FirstName', 'LastName', roleField, ...(idField ? [idField] : [])];
      const soql = `SELECT ${[...new Set(fields)].join(', ')} FROM Contact WHERE AccountId != null AND Email != null ORDER BY Id`;
      let next: string | null = `/query?q=${encodeURIComponent(soql)}`;
      while (next) {
        const page: { data: { records: Record<string, unknown>[]; nextRecordsUrl?: string } } = await request(
          'GET',
          next,
        );
        yield page.data.records.flatMap((r) => {
          const text = (key: string | null) => (key && typeof r[key] === 'string' ? (r[key] as string).trim() : '');
          const email = text('Email');
          if (!email || !text('AccountId')) return [];
          return [
            {
              crmId: String(r.Id),
              ownId: text(idField) || null,
              accountCrmId: text('AccountId'),
              email,
              name: crmName(r.FirstName, r.LastName),
              role: text(roleField) || null,
            },
          ];
        });
        next = page.data.nextRecordsUrl ? page.data.nextRecordsUrl.replace(/^.*\/services\/data\/v[\d.]+/, '') : null;
      }
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
