import type { Tenant } from '../db/tenant';
import { type OutcomeRow, quarterOf, type Retention, retentionBy, retentionOf } from './retention-rates';

/** The workspace's renewal outcomes, optionally from a date on, oldest first. */
export async function loadOutcomes(t: Tenant, since?: string): Promise<OutcomeRow[]> {
  let q = t
    .selectFrom('renewal_outcomes')
    .select(['account_id', 'occurred_on', 'arr_before_cents', 'arr_after_cents', 'plan', 'owner_email'])
    .orderBy('occurred_on');
  if (since) q = q.where('occurred_on', '>=', since);
  const rows = await q.execute();
  return rows.map((r) => ({
    accountId: r.account_id,
    occurredOn: r.occurred_on,
    beforeCents: Number(r.arr_before_cents),
    afterCents: Number(r.arr_after_cents),
    plan: r.plan,
    ownerEmail: r.owner_email,
  }));
}

export type RetentionReport = {
  workspace: Retention;
  by_csm: Retention[];
  by_plan: Retention[];
  by_quarter: Retention[];
};

/** GRR and NRR for the workspace, per CSM, per plan (tier) and per quarter. */
export async function retentionReport(t: Tenant, since?: string): Promise<RetentionReport> {
  const rows = await loadOutcomes(t, since);
  return {
    workspace: retentionOf('workspace', rows),
    by_csm: retentionBy(rows, (r) => r.ownerEmail),
    by_plan: retentionBy(rows, (r) => r.plan),
    by_quarter: retentionBy(rows, (r) => quarterOf(r.occurredOn)),
  };
}
