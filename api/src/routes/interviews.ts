import { interviewLanguageSchema, listQuery, turnDecisionRecordSchema } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../app-error';
import { tenant } from '../db/tenant';
import { idempotency, idempotencyKeyHeaders } from '../http/idempotency';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { getInterviewDetail, interviewSummary, listInterviews } from '../interviews/interview-queries';
import { inviteContact, invitedOrRefused } from '../interviews/invite-contact';
import { scheduleInvitationEmail } from '../triggers/invitation-email';
import { loadInvitationSettings } from '../triggers/workspace-settings';
import { secretKeyAuth } from '../workspaces/secret-key-auth';

const statuses = ['invited', 'started', 'completed', 'abandoned', 'expired', 'declined'] as const;

const inviteBody = z
  .object({
    contact_id: z.string().trim().min(1).max(200).describe("The contact's external id"),
    guide_id: z.uuid(),
    channel: z.enum(['in_app', 'email']),
  })
  .openapi('InterviewInvite');
const invited = z
  .object({ id: z.uuid(), status: z.literal('invited'), url: z.string().nullable(), expires_at: z.string() })
  .openapi('InterviewInvited');

const summary = z
  .object({
    id: z.uuid(),
    status: z.enum(statuses),
    mode: z.string().describe('ai, scripted, or mixed when some turns fell back to scripted'),
    channel: z.enum(['in_app', 'email']),
    guide: z.object({ id: z.uuid(), name: z.string(), version: z.number().int() }),
    contact_id: z.string().nullable(),
    account_id: z.string().nullable(),
    invited_at: z.string(),
    started_at: z.string().nullable(),
    ended_at: z.string().nullable(),
  })
  .openapi('InterviewSummary');
const detail = summary
  .extend({
    language: interviewLanguageSchema
      .nullable()
      .describe(
        "The language the interview started in (contact locale, else the browser's, else the workspace default); null until it starts",
      ),
    usage: z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int() }),
    extraction: z.object({
      fallback_reason: z
        .string()
        .nullable()
        .describe(
          'Why the signals came from the keyword rules although a model is configured (the provider failed, or nothing the model cited survived the evidence checks)',
        ),
    }),
    messages: z.array(
      z.object({
        id: z.uuid(),
        role: z.enum(['interviewer', 'customer']),
        text: z.string(),
        mode: z.enum(['ai', 'scripted']).nullable(),
        client_id: z.string().nullable(),
        decision: turnDecisionRecordSchema.nullable().openapi({
          description:
            'On interviewer replies: what the turn policy decided (probe, advance, confirm_stop, close, handoff, opt_out) and why; in AI mode also the judgement of the answer it was decided from',
        }),
        created_at: z.string(),
      }),
    ),
    signals: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        value: z.record(z.string(), z.unknown()),
        quote: z.string(),
        message_id: z.uuid(),
        confidence: z.number(),
        source: z.enum(['ai', 'rules']),
        model: z.string().nullable(),
        created_at: z.string(),
      }),
    ),
  })
  .openapi('Interview');

const interviewQuery = listQuery({
  status: z.enum(statuses).optional(),
  account_id: z.string().max(200).optional().describe("An account's external id"),
  contact_id: z.string().max(200).optional().describe("A contact's external id"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

const errors = {
  400: errorResponse('Invalid input'),
  401: errorResponse('Missing or invalid secret key'),
  404: errorResponse('Not found'),
} as const;

/** Server API for interviews: invite a contact, list interviews, read one with transcript and signals. */
export function interviewRoutes() {
  const app = createRouter();
  app.use('/v1/interviews', secretKeyAuth);
  app.use('/v1/interviews/*', secretKeyAuth);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/interviews',
      tags: ['Interviews'],
      summary: 'Invite a contact to a guide, in the app or by an emailed link',
      security: [{ secretKey: [] }],
      // Auth runs first (app.use above), so keys are scoped to the workspace.
      middleware: [idempotency] as const,
      request: {
        headers: idempotencyKeyHeaders,
        ...body(inviteBody),
      },
      responses: {
        201: json('Invited', invited),
        409: errorResponse('The contact opted out'),
        ...errors,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const deps = c.get('deps');
      const ws = c.get('ws');
      const contact = await tenant(deps.db, ws)
        .selectFrom('contacts')
        .select(['id'])
        .where('external_id', '=', body.contact_id)
        .executeTakeFirst();
      if (!contact) throw notFound('Contact');
      const result = invitedOrRefused(
        await inviteContact(deps, ws, { contactId: contact.id, guideId: body.guide_id, channel: body.channel }),
      );
      // Email invitations go out through the same path as triggered ones: quiet hours, reminder, unsubscribe.
      if (body.channel === 'email')
        await scheduleInvitationEmail(
          deps,
          ws,
          result.id,
          { channel: 'email' },
          await loadInvitationSettings(deps.db, ws),
        );
      return c.json(result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/interviews',
      tags: ['Interviews'],
      summary: 'Interviews, newest first, filtered by status, account or contact',
      security: [{ secretKey: [] }],
      request: { query: interviewQuery },
      responses: {
        200: json(
          'A page of interviews',
          z.object({ data: z.array(summary), next_cursor: z.string().nullable() }).openapi('InterviewPage'),
        ),
        ...errors,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listInterviews(
        c.get('deps').db,
        c.get('ws'),
        {
          ...(q.status ? { status: q.status } : {}),
          ...(q.account_id ? { accountExternalId: q.account_id } : {}),
          ...(q.contact_id ? { contactExternalId: q.contact_id } : {}),
        },
        { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) },
      );
      const answer = { data: page.items.map(interviewSummary), next_cursor: page.next_cursor };
      return c.json(answer as z.infer<typeof listResponse>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/interviews/{id}',
      tags: ['Interviews'],
      summary: 'One interview: status, mode, guide version, transcript and signals',
      security: [{ secretKey: [] }],
      request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: {
        200: json('The interview', detail),
        ...errors,
      },
    }),
    async (c) => {
      const detailRow = await getInterviewDetail(c.get('deps').db, c.get('ws'), c.req.valid('param').id);
      return c.json(detailRow as z.infer<typeof detail>, 200);
    },
  );
  return app;
}

const listResponse = z.object({ data: z.array(summary), next_cursor: z.string().nullable() });
