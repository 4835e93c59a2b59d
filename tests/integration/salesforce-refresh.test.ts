import { queueConnectorAction, WAITING_FOR_REAUTH } from '@candor/api/connectors/deliver-action';
import { openSecret } from '@candor/api/secrets/sealed-secrets';
import { beforeAll, describe, expect, it } from 'vitest';
import { SALESFORCE_INSTANCE, salesforceHandlers } from '../msw/salesforce';
import { consoleCall, signIn } from '../support/console-session';
import { eventually } from '../support/eventually';
import { createTestWorkspace, databaseKind, readJson, type TestApp } from '../support/harness';
import { useVendorStage } from '../support/vendor-stage';

const oauth = {
  refreshToken: '5Aep861test-refresh-token',
  clientId: '3MVG9test.consumer',
  accessToken: '00Dfresh!renewed',
};
const task = (subject: string) =>
  ({
    type: 'crm.task',
    account: { name: 'Acme', crm_id: '0015g00000ACME1' },
    owner_email: null,
    subject,
    body: 'b',
    priority: 'low',
  }) as const;

describe(`Salesforce session refresh (${databaseKind})`, () => {
  const stage = useVendorStage({ CANDOR_CONNECTOR_RETRY_MS: '50' });
  let t: TestApp;
  beforeAll(() => {
    t = stage.t;
  });

  async function connect(refreshToken: string) {
    const ws = await createTestWorkspace(t);
    const call = consoleCall(t, (await signIn(t, ws.id, 'admin@acme.io', 'admin')).cookie);
    const saved = await call('PUT', '/settings/connectors/salesforce', {
      credentials: {
        instance_url: SALESFORCE_INSTANCE,
        access_token: '00Dexpired!session',
        refresh_token: refreshToken,
        client_id: oauth.clientId,
        client_secret: 'shh-secret',
      },
    });
    expect(saved.status).toBe(200);
    const { id } = await readJson(saved);
    return { ws, call, connectorId: id as string };
  }

  const settled = (id: string) =>
    eventually(async () => {
      const row = await t.deps.db
        .selectFrom('connector_deliveries')
        .select(['status', 'attempts', 'last_error'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return ['delivered', 'failed'].includes(row.status) ? row : undefined;
    }, 15_000);

  it('asks for a client id with a refresh token, naming the field', async () => {
    const ws = await createTestWorkspace(t);
    const call = consoleCall(t, (await signIn(t, ws.id, 'admin@acme.io', 'admin')).cookie);
    const res = await call('PUT', '/settings/connectors/salesforce', {
      credentials: {
        instance_url: SALESFORCE_INSTANCE,
        access_token: '00Dexpired!session',
        refresh_token: oauth.refreshToken,
      },
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.message).toContain('client_id');
  });

  it('refreshes an expired session with the refresh token, keeps the new token sealed, and retries once', async () => {
    const sf = salesforceHandlers({ oauth });
    stage.msw.use(...sf.handlers);
    const { ws, connectorId } = await connect(oauth.refreshToken);
    const [first] = await queueConnectorAction(t.deps, ws, task('First'), 'refresh:1', connectorId);
    expect(await settled(first as string)).toEqual({ status: 'delivered', attempts: 1, last_error: null });
    expect(sf.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /sobjects/Task',
      'POST /services/oauth2/token',
      'POST /sobjects/Task',
    ]);
    expect(sf.calls[1]?.body).toEqual({
      grant_type: 'refresh_token',
      refresh_token: oauth.refreshToken,
      client_id: oauth.clientId,
      client_secret: 'shh-secret',
    });
    const row = await t.deps.db
      .selectFrom('connectors')
      .select(['credentials', 'auth_error'])
      .where('id', '=', connectorId)
      .executeTakeFirstOrThrow();
    expect(row.auth_error).toBeNull();
    expect(row.credentials).toMatch(/^sealed:v1:/);
    expect(row.credentials).not.toContain('renewed');
    expect(JSON.parse(openSecret(t.deps, 'connector-credentials', row.credentials, ws.id))).toMatchObject({
      access_token: oauth.accessToken,
      refresh_token: oauth.refreshToken,
    });

    // The stored token serves the next delivery: no second refresh.
    const [second] = await queueConnectorAction(t.deps, ws, task('Second'), 'refresh:2', connectorId);
    expect(await settled(second as string)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(sf.calls.filter((c) => c.path === '/services/oauth2/token')).toHaveLength(1);
    expect(sf.tasks()).toHaveLength(3);
  });

  it('marks the connector as needing re-authentication when the refresh is refused, until new credentials', async () => {
    const sf = salesforceHandlers({ oauth });
    stage.msw.use(...sf.handlers);
    const { ws, call, connectorId } = await connect('5Aep861revoked-token');
    const [id] = await queueConnectorAction(t.deps, ws, task('Refused'), 'refused:1', connectorId);
    const failed = await settled(id as string);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed?.last_error).toContain('invalid_grant');
    // One refresh, no retry of the task with the dead session.
    expect(sf.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /sobjects/Task',
      'POST /services/oauth2/token',
    ]);

    const listed = await readJson(await call('GET', '/settings/connectors'));
    const view = listed.connectors.find((c: { kind: string }) => c.kind === 'salesforce');
    expect(view.auth_error).toBe('Salesforce refused the refresh token (invalid_grant); connect Salesforce again.');
    expect(JSON.stringify(listed)).not.toContain('revoked-token');
    const tested = await readJson(await call('POST', '/settings/connectors/salesforce/test'));
    expect(tested.ok).toBe(false);

    // While it waits for new credentials, a delivery is held, not spent on a refused session.
    const callsBefore = sf.calls.length;
    const [held] = await queueConnectorAction(t.deps, ws, task('While away'), 'refused:2', connectorId);
    const waiting = await eventually(async () => {
      const row = await t.deps.db
        .selectFrom('connector_deliveries')
        .select(['status', 'attempts', 'last_error'])
        .where('id', '=', held as string)
        .executeTakeFirstOrThrow();
      return row.last_error ? row : undefined;
    }, 15_000);
    expect(waiting).toEqual({ status: 'pending', attempts: 0, last_error: WAITING_FOR_REAUTH });
    expect(sf.calls.length).toBe(callsBefore);

    const again = await call('PUT', '/settings/connectors/salesforce', {
      credentials: {
        instance_url: SALESFORCE_INSTANCE,
        access_token: '00Dexpired!session',
        refresh_token: oauth.refreshToken,
        client_id: oauth.clientId,
      },
    });
    expect((await readJson(again)).auth_error).toBeNull();
    expect(await readJson(await call('POST', '/settings/connectors/salesforce/test'))).toEqual({
      ok: true,
      message: expect.stringContaining('Acme Inc'),
    });
    // Connected again, the held delivery goes out.
    expect(await settled(held as string)).toMatchObject({ status: 'delivered', attempts: 1, last_error: null });
    expect(sf.tasks().map((c) => (c.body as { Subject: string }).Subject)).toContain('While away');
  });
});
