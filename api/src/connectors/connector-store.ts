import { crmSettings } from '@candor/shared';
import type { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AppError, describeZodError, notFound } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { openSecret, sealSecret } from '../secrets/sealed-secrets';
import type { Connector, ConnectorKind } from './connector';
import { hubspotConnector, hubspotCredentials } from './hubspot-connector';
import { salesforceConnector, salesforceCredentials } from './salesforce-connector';
import { slackConnector, slackCredentials, slackSettings } from './slack-connector';

type Deps = Pick<AppDeps, 'db' | 'config' | 'secret' | 'previousSecret' | 'now'>;

const credentialSchemas: Record<ConnectorKind, z.ZodType<Record<string, unknown>>> = {
  slack: slackCredentials,
  hubspot: hubspotCredentials,
  salesforce: salesforceCredentials,
};
const settingSchemas: Record<ConnectorKind, z.ZodType<Record<string, unknown>>> = {
  slack: slackSettings,
  hubspot: crmSettings,
  salesforce: crmSettings,
};

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_request', `${what}: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** A connector as the console sees it: never its credentials. */
export type ConnectorView = {
  id: string;
  kind: ConnectorKind;
  enabled: boolean;
  settings: Record<string, unknown>;
  last_synced_at: string | null;
  /** Set when the credentials stopped working and could not be renewed: Settings asks for new ones. */
  auth_error: string | null;
  updated_at: string;
};

export async function listConnectors(deps: Pick<AppDeps, 'db'>, ws: Ws): Promise<ConnectorView[]> {
  const rows = await tenant(deps.db, ws)
    .selectFrom('connectors')
    .select(['id', 'kind', 'enabled', 'settings', 'last_synced_at', 'auth_error', 'updated_at'])
    .orderBy('kind')
    .execute();
  return rows.map(view);
}

function view(r: {
  id: string;
  kind: ConnectorKind;
  enabled: boolean;
  settings: Record<string, unknown>;
  last_synced_at: Date | null;
  auth_error: string | null;
  updated_at: Date;
}): ConnectorView {
  return {
    id: r.id,
    kind: r.kind,
    enabled: r.enabled,
    settings: r.settings,
    last_synced_at: r.last_synced_at ? new Date(r.last_synced_at).toISOString() : null,
    auth_error: r.auth_error,
    updated_at: new Date(r.updated_at).toISOString(),
  };
}

/**
 * Creates or changes the workspace's connector of `kind`. Credentials are required the first
 * time and optional after (omitted: the sealed ones are kept); they are sealed before storing.
 */
export async function saveConnector(
  deps: Deps,
  ws: Ws,
  kind: ConnectorKind,
  input: { credentials?: unknown; settings?: unknown; enabled?: boolean },
): Promise<ConnectorView> {
  const t = tenant(deps.db, ws);
  const existing = await t
    .selectFrom('connectors')
    .select(['id', 'settings'])
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!existing && input.credentials === undefined)
    throw new AppError('invalid_request', 'credentials: required to connect');
  const sealed =
    input.credentials === undefined
      ? undefined
      : sealSecret(
          deps,
          'connector-credentials',
          JSON.stringify(parse(credentialSchemas[kind], input.credentials, 'credentials')),
          ws.id,
        );
  const settings = parse(settingSchemas[kind], input.settings ?? existing?.settings ?? {}, 'settings');
  const row = existing
    ? await t
        .updateTable('connectors')
        .set({
          settings,
          updated_at: deps.now(),
          // New credentials are a new chance: the connector no longer waits for re-authentication.
          ...(sealed ? { credentials: sealed, auth_error: null } : {}),
          ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
        })
        .where('id', '=', existing.id)
        .returning(['id', 'kind', 'enabled', 'settings', 'last_synced_at', 'auth_error', 'updated_at'])
        .executeTakeFirstOrThrow()
    : await t
        .insertInto('connectors')
        .values({ kind, settings, credentials: sealed as string, enabled: input.enabled ?? true })
        .returning(['id', 'kind', 'enabled', 'settings', 'last_synced_at', 'auth_error', 'updated_at'])
        .executeTakeFirstOrThrow();
  return view(row);
}

export async function deleteConnector(deps: Pick<AppDeps, 'db'>, ws: Ws, kind: ConnectorKind): Promise<void> {
  const gone = await tenant(deps.db, ws).deleteFrom('connectors').where('kind', '=', kind).executeTakeFirst();
  if (!gone.numDeletedRows) throw notFound('Connector');
}

/** The stored connector of `kind`, opened into a client; undefined when not configured. */
export async function loadConnector(
  deps: Deps,
  ws: Ws,
  where: { kind: ConnectorKind } | { id: string },
): Promise<
  | { id: string; enabled: boolean; authError: string | null; settings: Record<string, unknown>; connector: Connector }
  | undefined
> {
  let q = tenant(deps.db, ws)
    .selectFrom('connectors')
    .select(['id', 'kind', 'enabled', 'auth_error', 'settings', 'credentials']);
  q = 'kind' in where ? q.where('kind', '=', where.kind) : q.where('id', '=', where.id);
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  const credentials: unknown = JSON.parse(openSecret(deps, 'connector-credentials', row.credentials, ws.id));
  return {
    id: row.id,
    enabled: row.enabled,
    authError: row.auth_error,
    settings: row.settings,
    connector: openConnector(deps, ws, row.id, row.kind, credentials),
  };
}

function openConnector(deps: Deps, ws: Ws, id: string, kind: ConnectorKind, credentials: unknown): Connector {
  switch (kind) {
    case 'slack':
      return slackConnector(slackCredentials.parse(credentials), deps.config.connectors.slackApiUrl);
    case 'hubspot':
      return hubspotConnector(hubspotCredentials.parse(credentials), deps.config.connectors.hubspotApiUrl);
    case 'salesforce':
      return salesforceConnector(salesforceCredentials.parse(credentials), {
        // A renewed access token is sealed like the rest; the row's settings and state stay as they are.
        refreshed: async (renewed) => {
          await tenant(deps.db, ws)
            .updateTable('connectors')
            .set({ credentials: sealSecret(deps, 'connector-credentials', JSON.stringify(renewed), ws.id) })
            .where('id', '=', id)
            .execute();
        },
        authLost: async (reason) => {
          await tenant(deps.db, ws)
            .updateTable('connectors')
            .set({ auth_error: reason })
            .where('id', '=', id)
            .execute();
        },
      });
  }
}

/** The workspace's enabled HubSpot and Salesforce connectors, with their settings as stored. */
export function enabledCrmConnectors(db: AppDeps['db'], ws: Ws) {
  return tenant(db, ws)
    .selectFrom('connectors')
    .select(['id', 'kind', 'settings'])
    .where('kind', 'in', ['hubspot', 'salesforce'])
    .where('enabled', '=', true)
    .execute();
}
