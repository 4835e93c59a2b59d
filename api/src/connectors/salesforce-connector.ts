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

export const salesforceCredentials = z
  .strictObject({
    instance_url: z
      .url({ protocol: /^https$/, error: 'must be your https://….my.salesforce.com URL' })
      .refine((u) => /\.(salesforce|force)\.com$/.test(new URL(u).hostname), {
        message: 'must be a salesforce.com or force.com host',
      })
      .transform((u) => new URL(u).origin),
    access_token: z.string().trim().min(10, 'must be a Salesforce access token').max(2000),
    /** With the connected app's client id (and secret, when the app requires it): a new access token on expiry. */
    refresh_token: z.string().trim().min(10, 'must be a Salesforce refresh token').max(2000).optional(),
    client_id: z.string().trim().min(1).max(500).optional(),
    client_secret: z.string().trim().min(1).max(500).optional(),
  })
  .refine((c) => !c.refresh_token || c.client_id, {
    message: 'required with a refresh_token (the connected app’s consumer key)',
    path: ['client_id'],
  });
export type SalesforceCredentials = z.infer<typeof salesforceCredentials>;

/** How a connector keeps credentials it renewed, and says when they can no longer be renewed. */
export type CredentialHooks = {
  refreshed(credentials: SalesforceCredentials): Promise<void>;
  authLost(reason: string): Promise<void>;
};

const API_VERSION = 'v62.0';
const TIMEOUT_MS = 10_000;

// Salesforce error codes that may heal on a later try; every other coded error will not.
const retryableCodes = new Set(['REQUEST_LIMIT_EXCEEDED', 'SERVER_UNAVAILABLE', 'UNABLE_TO_LOCK_ROW']);

/**
 * Salesforce's REST API over fetch. jsforce was tried first: it ships its own HTTP client
 * (a bundled undici with its own retries) that can be neither pointed at another transport
 * nor made to leave backoff to our queue, and brings a hundred packages for three calls.
 */
export function salesforceConnector(credentials: SalesforceCredentials, hooks?: CredentialHooks): Connector {
  const base = `${credentials.instance_url}/services/data/${API_VERSION}`;
  let accessToken = credentials.access_token;
  const send = async (method: string, path: string, body?: unknown) => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${accessToken}`,
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
    const data: unknown = text ? safeJson(text) : undefined;
    // Salesforce answers errors as [{ message, errorCode }].
    const first = Array.isArray(data) ? (data[0] as { errorCode?: unknown } | undefined) : undefined;
    const code = typeof first?.errorCode === 'string' ? first.errorCode : null;
    return { res, data, code };
  };

  /**
   * The OAuth2 refresh_token grant at the instance's token endpoint, as jsforce does it.
   * The new access token is kept (sealed) through `hooks`; a refusal (revoked or expired
   * refresh token, a wrong client) marks the connector as needing new credentials.
   */
  const refresh = async (): Promise<void> => {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: credentials.refresh_token as string,
      client_id: credentials.client_id as string,
      ...(credentials.client_secret ? { client_secret: credentials.client_secret } : {}),
    });
    let res: Response;
    try {
      res = await fetch(`${credentials.instance_url}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
    } catch {
      throw new ConnectorError('Salesforce could not be reached to refresh the session', null, true);
    }
    const data = safeJson(await res.text()) as { access_token?: unknown; error?: unknown } | undefined;
    if (res.ok && typeof data?.access_token === 'string' && data.access_token.length >= 10) {
      accessToken = data.access_token;
      await hooks?.refreshed({ ...credentials, access_token: accessToken });
      return;
    }
    const error = typeof data?.error === 'string' ? data.error.slice(0, 100) : `HTTP ${res.status}`;
    if (retryableStatus(res.status))
      throw new ConnectorError(`INVALID_SESSION_ID; the token refresh failed: ${error}`, res.status, true);
    await hooks?.authLost(`Salesforce refused the refresh token (${error}); connect Salesforce again.`);
    throw new ConnectorError(`INVALID_SESSION_ID; the token refresh was refused: ${error}`, 401, false);
  };

  const request = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> => {
    let { res, data, code } = await send(method, path, body);
    // An expired session is renewed once with the refresh token, and the call tried again.
    if (res.status === 401 && code === 'INVALID_SESSION_ID' && credentials.refresh_token) {
      await refresh();
      ({ res, data, code } = await send(method, path, body));
    }
    if (res.ok) return { status: res.status, data: data as T };
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
