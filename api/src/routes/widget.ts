import { interviewLanguageSchema } from '@candor/shared';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { eventStreamResponse } from '../http/event-stream';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { plainTextJson } from '../http/plain-text-json';
import { commitCustomerMessage } from '../interviews/commit-customer-message';
import { declineInterview } from '../interviews/decline-interview';
import { awaitReply, generateReply, type WrittenReply } from '../interviews/generate-reply';
import { loadAccessibleInterview, loadAccessibleTurn } from '../interviews/interview-access';
import { getInterview, listMessages, loadGuideVersion } from '../interviews/interview-store';
import { loadTurn } from '../interviews/load-turn';
import { takePendingInvitation } from '../interviews/pending-invitation';
import { ratingPromptFor } from '../interviews/rating-answer';
import { startInterview } from '../interviews/start-interview';
import { statusAfter } from '../interviews/turn-policy';
import { evaluateRecordedEvents } from '../triggers/evaluate-events';
import { takeInAppMessage } from '../triggers/in-app-messages';
import { widgetAttributes } from '../widget-auth/attribute-limits';
import { identifyContact } from '../widget-auth/identify-contact';
import { recordWidgetEvent } from '../widget-auth/record-widget-event';
import { type WidgetEnv, widgetTokenAuth } from '../widget-auth/widget-token-auth';
import { usesAiInterviewer } from '../workspaces/workspace-settings';
import { widgetPlayMessage } from './widget-messages';

export const MAX_MESSAGE_CHARS = 8000;

const invitation = z
  .object({
    interview_id: z.uuid(),
    moment: z.string(),
    guide_name: z.string(),
    message: z.string(),
    language: interviewLanguageSchema.describe(
      'The language the interview will speak unless the browser names another',
    ),
  })
  .nullable()
  .openapi('WidgetInvitation');

const identifyBody = z
  .object({
    key: z.string().min(1).max(200).openapi({ example: 'pk_…' }),
    token: z.string().max(4096).optional().openapi({
      description:
        "The signed identity (preferred): an HS256 JWT made on your server with the workspace identity secret. Claims: `sub` (user id, required), `email`, `name`, `account` (an account id, or `{ id, name }`), `exp` (required, at most 24 hours ahead). With a token, `user` and `account` may be left out; whatever they repeat must match the claims. Only a token may change an existing contact's email or account, or an account's name.",
    }),
    user: z
      .object({
        id: z.string().trim().min(1).max(200).optional().openapi({ description: 'Required unless `token` is sent.' }),
        email: z.email().max(320).optional(),
        name: z.string().trim().max(200).optional(),
        attributes: widgetAttributes.optional(),
      })
      .optional(),
    account: z
      .object({ id: z.string().trim().min(1).max(200), name: z.string().trim().max(200).optional() })
      .optional(),
    userHash: z.string().max(200).optional().openapi({
      description:
        "HMAC-SHA256 of `user.id` under the identity secret, hex. It signs the user id only: identify then creates the contact with the email and account sent, but never changes an existing contact's email or account, or an account's name.",
    }),
    locale: z.string().max(35).optional().openapi({
      description:
        "The browser's language. It only fills a contact that has no `locale` yet: a locale your server set through the API is never overwritten.",
    }),
  })
  .superRefine((body, ctx) => {
    if (body.token && body.userHash)
      ctx.addIssue({ code: 'custom', path: ['userHash'], message: 'send either token or userHash, not both' });
    if (!body.token && !body.user?.id)
      ctx.addIssue({ code: 'custom', path: ['user', 'id'], message: 'required unless token is sent' });
  })
  .openapi('WidgetIdentify', {
    description:
      "Identity verification is on for new workspaces: send `token` or `userHash`, or the call is refused (401) and nothing is stored. A workspace switched to test mode in Settings also accepts unsigned calls, which may create contacts but never change an existing contact's email or account.",
  });

const trackBody = z
  .object({
    event: z.string().trim().min(1).max(200),
    properties: z.record(z.string().max(200), z.unknown()).optional(),
  })
  .openapi('WidgetTrack');

const ratingPrompt = z
  .object({ scale: z.enum(['nps', 'csat', 'ces']), min: z.number().int(), max: z.number().int() })
  .openapi('WidgetRatingPrompt', {
    description:
      'On an interviewer message that asks for a score: the scale to show under it. Answer with `rating` (and the score as `text`).',
  });
const message = z
  .object({
    id: z.uuid(),
    role: z.enum(['interviewer', 'customer']),
    text: z.string(),
    client_id: z.string().nullable().describe("The client's id of a customer message"),
    created_at: z.string(),
    rating: ratingPrompt.optional(),
  })
  .openapi('WidgetMessage');
const widgetInterview = z
  .object({
    id: z.uuid(),
    status: z.enum(['invited', 'started', 'completed', 'abandoned', 'expired', 'declined']),
    language: interviewLanguageSchema
      .nullable()
      .describe('The language the interview speaks, chosen when it starts; the widget shows its buttons in it'),
    messages: z.array(message),
  })
  .openapi('WidgetInterview');

const idParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const messageBody = z
  .object({
    client_id: z.string().trim().min(1).max(100).describe("The client's id for this message; a retry reuses it."),
    text: z.string().trim().min(1).max(MAX_MESSAGE_CHARS),
    rating: z.number().int().optional().openapi({
      description:
        "The score picked on the scale of a rating question (NPS 0–10, CSAT 1–5, CES 1–7). Refused (400, nothing stored) when it is off the scale or the current question asks for no score. A score may also be typed as the answer's text.",
    }),
  })
  .openapi('WidgetMessageInput');
const startBody = z
  .object({
    locale: z
      .string()
      .max(35)
      .optional()
      .describe("The browser's language: used when the contact has no locale of its own"),
  })
  .openapi('WidgetStart');
const declineBody = z
  .object({ forever: z.boolean().default(false).describe('Never ask this contact about this moment again.') })
  .openapi('WidgetDecline');

const errors = {
  400: errorResponse('Invalid input'),
  401: errorResponse('Missing or invalid token'),
  404: errorResponse('Not found'),
} as const;
/** What a widget or link token can meet besides: its person erased since it was issued. */
const tokenErrors = {
  ...errors,
  410: errorResponse('contact_erased: the person this token was issued to has been erased'),
} as const;
const bearer = {
  headers: z.object({ authorization: z.string().optional().openapi({ description: 'Bearer widget or link token' }) }),
};

async function widgetView(deps: AppDeps, ws: Ws, id: string) {
  const t = tenant(deps.db, ws);
  const interview = await getInterview(t, id);
  const messages = await listMessages(t, id);
  const guide = await loadGuideVersion(deps.db, ws, interview.guide_version_id);
  return {
    id: interview.id,
    status: interview.status,
    language: interview.language,
    messages: messages.map((m) => {
      const rating = m.role === 'interviewer' ? ratingPromptFor(guide, m) : null;
      return {
        id: m.id,
        role: m.role,
        text: m.text,
        client_id: m.client_id,
        created_at: new Date(m.created_at).toISOString(),
        ...(rating ? { rating } : {}),
      };
    }),
  };
}

/** The widget API: identify and track with the publishable key, then the interview endpoints. */
export function widgetRoutes() {
  const app = createRouter() as unknown as OpenAPIHono<WidgetEnv>;

  app.use('/v1/widget/identify', plainTextJson);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/widget/identify',
      tags: ['Widget'],
      summary: 'Identify the signed-in user; answers a short-lived widget token and any waiting invitation',
      description:
        'The body may also be sent as `text/plain` (the same JSON): a CORS-simple request, so the browser sends no preflight.',
      request: body(identifyBody),
      responses: {
        200: json(
          'Identified',
          z
            .object({
              token: z.string(),
              invitation,
              message: widgetPlayMessage.describe(
                "A play's message waiting for this contact (title, body, https link), answered once; null when none waits.",
              ),
            })
            .openapi('WidgetIdentified'),
        ),
        ...errors,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const deps = c.get('deps');
      const { token, ws, contactId } = await identifyContact(deps, body);
      const invitation = await takePendingInvitation(deps, ws, contactId);
      // An interview invitation goes first; a waiting message keeps for the next load.
      const message = invitation ? null : await takeInAppMessage(deps, ws, contactId);
      return c.json({ token, invitation, message }, 200);
    },
  );

  app.use('/v1/widget/track', widgetTokenAuth);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/widget/track',
      tags: ['Widget'],
      summary: 'Record an event for the identified user; answers any waiting invitation',
      request: { ...bearer, ...body(trackBody) },
      responses: { 200: json('Recorded', z.object({ invitation }).openapi('WidgetTracked')), ...tokenErrors },
    }),
    async (c) => {
      const access = c.get('access');
      if (access.kind !== 'widget') throw new AppError('unauthorized', 'track needs a widget token.');
      const deps = c.get('deps');
      const ws = c.get('ws');
      const event = await recordWidgetEvent(deps, ws, access.contactId, c.req.valid('json'));
      await evaluateRecordedEvents(deps, ws, [{ ...event, properties: c.req.valid('json').properties ?? {} }]);
      return c.json({ invitation: await takePendingInvitation(deps, ws, access.contactId) }, 200);
    },
  );

  app.use('/v1/widget/interviews/*', widgetTokenAuth);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/widget/interviews/{id}/start',
      tags: ['Widget'],
      summary: 'Start the interview (idempotent); answers it with the opening message',
      description:
        "The interview's language is chosen here: the contact's `locale`, else the browser's `locale` sent in the body, else the workspace's default language.",
      request: {
        ...bearer,
        params: idParams,
        ...body(startBody, { optional: true }),
      },
      responses: { 200: json('Started', widgetInterview), ...tokenErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const deps = c.get('deps');
      const { ws } = await loadAccessibleInterview(deps.db, c.get('access'), id);
      // The body is optional (older widgets send none): read it leniently, validate what is there.
      const body = startBody.safeParse((await c.req.json().catch(() => ({}))) ?? {});
      if (!body.success)
        throw new AppError('invalid_request', 'locale: must be a language tag of at most 35 characters');
      await startInterview(deps, ws, id, { browserLocale: body.data.locale });
      return c.json(await widgetView(deps, ws, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/widget/interviews/{id}',
      tags: ['Widget'],
      summary: 'The interview with all its messages, to resume it',
      request: { ...bearer, params: idParams },
      responses: { 200: json('The interview', widgetInterview), ...tokenErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const deps = c.get('deps');
      const { ws } = await loadAccessibleInterview(deps.db, c.get('access'), id);
      return c.json(await widgetView(deps, ws, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/widget/interviews/{id}/messages',
      tags: ['Widget'],
      summary: "Send the customer's answer; the interviewer's reply streams back",
      description:
        'Answers `text/event-stream`: `delta` {text} as the reply is written, `message` {id, role, text, rating?} when it is stored (`rating` when the reply asks for a score), `done` {status}. A `reset` event means the text streamed so far is discarded (a retry starts over). The answer is stored before the model is called; repeating a `client_id` stores nothing new and replays the same reply.',
      request: {
        ...bearer,
        params: idParams,
        ...body(messageBody),
      },
      responses: {
        200: {
          description: 'The reply as server-sent events',
          content: { 'text/event-stream': { schema: z.string() } },
        },
        409: errorResponse('The interview is closed'),
        ...tokenErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const deps = c.get('deps');
      let { ws, turn } = await loadAccessibleTurn(deps.db, c.get('access'), id);
      if (turn.interview.status === 'invited') {
        await startInterview(deps, ws, id);
        turn = await loadTurn(deps.db, ws, id);
      }
      const aiInterviewer = usesAiInterviewer(deps.config, turn.interviewerMode);
      const committed = await commitCustomerMessage(deps, ws, turn, {
        clientId: body.client_id,
        text: body.text,
        rating: body.rating,
        judged: aiInterviewer && deps.config.interviewJudgement,
      });
      return eventStreamResponse(
        c,
        async (send) => {
          const reply = committed.repeat
            ? await awaitReply(deps, ws, id, committed.customerMessageId)
            : await generateReply(
                deps,
                ws,
                id,
                { ...committed, aiInterviewer },
                { onDelta: (text) => void send('delta', { text }), onRetry: () => void send('reset', {}) },
              );
          if (reply) {
            if (committed.repeat) void send('delta', { text: reply.text });
            // A fresh turn knows what it decided; a replay reads the stored decision.
            const rating = committed.repeat
              ? await replyRatingPrompt(deps, ws, id, reply.id)
              : ratingPromptFor(committed.guide, { seq: committed.pending.reply_seq, decision: committed.pending });
            void send('message', { id: reply.id, role: reply.role, text: reply.text, ...(rating ? { rating } : {}) });
          }
          // A fresh turn knows where it left the interview; a replay reads it.
          const status = committed.repeat
            ? (await getInterview(tenant(deps.db, ws), id)).status
            : statusAfter(reply && 'action' in reply ? (reply as WrittenReply).action : committed.pending.action);
          await send('done', { status });
        },
        (err) => deps.log.error({ err }, 'the reply stream failed'),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/widget/interviews/{id}/decline',
      tags: ['Widget'],
      summary: 'Decline the interview; with forever, never ask about this moment again',
      request: {
        ...bearer,
        params: idParams,
        ...body(declineBody, { optional: true }),
      },
      responses: {
        200: json('Declined', z.object({ id: z.uuid(), status: z.string() }).openapi('WidgetDeclined')),
        ...tokenErrors,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const deps = c.get('deps');
      const { ws } = await loadAccessibleInterview(deps.db, c.get('access'), id);
      const raw = await c.req.json().catch(() => ({}));
      const body = declineBody.safeParse(raw ?? {});
      if (!body.success) throw new AppError('invalid_request', 'forever: must be a boolean');
      const interview = await declineInterview(deps, ws, id, { forever: body.data.forever });
      return c.json({ id: interview.id, status: interview.status }, 200);
    },
  );

  return app;
}

/** Whether a stored reply asks for a score, and on which scale (the `message` event's `rating`). */
async function replyRatingPrompt(deps: AppDeps, ws: Ws, interviewId: string, replyId: string) {
  const t = tenant(deps.db, ws);
  const [interview, reply] = await Promise.all([
    getInterview(t, interviewId),
    t.selectFrom('messages').select(['seq', 'decision']).where('id', '=', replyId).executeTakeFirst(),
  ]);
  if (!reply) return null;
  return ratingPromptFor(await loadGuideVersion(deps.db, ws, interview.guide_version_id), reply);
}
