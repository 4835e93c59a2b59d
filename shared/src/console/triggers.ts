import { z } from 'zod';
import { triggerInputSchema } from '../triggers';

const count = z.number().int();

/** A trigger rule as stored (the same as /v1/triggers answers). */
export const triggerSchema = triggerInputSchema
  .extend({ id: z.string(), created_at: z.string(), updated_at: z.string() })
  .meta({ id: 'Trigger' });

/** A rule in the triggers list, with its funnel: invitations made and skipped, interviews started and completed. */
export const triggerRowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    enabled: z.boolean(),
    guide_id: z.string(),
    guide_name: z.string().nullable(),
    rule: z.record(z.string(), z.unknown()),
    invited: count,
    skipped: count,
    started: count,
    completed: count,
  })
  .meta({ id: 'TriggerRow' });

/** Interviews sent by hand (no trigger): the funnel's Manual row. */
export const manualSendsSchema = z
  .object({
    eligible: count,
    skipped: count,
    skipped_by_reason: z.record(z.string(), count),
    invited: count,
    shown: count,
    started: count,
    completed: count,
    actionable: count,
  })
  .meta({ id: 'ManualSends' });

/** The span a funnel counts: what was decided in the last `days` days. */
export const funnelWindowSchema = z.object({ days: count, since: z.string() }).meta({ id: 'FunnelWindow' });

export const triggerListSchema = z.object({
  items: z.array(triggerRowSchema),
  manual: manualSendsSchema,
  window: funnelWindowSchema,
});

/** A dry run needs only the rule's *when*, *who* and plan condition; the form sends what it has. */
export const dryRunBodySchema = triggerInputSchema.pick({ when: true, who: true, plans: true });
/** How many contacts the rule would reach now, or why that cannot be counted ahead of time. */
export const dryRunSchema = z.union([
  z.object({ evaluable: z.literal(true), contacts: count }),
  z.object({ evaluable: z.literal(false), contacts: z.null(), reason: z.string() }),
]);

/** How each step of a play turned out. */
export const playStepCountsSchema = z.object({
  steps: z.array(
    z.object({
      step: count,
      type: z.string(),
      done: count,
      queued: count,
      skipped: count,
      failed: count,
      shown: count.optional(),
      dismissed: count.optional(),
      clicked: count.optional(),
    }),
  ),
  window: funnelWindowSchema,
});
