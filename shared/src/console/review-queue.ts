import { z } from 'zod';

/** GET /review-items: a CSM's own and unassigned items (Home) or every open item, optionally of one account. */
export const reviewListQuerySchema = z.object({
  account_id: z.uuid().optional(),
  scope: z.enum(['mine', 'all']).default('all'),
});

/** One open review item as the console shows it: the reason in words and the customer's words. */
export const reviewQueueItemSchema = z
  .object({
    id: z.string(),
    account: z.object({ id: z.string(), name: z.string() }),
    kind: z.string(),
    kind_label: z.string(),
    reason: z.string(),
    quote: z.string().nullable(),
    interview_id: z.string().nullable(),
    message_id: z.string().nullable(),
    status: z.enum(['open', 'snoozed']),
    snoozed_until: z.string().nullable(),
    assignee: z.object({ id: z.string(), name: z.string().nullable(), email: z.string() }).nullable(),
    assigned_to_me: z.boolean(),
    created_at: z.string(),
  })
  .meta({ id: 'ReviewQueueItem' });
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

/** What a CSM does with an item: done, snooze until a date (in their time zone), reassign, or reopen. */
export const reviewActionBodySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('done') }),
  z.strictObject({ action: z.literal('reopen') }),
  z.strictObject({ action: z.literal('snooze'), until: z.iso.date().describe('The day it comes back (YYYY-MM-DD)') }),
  z.strictObject({ action: z.literal('reassign'), member_id: z.uuid() }),
]);
export type ReviewAction = z.infer<typeof reviewActionBodySchema>;

/** Who an item can be handed to: every member of the workspace. */
export const assigneesSchema = z.object({
  members: z.array(z.object({ id: z.string(), name: z.string().nullable(), email: z.string() })),
});
