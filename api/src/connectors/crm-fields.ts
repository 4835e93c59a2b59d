import { createHash } from 'node:crypto';
import { crmSettings, type SignalValueOf } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { enabledCrmConnectors } from './connector-store';
import { queueConnectorAction } from './deliver-action';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'config'>;

/**
 * Writes Candor's view of an account onto its CRM record (HubSpot company, Salesforce
 * account) for each connected CRM whose settings map fields and that knows the record id
 * (`attributes.<crm>_id`, set by the sync). The same values are written once: the key is
 * a digest of what is written, so a recompute that changes nothing sends nothing.
 */
export async function queueCrmFieldWrites(deps: Deps, ws: Ws, accountId: string): Promise<void> {
  const t = tenant(deps.db, ws);
  const crms = await enabledCrmConnectors(deps.db, ws);
  if (crms.length === 0) return;
  const account = await t
    .selectFrom('accounts')
    .select(['id', 'health_state', 'attributes'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) return;
  const values = await candorValues(deps, ws, account);
  for (const crm of crms) {
    const crmId = account.attributes[`${crm.kind}_id`];
    const mapping = crmSettings.safeParse(crm.settings);
    if (typeof crmId !== 'string' || !mapping.success) continue;
    const fields: Record<string, string | number | null> = {};
    for (const [field, property] of Object.entries(mapping.data.fields))
      if (property && field in values) fields[property] = values[field as keyof typeof values];
    if (Object.keys(fields).length === 0) continue;
    const digest = createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 16);
    await queueConnectorAction(
      deps,
      ws,
      { type: 'crm.account_fields', crm_id: crmId, fields },
      `fields:${account.id}:${digest}`,
      crm.id,
    );
  }
}

async function candorValues(deps: Deps, ws: Ws, account: { id: string; health_state: string }) {
  const t = tenant(deps.db, ws);
  const [risks, last] = await Promise.all([
    t
      .selectFrom('signals')
      .select('value')
      .where('account_id', '=', account.id)
      .where('kind', '=', 'churn_risk')
      .$narrowType<{ value: SignalValueOf<'churn_risk'> }>()
      .execute(),
    t
      .selectFrom('interviews')
      .select((eb) => eb.fn.max('ended_at').as('at'))
      .where('account_id', '=', account.id)
      .where('status', '=', 'completed')
      .executeTakeFirst(),
  ]);
  const counts = new Map<string, number>();
  for (const r of risks)
    for (const reason of r.value.reasons ?? [])
      if (typeof reason === 'string') counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
  return {
    health: account.health_state,
    churn_reasons: top.map(([k]) => k).join(', '),
    last_interview_at: last?.at ? new Date(last.at).toISOString().slice(0, 10) : null,
    brief_url: `${deps.config.publicUrl}/accounts/${account.id}`,
  };
}
