import { HttpResponse, http } from 'msw';

const API = 'https://api.hubapi.com';

export type HubSpotCall = {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  token: string | null;
};

const rateLimited = () =>
  HttpResponse.json(
    {
      status: 'error',
      message: 'You have reached your secondly limit.',
      errorType: 'RATE_LIMIT',
      correlationId: 'c0ffee00-0000-4000-8000-000000000429',
      policyName: 'SECONDLY',
      requestId: 'r-429',
    },
    { status: 429, headers: { 'Retry-After': '1', 'X-HubSpot-RateLimit-Secondly-Remaining': '0' } },
  );

const unauthorized = () =>
  HttpResponse.json(
    {
      status: 'error',
      message: 'Authentication credentials not found. This API supports OAuth 2.0 authentication.',
      correlationId: 'c0ffee00-0000-4000-8000-000000000401',
      category: 'INVALID_AUTHENTICATION',
    },
    { status: 401 },
  );

/**
 * msw handlers for HubSpot's CRM v3 API with its own shapes: owners by email, tasks,
 * company updates; 401 for another token, and `faults` (429 with Retry-After, or a
 * status) used up one per call of the path, in order.
 */
export type HubSpotCompany = { id: string; properties: Record<string, string | null> };

/** A contact with the companies it is associated with (the first one primary). */
export type HubSpotContact = { id: string; properties: Record<string, string | null>; companies: string[] };

export function hubspotHandlers(
  options: {
    companies?: HubSpotCompany[];
    contacts?: HubSpotContact[];
    owners?: Record<string, string>;
    faults?: Record<string, (429 | 500)[]>;
  } = {},
) {
  const calls: HubSpotCall[] = [];
  const faults = Object.fromEntries(Object.entries(options.faults ?? {}).map(([k, v]) => [k, [...v]]));
  const record = async (request: Request) => {
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const call: HubSpotCall = {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: text ? JSON.parse(text) : null,
      token: request.headers.get('authorization')?.replace(/^Bearer /, '') ?? null,
    };
    calls.push(call);
    const fault = faults[url.pathname]?.shift();
    if (fault === 429) return { call, early: rateLimited() };
    if (fault)
      return { call, early: HttpResponse.json({ status: 'error', message: 'internal error' }, { status: fault }) };
    if (call.token !== 'pat-na1-test-token') return { call, early: unauthorized() };
    return { call, early: null };
  };
  const handlers = [
    // Pages of two, so the client's paging (`after`) is exercised.
    http.get(`${API}/crm/v3/objects/companies`, async ({ request }) => {
      const { call, early } = await record(request);
      if (early) return early;
      const all = options.companies ?? [];
      const start = Number(call.query.after ?? 0);
      // The SDK repeats `properties=`; HubSpot also takes them comma-separated.
      const wanted = new URL(request.url).searchParams.getAll('properties').flatMap((p) => p.split(','));
      const page = all.slice(start, start + 2).map((c) => ({
        id: c.id,
        properties: Object.fromEntries(
          Object.entries({ ...c.properties, hs_object_id: c.id }).filter(
            ([k]) => wanted.includes(k) || k === 'hs_object_id',
          ),
        ),
        createdAt: '2026-01-05T10:00:00.000Z',
        updatedAt: '2026-12-01T10:00:00.000Z',
        archived: false,
      }));
      const next = start + 2 < all.length ? String(start + 2) : null;
      return HttpResponse.json({
        results: page,
        ...(next ? { paging: { next: { after: next, link: `${API}/crm/v3/objects/companies?after=${next}` } } } : {}),
      });
    }),
    // Contacts with `associations=companies`, as HubSpot answers them: the primary company
    // labelled contact_to_company (and repeated unlabelled), any other unlabelled.
    http.get(`${API}/crm/v3/objects/contacts`, async ({ request }) => {
      const { call, early } = await record(request);
      if (early) return early;
      const all = options.contacts ?? [];
      const start = Number(call.query.after ?? 0);
      const url = new URL(request.url);
      const wanted = url.searchParams.getAll('properties').flatMap((p) => p.split(','));
      const withCompanies = url.searchParams
        .getAll('associations')
        .flatMap((a) => a.split(','))
        .includes('companies');
      const page = all.slice(start, start + 2).map((c) => ({
        id: c.id,
        properties: Object.fromEntries(
          Object.entries({ ...c.properties, hs_object_id: c.id }).filter(
            ([k]) => wanted.includes(k) || k === 'hs_object_id',
          ),
        ),
        createdAt: '2026-01-05T10:00:00.000Z',
        updatedAt: '2026-12-01T10:00:00.000Z',
        archived: false,
        ...(withCompanies && c.companies.length
          ? {
              associations: {
                companies: {
                  results: c.companies.flatMap((id, i) =>
                    i === 0
                      ? [
                          { id, type: 'contact_to_company' },
                          { id, type: 'contact_to_company_unlabeled' },
                        ]
                      : [{ id, type: 'contact_to_company_unlabeled' }],
                  ),
                },
              },
            }
          : {}),
      }));
      const next = start + 2 < all.length ? String(start + 2) : null;
      return HttpResponse.json({
        results: page,
        ...(next ? { paging: { next: { after: next, link: `${API}/crm/v3/objects/contacts?after=${next}` } } } : {}),
      });
    }),
    http.get(`${API}/crm/v3/owners/`, async ({ request }) => {
      const { call, early } = await record(request);
      if (early) return early;
      const email = call.query.email;
      const all = Object.entries(options.owners ?? {});
      const found = email ? all.filter(([e]) => e === email) : all.slice(0, 1);
      return HttpResponse.json({
        results: found.map(([e, id]) => ({
          id,
          email: e,
          type: 'PERSON',
          firstName: e.split('@')[0],
          lastName: '',
          userId: Number(id),
          createdAt: '2026-01-05T10:00:00.000Z',
          updatedAt: '2026-01-05T10:00:00.000Z',
          archived: false,
        })),
      });
    }),
    http.post(`${API}/crm/v3/objects/tasks`, async ({ request }) => {
      const { call, early } = await record(request);
      if (early) return early;
      const body = call.body as { properties: Record<string, string> };
      return HttpResponse.json(
        {
          id: String(51000000000 + calls.length),
          properties: { ...body.properties, hs_object_id: String(51000000000 + calls.length) },
          createdAt: '2026-12-06T10:00:00.000Z',
          updatedAt: '2026-12-06T10:00:00.000Z',
          archived: false,
        },
        { status: 201 },
      );
    }),
    http.patch(`${API}/crm/v3/objects/companies/:id`, async ({ request, params }) => {
      const { call, early } = await record(request);
      if (early) return early;
      const body = call.body as { properties: Record<string, string> };
      return HttpResponse.json({
        id: String(params.id),
        properties: body.properties,
        createdAt: '2026-01-05T10:00:00.000Z',
        updatedAt: '2026-12-06T10:00:00.000Z',
        archived: false,
      });
    }),
  ];
  return { handlers, calls, tasks: () => calls.filter((c) => c.path === '/crm/v3/objects/tasks') };
}
