import { z } from 'zod';
import { batchOf, externalId } from './batch';

/** One event in `POST /v1/events`. */
export const eventInput = z
  .strictObject({
    event: z.string().trim().min(1, { error: 'must not be empty' }).max(200).describe('Event name.'),
    contact_id: externalId.optional().describe('Your id of the person; unknown ids create a minimal contact.'),
    account_id: externalId
      .optional()
      .describe("Your id of the account; defaults to the contact's account. Must exist."),
    properties: z.record(z.string().max(200), z.unknown()).optional(),
    timestamp: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' })
      .optional()
      .describe('When it happened; defaults to when it was received.'),
    message_id: z
      .string()
      .min(1)
      .max(255)
      .optional()
      .describe('Your unique id for the event: a repeat with the same message_id is stored once.'),
  })
  .superRefine((e, ctx) => {
    if (e.contact_id === undefined && e.account_id === undefined)
      ctx.addIssue({ code: 'custom', path: ['contact_id'], message: 'send contact_id or account_id (or both)' });
  });
export type EventInput = z.infer<typeof eventInput>;

/** Body of `POST /v1/events`. */
export const trackEventsBody = z.strictObject({ events: batchOf(eventInput, 'events') });
export type TrackEventsBody = z.infer<typeof trackEventsBody>;

/** Answer of `POST /v1/events`. */
export const trackEventsResult = z.object({
  recorded: z.number().int().describe('Events stored by this call.'),
  duplicates: z.number().int().describe('Events skipped because their message_id was already stored.'),
  contacts_created: z.number().int().describe('Minimal contacts created for contact ids not seen before.'),
});
export type TrackEventsResult = z.infer<typeof trackEventsResult>;
