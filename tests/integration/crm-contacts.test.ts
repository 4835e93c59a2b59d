import { syncAllCrmAccounts } from '@candor/api/connectors/crm-sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { hubspotHandlers } from '../msw/hubspot';
import { SALESFORCE_INSTANCE, salesforceHandlers } from '../msw/salesforce';
import { consoleCall, signIn } from '../support/console-session';
import { createTestWorkspace, databaseKind, readJson, type TestApp } from '../support/harness';
import { useVendorStage } from '../support/vendor-stage';

describe(`CRM contacts in with the scheduled sync (${databaseKind})`, () => {
  const stage = useVendorStage();
  let t: TestApp;
  beforeAll(() => {
    t = stage.t;
  });

  const contactsOf = (workspaceId: string) =>
    t.deps.db
      .selectFrom('contacts')
      .leftJoin('accounts', 'accounts.id', 'contacts.account_id')
      .select([
        'contacts.external_id',
        'contacts.email',
        'contacts.name',
        'contacts.role',
        'accounts.name as account',
        'contacts.attributes',
      ])
      .where('contacts.workspace_id', '=', workspaceId)
      .orderBy('contacts.external_id')
      .execute();

  it('brings HubSpot contacts of synced companies in by email, never an opted-out or erased person', async () => {
    const ws = await createTestWorkspace(t, 'Hub Co');
    const call = consoleCall(t, (await signIn(t, ws.id, 'admin@hub.io', 'admin')).cookie);
    const api = (path: string, init: { method?: string; json?: unknown } = {}) =>
      t.request(path, { token: ws.secret_key, ...init });
    // Candor already knows Bob (on an account of its own), Carol (who opted out), and Dave, whom it then erases.
    await api('/v1/accounts', { method: 'POST', json: { accounts: [{ id: 'legacy', name: 'Legacy' }] } });
    const known = await api('/v1/contacts', {
      method: 'POST',
      json: {
        contacts: [
          { id: 'bob', account_id: 'legacy', email: 'bob@globex.io', name: 'Bob' },
          { id: 'carol', account_id: 'legacy', email: 'carol@acme.io', name: 'Carol' },
          { id: 'dave', account_id: 'legacy', email: 'dave@acme.io', name: 'Dave' },
        ],
      },
    });
    expect(known.status).toBe(200);
    await t.deps.db
      .updateTable('contacts')
      .set({ opted_out_at: new Date() })
      .where('workspace_id', '=', ws.id)
      .where('external_id', '=', 'carol')
      .execute();
    expect((await api('/v1/contacts/dave', { method: 'DELETE' })).status).toBe(200);

    const person = (
      id: string,
      email: string | null,
      first: string | null,
      title: string | null,
      companies: string[],
    ) => ({
      id,
      properties: { email, firstname: first, lastname: first ? 'Example' : null, jobtitle: title },
      companies,
    });
    const hub = hubspotHandlers({
      companies: [
        { id: '9001', properties: { name: 'Acme', annualrevenue: '1000', hubspot_owner_id: null } },
        { id: '9002', properties: { name: 'Globex', annualrevenue: '2000', hubspot_owner_id: null } },
      ],
      contacts: [
        person('501', 'ada@acme.io', 'Ada', 'CTO', ['9001']),
        // Primary company Globex, also associated with Acme; the email's case differs from Candor's.
        person('502', 'BOB@globex.io', 'Bob', 'Buyer', ['9002', '9001']),
        person('503', 'nobody@acme.io', 'Nobody', null, []),
        person('504', 'carol@acme.io', 'Caroline', 'CFO', ['9001']),
        person('505', 'dave@acme.io', 'Dave', null, ['9001']),
        person('506', 'eve@elsewhere.io', 'Eve', null, ['7777']),
        person('507', 'not-an-email', 'Mal', null, ['9001']),
      ],
    });
    stage.msw.use(...hub.handlers);
    const bad = await call('PUT', '/settings/connectors/hubspot', {
      credentials: { access_token: 'pat-na1-test-token' },
      settings: { sync: { enabled: true, contacts: { enabled: true, role_property: 'job title;' } } },
    });
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).error.message).toContain('role_property');
    expect(await t.deps.db.selectFrom('connectors').select('id').where('workspace_id', '=', ws.id).execute()).toEqual(
      [],
    );
    const saved = await call('PUT', '/settings/connectors/hubspot', {
      credentials: { access_token: 'pat-na1-test-token' },
      settings: { sync: { enabled: true, contacts: { enabled: true } } },
    });
    expect(saved.status).toBe(200);

    expect(await readJson(await call('POST', '/settings/connectors/hubspot/sync'))).toEqual({
      ok: true,
      created: 2,
      updated: 0,
      contacts: { created: 1, updated: 1, unchanged: 0, skipped: 4 },
    });
    const contactCalls = hub.calls.filter((c) => c.path === '/crm/v3/objects/contacts');
    expect(contactCalls.map((c) => [c.query.associations, c.query.after ?? null])).toEqual([
      ['companies', null],
      ['companies', '2'],
      ['companies', '4'],
      ['companies', '6'],
    ]);
    const expected = [
      {
        external_id: 'bob',
        email: 'bob@globex.io',
        name: 'Bob Example',
        role: 'Buyer',
        account: 'Globex',
        attributes: {},
      },
      { external_id: 'carol', email: 'carol@acme.io', name: 'Carol', role: null, account: 'Legacy', attributes: {} },
      {
        external_id: 'hubspot_501',
        email: 'ada@acme.io',
        name: 'Ada Example',
        role: 'CTO',
        account: 'Acme',
        attributes: { hubspot_id: '501' },
      },
    ];
    expect(await contactsOf(ws.id)).toEqual(expected);

    // The scheduled pass again: nothing changes, nobody is added twice.
    expect(await syncAllCrmAccounts(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await contactsOf(ws.id)).toEqual(expected);
    expect(await readJson(await call('POST', '/settings/connectors/hubspot/sync'))).toMatchObject({
      contacts: { created: 0, updated: 0, unchanged: 2, skipped: 4 },
    });
  });

  it('brings Salesforce Contacts with an AccountId in, paged, by the id and role mapping', async () => {
    const ws = await createTestWorkspace(t, 'Force Co');
    const call = consoleCall(t, (await signIn(t, ws.id, 'admin@force.io', 'admin')).cookie);
    const contact = (id: string, account: string, email: string, title: string | null, ext: string | null) => ({
      Id: id,
      AccountId: account,
      Email: email,
      FirstName: null,
      LastName: id,
      Role__c: title,
      Ext__c: ext,
    });
    const accounts = [
      { Id: '001A', Name: 'Initech', Owner: null, AnnualRevenue: 5000 },
      { Id: '001B', Name: 'Umbrella', Owner: null, AnnualRevenue: null },
    ];
    const sf = salesforceHandlers({
      accounts,
      contacts: [
        contact('003A1', '001A', 'ann@initech.io', 'VP Ops', 'u_ann'),
        contact('003A2', '001B', 'ben@umbrella.io', null, null),
        contact('003A3', '001Z', 'zed@nowhere.io', null, null),
      ],
    });
    stage.msw.use(...sf.handlers);
    await call('PUT', '/settings/connectors/salesforce', {
      credentials: { instance_url: SALESFORCE_INSTANCE, access_token: '00Dtest!session-token' },
      settings: {
        sync: { enabled: true, contacts: { enabled: true, id_property: 'Ext__c', role_property: 'Role__c' } },
      },
    });
    expect(await readJson(await call('POST', '/settings/connectors/salesforce/sync'))).toEqual({
      ok: true,
      created: 2,
      updated: 0,
      contacts: { created: 2, updated: 0, unchanged: 0, skipped: 1 },
    });
    const soql = sf.calls.find((c) => c.query?.includes('FROM Contact'))?.query;
    expect(soql).toBe(
      'SELECT Id, AccountId, Email, FirstName, LastName, Role__c, Ext__c FROM Contact WHERE AccountId != null AND Email != null ORDER BY Id',
    );
    expect(sf.calls.some((c) => c.path === '/query/01gContacts-2000')).toBe(true);
    expect(await contactsOf(ws.id)).toEqual([
      {
        external_id: 'salesforce_003A2',
        email: 'ben@umbrella.io',
        name: '003A2',
        role: null,
        account: 'Umbrella',
        attributes: { salesforce_id: '003A2' },
      },
      {
        external_id: 'u_ann',
        email: 'ann@initech.io',
        name: '003A1',
        role: 'VP Ops',
        account: 'Initech',
        attributes: { salesforce_id: '003A1' },
      },
    ]);

    // Ann changes role and moves to Umbrella in Salesforce: the next sync follows.
    stage.msw.use(
      ...salesforceHandlers({
        accounts,
        contacts: [
          contact('003A1', '001B', 'ann@initech.io', 'COO', 'u_ann'),
          contact('003A2', '001B', 'ben@umbrella.io', null, null),
        ],
      }).handlers,
    );
    expect(await readJson(await call('POST', '/settings/connectors/salesforce/sync'))).toMatchObject({
      contacts: { created: 0, updated: 1, unchanged: 1, skipped: 0 },
    });
    const after = await contactsOf(ws.id);
    expect(after.map((c) => [c.external_id, c.role, c.account])).toEqual([
      ['salesforce_003A2', null, 'Umbrella'],
      ['u_ann', 'COO', 'Umbrella'],
    ]);
  });
});
