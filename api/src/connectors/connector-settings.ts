import type { ConnectorSaveBody } from '@candor/shared/console';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AppError, notFound } from '../app-error';
import type { Ws } from '../db/tenant';
import { memberActor, recordAudit } from '../workspaces/audit';
import { ConnectorError, type ConnectorKind, connectorKinds } from './connector';
import { deleteConnector, listConnectors, loadConnector, saveConnector } from './connector-store';
import { syncCrmAccounts } from './crm-sync';
import { listConnectorDeliveries, resumeHeldDeliveries } from './deliver-action';

type Deps = Pick<AppDeps, 'db' | 'config' | 'log' | 'jobs' | 'now' | 'secret' | 'previousSecret'>;

const vendorNames: Record<ConnectorKind, string> = { slack: 'Slack', hubspot: 'HubSpot', salesforce: 'Salesforce' };

/** The kind in the path, or 404 (an unknown kind is no connector at all). */
export function connectorKind(raw: string): ConnectorKind {
  const parsed = z.enum(connectorKinds).safeParse(raw);
  if (!parsed.success) throw notFound('Connector');
  return parsed.data;
}

/** Every connector with its settings (never its credentials), and the kinds one can add. */
export async function connectorSettings(deps: Deps, ws: Ws) {
  return { connectors: await listConnectors(deps, ws), kinds: [...connectorKinds] };
}

/** Connects or reconfigures one kind; credentials are sealed and never answered. Audited without them. */
export async function configureConnector(
  deps: Deps,
  ws: Ws,
  memberId: string,
  kind: ConnectorKind,
  body: ConnectorSaveBody,
) {
  const saved = await saveConnector(deps, ws, kind, body);
  if (body.credentials && saved.enabled) await resumeHeldDeliveries(deps, ws, saved.id);
  await recordAudit(deps, ws, {
    actor: memberActor(memberId),
    action: 'connector.configured',
    target: kind,
    details: { settings: saved.settings, enabled: saved.enabled, credentials_changed: !!body.credentials },
  });
  return saved;
}

export async function removeConnector(deps: Deps, ws: Ws, memberId: string, kind: ConnectorKind) {
  await deleteConnector(deps, ws, kind);
  await recordAudit(deps, ws, { actor: memberActor(memberId), action: 'connector.removed', target: kind });
}

/** Calls the vendor with the stored credentials and says what it answered. */
export async function testConnector(deps: Deps, ws: Ws, kind: ConnectorKind) {
  const loaded = await loadConnector(deps, ws, { kind });
  if (!loaded) throw notFound('Connector');
  try {
    return { ok: true, message: await loaded.connector.testConnection() };
  } catch (err) {
    if (!(err instanceof ConnectorError)) throw err;
    const status = err.status ? ` (HTTP ${err.status})` : '';
    return { ok: false, message: `${vendorNames[kind]} answered: ${err.message}${status}` };
  }
}

/** Runs a CRM's account sync now and answers what it did (or the vendor's refusal). */
export async function syncConnectorNow(deps: Deps, ws: Ws, memberId: string, kind: ConnectorKind) {
  if (kind === 'slack') throw new AppError('invalid_request', 'kind: only a CRM syncs accounts');
  try {
    const result = await syncCrmAccounts(deps, ws, kind);
    await recordAudit(deps, ws, {
      actor: memberActor(memberId),
      action: 'connector.synced',
      target: kind,
      details: result,
    });
    return { ok: true as const, ...result };
  } catch (err) {
    if (!(err instanceof ConnectorError)) throw err;
    return { ok: false as const, message: `${vendorNames[kind]} answered: ${err.message}`, created: 0, updated: 0 };
  }
}

/** The connector's delivery log, newest first, without the messages themselves. */
export async function connectorDeliveries(deps: Deps, ws: Ws, kind: ConnectorKind) {
  const [connector] = (await listConnectors(deps, ws)).filter((c) => c.kind === kind);
  if (!connector) throw notFound('Connector');
  return { deliveries: await listConnectorDeliveries(deps, ws, connector.id) };
}
