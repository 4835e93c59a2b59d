import type { Tenant } from '../db/tenant';
import { type ConnectorAction, connectorActionSchema } from './connector';

const ERASED = '(erased)';

/** The action with every piece of the person's words replaced; where it goes and its kind stay. */
function blanked(action: ConnectorAction): ConnectorAction {
  switch (action.type) {
    case 'slack.message':
      return { ...action, text: ERASED, blocks: [] };
    case 'crm.task':
      return { ...action, body: ERASED };
    case 'crm.account_fields':
      return { ...action, fields: Object.fromEntries(Object.keys(action.fields).map((k) => [k, ERASED])) };
  }
}

/**
 * Connector deliveries carry what a person said: alert cards and CRM tasks quote the
 * message they came from (their event key names its id), intake field writes hold the
 * answers (`intake:<interview id>`). On erasure their words are blanked, and those not
 * yet sent are failed rather than sent without them. What reached Slack or the CRM
 * before stays there: it is the workspace's own system to erase from.
 */
export async function eraseConnectorActionsCiting(t: Tenant, interviewIds: string[]): Promise<number> {
  if (interviewIds.length === 0) return 0;
  const messages = await t
    .selectFrom('messages')
    .select('id')
    .where('interview_id', 'in', interviewIds)
    .where('role', '=', 'customer')
    .execute();
  const rows = await t
    .selectFrom('connector_deliveries')
    .select(['id', 'action', 'status'])
    .where((eb) =>
      eb.or([
        eb(
          'event_key',
          'in',
          interviewIds.map((id) => `intake:${id}`),
        ),
        // Message ids are uuids: nothing in them for LIKE to read as a pattern.
        ...messages.map((m) => eb('event_key', 'like', `%:${m.id}:%`)),
      ]),
    )
    .execute();
  for (const row of rows) {
    const parsed = connectorActionSchema.safeParse(row.action);
    const unsent = row.status !== 'delivered' && row.status !== 'failed';
    await t
      .updateTable('connector_deliveries')
      .set({
        ...(parsed.success ? { action: blanked(parsed.data) } : {}),
        ...(unsent
          ? { status: 'failed', last_error: 'not sent: the person it quotes was erased', next_attempt_at: null }
          : {}),
      })
      .where('id', '=', row.id)
      .execute();
  }
  return rows.length;
}
