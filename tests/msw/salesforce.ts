import { HttpResponse, http } from 'msw';

export const SALESFORCE_INSTANCE = 'https://acme.my.salesforce.com';
const DATA = `${SALESFORCE_INSTANCE}/services/data/v62.0`;

export type SalesforceCall = { method: string; path: string; query: string | null; body: unknown };

/**
 * msw handlers for Salesforce's REST API with its own shapes: SOQL query results, sObject
 * create answers, and its error arrays (INVALID_SESSION_ID 401; REQUEST_LIMIT_EXCEEDED 403,
 * Salesforce's rate limit) — `faults` used up one per call of the sObject/query, in order.
 */
export function salesforceHandlers(
  options: {
    accounts?: Record<string, unknown>[];
    /** Contact records; answered two to a page, the rest behind nextRecordsUrl. */
    contacts?: Record<string, unknown>[];
    users?: Record<string, string>;
    faults?: Record<string, ('limit' | 503)[]>;
    /**
     * The OAuth2 token endpoint: a refresh_token grant with this refresh token and client
     * id answers `accessToken`, which then becomes the one valid session; anything else
     * answers invalid_grant as Salesforce does.
     */
    oauth?: { refreshToken: string; clientId: string; accessToken: string };
  } = {},
) {
  const calls: SalesforceCall[] = [];
  let validToken = '00Dtest!session-token';
  const faults = Object.fromEntries(Object.entries(options.faults ?? {}).map(([k, v]) => [k, [...v]]));
  const check = (request: Request, key: string) => {
    const fault = faults[key]?.shift();
    if (fault === 'limit')
      return HttpResponse.json([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], {
        status: 403,
      });
    if (fault) return new HttpResponse('Service Unavailable', { status: fault });
    if (request.headers.get('authorization') !== `Bearer ${validToken}`)
      return HttpResponse.json([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], {
        status: 401,
      });
    return null;
  };
  const handlers = [
    http.post(`${SALESFORCE_INSTANCE}/services/oauth2/token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      calls.push({ method: 'POST', path: '/services/oauth2/token', query: null, body: Object.fromEntries(form) });
      const oauth = options.oauth;
      if (
        !oauth ||
        !request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded') ||
        form.get('grant_type') !== 'refresh_token' ||
        form.get('refresh_token') !== oauth.refreshToken ||
        form.get('client_id') !== oauth.clientId
      )
        return HttpResponse.json(
          { error: 'invalid_grant', error_description: 'expired access/refresh token' },
          { status: 400 },
        );
      validToken = oauth.accessToken;
      return HttpResponse.json({
        access_token: oauth.accessToken,
        signature: 'dGVzdC1zaWduYXR1cmU=',
        scope: 'refresh_token api',
        instance_url: SALESFORCE_INSTANCE,
        id: 'https://login.salesforce.com/id/00D5g00000TEST1/0055g00000CSM01',
        token_type: 'Bearer',
        issued_at: '1796547600000',
      });
    }),
    http.get(`${DATA}/query`, ({ request }) => {
      const q = new URL(request.url).searchParams.get('q') ?? '';
      calls.push({ method: 'GET', path: '/query', query: q, body: null });
      const early = check(request, 'query');
      if (early) return early;
      if (q.startsWith('SELECT Name FROM Organization'))
        return HttpResponse.json({
          totalSize: 1,
          done: true,
          records: [
            {
              attributes: { type: 'Organization', url: '/services/data/v62.0/sobjects/Organization/00Dxx' },
              Name: 'Acme Inc',
            },
          ],
        });
      if (q.startsWith('SELECT Id, Name, Owner.Email')) {
        const records = (options.accounts ?? []).map((a) => ({
          attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${String(a.Id)}` },
          ...a,
        }));
        return HttpResponse.json({ totalSize: records.length, done: true, records });
      }
      if (/ FROM Contact WHERE AccountId != null AND Email != null/.test(q)) {
        const records = (options.contacts ?? []).map((c) => ({
          attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${String(c.Id)}` },
          ...c,
        }));
        const first = records.slice(0, 2);
        return HttpResponse.json({
          totalSize: records.length,
          done: records.length <= 2,
          ...(records.length > 2 ? { nextRecordsUrl: '/services/data/v62.0/query/01gContacts-2000' } : {}),
          records: first,
        });
      }
      const email = /Email = '([^']*)'/.exec(q)?.[1] ?? '';
      const id = options.users?.[email];
      return HttpResponse.json({
        totalSize: id ? 1 : 0,
        done: true,
        records: id ? [{ attributes: { type: 'User', url: `/services/data/v62.0/sobjects/User/${id}` }, Id: id }] : [],
      });
    }),
    // The rest of a query's records, as Salesforce pages them (a query locator, not a SOQL text).
    http.get(`${DATA}/query/:locator`, ({ request, params }) => {
      calls.push({ method: 'GET', path: `/query/${String(params.locator)}`, query: null, body: null });
      const early = check(request, 'query');
      if (early) return early;
      const rest = (options.contacts ?? []).slice(2).map((c) => ({
        attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${String(c.Id)}` },
        ...c,
      }));
      return HttpResponse.json({ totalSize: (options.contacts ?? []).length, done: true, records: rest });
    }),
    http.post(`${DATA}/sobjects/:type`, async ({ request, params }) => {
      const body = await request.json();
      calls.push({ method: 'POST', path: `/sobjects/${String(params.type)}`, query: null, body });
      const early = check(request, String(params.type));
      if (early) return early;
      return HttpResponse.json(
        { id: `00T5g00000${String(calls.length).padStart(8, '0')}`, success: true, errors: [] },
        { status: 201 },
      );
    }),
    http.patch(`${DATA}/sobjects/Account/:id`, async ({ request, params }) => {
      const body = await request.json();
      calls.push({ method: 'PATCH', path: `/sobjects/Account/${String(params.id)}`, query: null, body });
      const early = check(request, 'Account');
      if (early) return early;
      return new HttpResponse(null, { status: 204 });
    }),
  ];
  return { handlers, calls, tasks: () => calls.filter((c) => c.path === '/sobjects/Task') };
}
