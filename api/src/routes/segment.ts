import { createRoute } from '@hono/zod-openapi';
import { AppError, describeZodError } from '../app-error';
import { idempotency } from '../http/idempotency';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { ingestSegment } from '../segment/ingest-segment';
import { segmentAuth } from '../segment/segment-auth';
import { explainSegmentError, segmentBody, segmentMessages, segmentResult } from '../segment/segment-payload';

// Named with zod's own .meta() (not .openapi()): shared schemas may be built before zod is extended.
const segmentResultDoc = segmentResult.meta({ id: 'SegmentResult' });

// Either scheme works (OpenAPI lists alternatives as separate entries).
const security: Record<string, string[]>[] = [{ secretKey: [] }, { segmentWriteKey: [] }];

/** Segment-compatible ingest, so a Segment destination or `@segment/analytics-node` can point at Candor. */
export function segmentRoutes() {
  const app = createRouter();
  app.openAPIRegistry.registerComponent('securitySchemes', 'segmentWriteKey', {
    type: 'http',
    scheme: 'basic',
    description: 'Segment style: the workspace secret key as the username, empty password.',
  });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/segment',
      tags: ['Segment'],
      security,
      middleware: [segmentAuth, idempotency] as const,
      summary: 'Ingest Segment calls',
      description:
        "Accepts one Segment message or Segment's batch envelope `{ batch: [...] }` (up to 1,000 messages). Use the " +
        'workspace secret key as the write key: HTTP Basic (`sk_…:`), Bearer, or `writeKey` in the body. ' +
        '`identify` upserts the contact `userId` (traits `email`, `name`/`firstName`+`lastName`, `title` become ' +
        'fields, other traits attributes); `group` upserts the account `groupId` (traits `name`, `plan`, `arr`; the ' +
        'rest attributes) and links `userId` to it; `track` stores an event for `userId` (account from ' +
        '`context.groupId` when known), deduplicated by `messageId`. Calls without `userId` and `page`/`screen`/' +
        '`alias` are accepted and ignored. All or nothing: one invalid message → 400 with its path, nothing written.',
      request: body(segmentBody),
      responses: {
        200: json('Applied', segmentResultDoc),
        400: errorResponse('Invalid message (nothing written), with the field path'),
        401: errorResponse('Missing or wrong write key'),
        413: errorResponse('Body over 256 KB'),
      },
    }),
    async (c) => c.json(await ingestSegment(c.get('deps'), c.get('ws'), segmentMessages(c.req.valid('json'))), 200),
    (result) => {
      if (result.success) return;
      // The validator hands the raw body along with a failure (not in the hook's declared type).
      const input = (result as { data?: unknown }).data;
      throw new AppError('invalid_request', describeZodError(explainSegmentError(input) ?? result.error));
    },
  );
  return app;
}
