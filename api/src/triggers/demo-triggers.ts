import type { Moment, TriggerInput } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { evaluateWorkspaceTriggers } from './evaluate-periodic';
import { createTrigger } from './trigger-store';

/** One sensible playbook per lifecycle moment, as a CS team would start. */
const playbook: (Omit<TriggerInput, 'guide_id' | 'enabled' | 'throttle' | 'do' | 'holdout_percent'> & {
  moment: Moment;
})[] = [
  {
    moment: 'onboarding',
    name: 'Onboarding intake when setup is done',
    when: { type: 'event', event: 'onboarding_completed' },
    who: { type: 'contact' },
    how: { channel: 'in_app' },
  },
  {
    moment: 'health_pulse',
    name: 'Health pulse 90 days after signup',
    when: { type: 'schedule', anchor: 'signup', offset_days: 90 },
    who: { type: 'contact' },
    how: { channel: 'in_app_then_email', email_after_days: 3 },
  },
  {
    moment: 'churn_risk',
    name: 'Churn-risk check when usage drops 40% over 30 days',
    when: { type: 'usage_drop', percent: 40, days: 30 },
    who: { type: 'account_contacts', roles: ['champion', 'admin'] },
    how: { channel: 'in_app_then_email', email_after_days: 2 },
  },
  {
    moment: 'churn_risk',
    name: 'Churn-risk check when an account turns at risk',
    when: { type: 'health_change', to: 'at_risk' },
    who: { type: 'account_contacts', roles: ['champion'] },
    how: { channel: 'in_app_then_email', email_after_days: 2 },
  },
  {
    moment: 'pre_renewal',
    name: 'Pre-renewal value check 60 days out',
    when: { type: 'schedule', anchor: 'renewal_date', offset_days: -60 },
    who: { type: 'account_contacts', roles: ['champion', 'economic buyer'] },
    how: { channel: 'email' },
  },
  {
    moment: 'expansion',
    name: 'Expansion discovery at the seat limit',
    when: { type: 'event', event: 'seat_limit_reached' },
    who: { type: 'contact' },
    how: { channel: 'in_app' },
  },
  {
    moment: 'feature_launch',
    name: 'You asked, we shipped: ask the people who requested it',
    when: { type: 'event', event: 'feature_released' },
    who: { type: 'contact' },
    how: { channel: 'in_app_then_email', email_after_days: 3 },
  },
  {
    moment: 'feature_launch',
    name: 'Feedback after trying the new AI insights',
    when: { type: 'event', event: 'feature_used', filter: { feature: 'ai_insights' } },
    who: { type: 'contact' },
    how: { channel: 'in_app' },
  },
];

/**
 * Gives the demo workspace its playbook (once) and runs the periodic evaluation, so its
 * declining accounts already have churn-risk invitations on first start.
 */
export async function installDemoTriggers(deps: AppDeps, ws: Ws): Promise<{ triggers: number; invited: number }> {
  const t = tenant(deps.db, ws);
  const existing = await t.selectFrom('triggers').select('id').limit(1).execute();
  if (existing.length > 0) return { triggers: 0, invited: 0 };
  const guides = await t.selectFrom('guides').select(['id', 'moment']).where('template_key', 'is not', null).execute();
  let created = 0;
  for (const { moment, ...rule } of playbook) {
    const guide = guides.find((g) => g.moment === moment);
    if (!guide) continue;
    // The live playbook keeps no control group, so the walkthrough is the same on every start;
    // the demo's holdout is the year-old health-pulse wave seeded with its renewals.
    await createTrigger(deps.db, ws, {
      ...rule,
      guide_id: guide.id,
      enabled: true,
      throttle: {},
      do: [{ type: 'invite' }],
      holdout_percent: 0,
    });
    created++;
  }
  const { invited } = await evaluateWorkspaceTriggers(deps, ws);
  return { triggers: created, invited };
}
