import { externalId, MAX_BATCH_ITEMS } from '@candor/shared';
import { z } from 'zod';

// Segment sends many fields we don't use (context, integrations, _metadata, sentAt…): objects
// are loose so a real Segment payload passes, while the fields we read are checked.
const context = z.looseObject({ groupId: externalId.optional() }).optional();
const common = {
  messageId: z.string().min(1).max(255).optional(),
  timestamp: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
  anonymousId: z.union([z.string(), z.number()]).optional(),
  context,
};
const traits = z.record(z.string().max(200), z.unknown()).optional();

export const segmentTrack = z.looseObject({
  type: z.literal('track'),
  event: z.string().trim().min(1, { error: 'must not be empty' }).max(200),
  userId: externalId.optional(),
  properties: z.record(z.string().max(200), z.unknown()).optional(),
  ...common,
});
export const segmentIdentify = z.looseObject({
  type: z.literal('identify'),
  userId: externalId.optional(),
  traits,
  ...common,
});
export const segmentGroup = z.looseObject({
  type: z.literal('group'),
  groupId: externalId,
  userId: externalId.optional(),
  traits,
  ...common,
});
/** Calls Candor has no use for; accepted so a Segment source never sees errors for them. */
export const segmentIgnored = z.looseObject({ type: z.enum(['page', 'screen', 'alias']), ...common });

export const segmentMessage = z.discriminatedUnion('type', [
  segmentTrack,
  segmentIdentify,
  segmentGroup,
  segmentIgnored,
]);
export type SegmentMessage = z.infer<typeof segmentMessage>;

export const segmentBatch = z.looseObject({
  batch: z
    .array(segmentMessage)
    .min(1, { error: 'send at least one message' })
    .max(MAX_BATCH_ITEMS, { error: `send at most ${MAX_BATCH_ITEMS} messages per request; split the batch` }),
  writeKey: z.string().optional(),
});

/** Body of `POST /v1/segment`: one Segment message, or Segment's batch envelope. */
export const segmentBody = z.union([segmentBatch, segmentMessage]);

/** The messages of a body, batch or single. */
export function segmentMessages(body: z.infer<typeof segmentBody>): SegmentMessage[] {
  return 'batch' in body && Array.isArray(body.batch) ? body.batch : [body as SegmentMessage];
}

/** A union error says only "invalid input"; re-check against the shape the body meant, for a field path. */
export function explainSegmentError(input: unknown): z.ZodError | undefined {
  const meant = input && typeof input === 'object' && 'batch' in input ? segmentBatch : segmentMessage;
  const result = meant.safeParse(input);
  return result.success ? undefined : result.error;
}

export const segmentResult = z.object({
  success: z.literal(true),
  identified: z.number().int().describe('identify calls applied (contacts upserted).'),
  grouped: z.number().int().describe('group calls applied (accounts upserted, contact linked).'),
  tracked: z.number().int().describe('track calls stored as events.'),
  duplicates: z.number().int().describe('track calls skipped because their messageId was already stored.'),
  ignored: z.number().int().describe('Calls without a userId (anonymous) or of a type Candor does not use.'),
});
export type SegmentResult = z.infer<typeof segmentResult>;
