import { Client } from '@hubspot/api-client';
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

export const hubspotCredentials = z.strictObject({
  access_token: z.string().trim().min(10, 'must be a HubSpot private app access token').max(500),
});

/** HubSpot's own association type for task → company. */
const TASK_TO_COMPANY = 192;

/** HubSpot through its own client; its retries are off so our queue owns backoff and Retry-After. */
export function hubspotConnector(credentials: z.infer<typeof hubspotCredentials>, basePath: string): Connector {
  const client = new Client({ accessToken: credentials.access_token, basePath, numberOfApiCallRetries: 0 });
  return {
    kind: 'hubspot',
    async testConnection() {
      const page = await call(() => client.crm.owners.ownersApi.getPage(undefined, undefined, 1));
      return `Connected to HubSpot (${page.results.length ? 'owners readable' : 'no owners yet'}).`;
    },
    async deliver(action: ConnectorAction): Promise<DeliveryReceipt> {
      if (action.type === 'crm.account_fields') {
        const updated = await call(() =>
          client.crm.companies.basicApi.update(action.crm_id, { properties: stringify(action.fields) }),
        );
        return { status: 200, reference: `company/${updated.id}` };
      }
      if (action.type !== 'crm.task') throw new ConnectorError(`HubSpot cannot ${action.type}`, null, false);
      const ownerId = action.owner_email ? await ownerIdFor(client, action.owner_email) : undefined;
      const task = await call(() =>
        client.crm.objects.tasks.basicApi.create({
          properties: {
            hs_task_subject: action.subject,
            hs_task_body: action.body,
            hs_timestamp: new Date().toISOString(),
            hs_task_status: 'NOT_STARTED',
            hs_task_priority: action.priority.toUpperCase(),
            ...(ownerId ? { hubspot_owner_id: ownerId } : {}),
          },
          associations: action.account.crm_id
            ? [
                {
                  to: { id: action.account.crm_id },
                  types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: TASK_TO_COMPANY }],
                },
              ]
            : [],
        }),
      );
      return { status: 201, reference: `task/${task.id}` };
    },
    async *fetchAccounts(sync: CrmSync): AsyncGenerator<CrmAccount[]> {
      const owners = await ownerEmails(client);
      const arrProperty = sync.arr_property ?? 'annualrevenue';
      const properties = [
        'name',
        'hubspot_owner_id',
        arrProperty,
        ...[sync.renewal_property, sync.plan_property, sync.id_property].filter((p): p is string => !!p),
      ];
      let after: string | undefined;
      do {
        const page = await call(() => client.crm.companies.basicApi.getPage(100, after, properties));
        yield page.results.map((c) => {
          const p = c.properties as Record<string, string | null | undefined>;
          return {
            crmId: c.id,
            ownId: sync.id_property ? (p[sync.id_property] ?? null) || null : null,
            name: (p.name ?? '').trim() || `HubSpot company ${c.id}`,
            arr: crmNumber(p[arrProperty]),
            renewalDate: sync.renewal_property ? crmDate(p[sync.renewal_property]) : null,
            plan: sync.plan_property ? (p[sync.plan_property] ?? null) || null : null,
            ownerEmail: p.hubspot_owner_id ? (owners.get(p.hubspot_owner_id) ?? null) : null,
          };
        });
        after = page.paging?.next?.after;
      } while (after);
    },
    async *fetchContacts(sync: CrmSync): AsyncGenerator<CrmContact[]> {
      const { id_property: idProperty, role_property } = sync.contacts;
      const roleProperty = role_property ?? 'jobtitle';
      const properties = ['email', 'firstname', 'lastname', roleProperty, ...(idProperty ? [idProperty] : [])];
      let after: string | undefined;
      do {
        const page = await call(() =>
          client.crm.contacts.basicApi.getPage(100, after, properties, undefined, ['companies']),
        );
        yield page.results.flatMap((c) => {
          const p = c.properties as Record<string, string | null | undefined>;
          const companies = c.associations?.companies?.results ?? [];
          // The primary company is labelled contact_to_company; any other is unlabelled.
          const company = companies.find((a) => a.type === 'contact_to_company') ?? companies[0];
          const email = p.email?.trim();
          if (!company || !email) return [];
          return [
            {
              crmId: c.id,
              ownId: idProperty ? p[idProperty] || null : null,
              accountCrmId: company.id,
              email,
              name: crmName(p.firstname, p.lastname),
              role: p[roleProperty]?.trim() || null,
            },
          ];
        });
        after = page.paging?.next?.after;
      } while (after);
    },
  };
}

/** Every owner's email by owner id (HubSpot records carry the id only). */
async function ownerEmails(client: Client): Promise<Map<string, string>> {
  const emails = new Map<string, string>();
  let after: string | undefined;
  do {
    const page = await call(() => client.crm.owners.ownersApi.getPage(undefined, after, 500));
    for (const o of page.results) if (o.email) emails.set(o.id, o.email);
    after = page.paging?.next?.after;
  } while (after);
  return emails;
}

async function ownerIdFor(client: Client, email: string): Promise<string | undefined> {
  const page = await call(() => client.crm.owners.ownersApi.getPage(email, undefined, 1));
  return page.results[0]?.id;
}

function stringify(fields: Record<string, string | number | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

type HubSpotApiException = { code: number; headers?: Record<string, string>; body?: unknown };

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as Partial<HubSpotApiException>;
    if (typeof e.code !== 'number') throw new ConnectorError('HubSpot could not be reached', null, true);
    const message = (e.body as { message?: unknown } | undefined)?.message;
    throw new ConnectorError(
      typeof message === 'string' ? message.slice(0, 300) : `HTTP ${e.code}`,
      e.code,
      retryableStatus(e.code),
      parseRetryAfter(e.headers?.['retry-after']),
    );
  }
}
