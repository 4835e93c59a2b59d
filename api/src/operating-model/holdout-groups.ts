import { sql } from 'kysely';
import type { Tenant } from '../db/tenant';
import { type ArmAccount, compareArms, type LiftComparison, MIN_ACCOUNTS_PER_ARM } from './holdout-lift';

export type HoldoutReport = {
  /** The headline comparison: the trigger with enough data and the largest control group. */
  overall: LiftComparison & { name: string };
  by_trigger: (LiftComparison & { trigger_id: string; name: string; holdout_percent: number })[];
};

type Decision = { trigger_id: string; account_id: string; held: boolean; at: Date };

/** Renewals of each account on or after a date, oldest first. */
async function renewalsSince(t: Tenant, accountIds: string[]) {
  if (!accountIds.length) return new Map<string, { on: string; beforeCents: number; afterCents: number }[]>();
  const rows = await t
    .selectFrom('renewal_outcomes')
    .select(['account_id', 'occurred_on', 'arr_before_cents', 'arr_after_cents'])
    .where('account_id', 'in', accountIds)
    .orderBy('occurred_on')
    .execute();
  const byAccount = new Map<string, { on: string; beforeCents: number; afterCents: number }[]>();
  for (const r of rows) {
    const list = byAccount.get(r.account_id) ?? [];
    list.push({ on: r.occurred_on, beforeCents: Number(r.arr_before_cents), afterCents: Number(r.arr_after_cents) });
    byAccount.set(r.account_id, list);
  }
  return byAccount;
}

/**
 * Treated vs held-out accounts, per trigger and pooled. An account is assigned when a
 * trigger first decided about it; only renewals from that day on count (intention to
 * treat: accounts skipped by fatigue stay in the treated group, as they would in real life).
 */
export async function holdoutReport(t: Tenant): Promise<HoldoutReport> {
  const rows = await t
    .selectFrom('invitations')
    .innerJoin('triggers', 'triggers.id', 'invitations.trigger_id')
    .select([
      'invitations.trigger_id',
      'invitations.account_id',
      sql<boolean>`bool_or(invitations.skip_reason = 'holdout')`.as('held'),
      sql<Date>`min(invitations.created_at)`.as('at'),
    ])
    .where('invitations.account_id', 'is not', null)
    .groupBy(['invitations.trigger_id', 'invitations.account_id'])
    .execute();
  const decisions = rows.map((r) => ({ ...r, at: new Date(r.at) }) as Decision);
  const renewals = await renewalsSince(t, [...new Set(decisions.map((d) => d.account_id))]);
  const armOf = (accountId: string, from: Date): ArmAccount => {
    const day = from.toISOString().slice(0, 10);
    return { renewals: (renewals.get(accountId) ?? []).filter((r) => r.on >= day) };
  };

  const triggers = await t.selectFrom('triggers').select(['id', 'name', 'rule']).orderBy('created_at').execute();
  const by_trigger = triggers
    .filter((tr) => decisions.some((d) => d.trigger_id === tr.id))
    .map((tr) => {
      const mine = decisions.filter((d) => d.trigger_id === tr.id);
      const comparison = compareArms(
        mine.filter((d) => !d.held).map((d) => armOf(d.account_id, d.at)),
        mine.filter((d) => d.held).map((d) => armOf(d.account_id, d.at)),
      );
      const percent = (tr.rule as { holdout_percent?: number }).holdout_percent ?? 0;
      return { trigger_id: tr.id, name: tr.name, holdout_percent: percent, ...comparison };
    });

  // Accounts are never pooled across triggers: each rule's two groups are drawn from the
  // same eligible accounts, but a pooled "held out of everything" group would not be (rules
  // aimed at at-risk accounts would fill the treated side). The headline is the trigger
  // with enough data and the largest control group.
  const ready = by_trigger.filter((r) => r.enough_data).sort((a, b) => b.held_out.accounts - a.held_out.accounts);
  const headline = ready[0];
  const overall = headline
    ? { ...headline, name: headline.name }
    : {
        ...compareArms([], []),
        name: 'All triggers',
        verdict: by_trigger.length
          ? `Not enough data yet: no trigger has ${MIN_ACCOUNTS_PER_ARM} treated and ${MIN_ACCOUNTS_PER_ARM} held-out accounts that renewed or churned since assignment (largest control group: ${Math.max(...by_trigger.map((r) => r.held_out.accounts))}).`
          : 'Not enough data yet: no trigger has decided about any account.',
      };
  return {
    overall: {
      name: overall.name,
      treated: overall.treated,
      held_out: overall.held_out,
      enough_data: overall.enough_data,
      verdict: overall.verdict,
      lift: overall.lift,
    },
    by_trigger,
  };
}
