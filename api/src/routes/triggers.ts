import { listQuery, noQuery, triggerInputSchema, triggerPatchSchema } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { tenant } from '../db/tenant';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { runManualTrigger } from '../triggers/evaluate-periodic';
import { computeFunnels, funnelWindow, triggerFunnel } from '../triggers/funnel';
import { playStepCounts } from '../triggers/signal-plays';
import { createTrigger, deleteTrigger, getTrigger, listTriggers, updateTrigger } from '../triggers/trigger-store';
import { secretKeyAuth } from '../workspaces/secret-key-auth';

const trigger = triggerInputSchema
  .extend({ id: z.uuid(), created_at: z.string(), updated_at: z.string() })
  .openapi('Trigger');
const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const errors = {
  400: errorResponse('Invalid rule'),
  401: errorResponse('Missing or wrong secret key'),
  404: errorResponse('No such trigger in this workspace'),
};
const security = [{ secretKey: [] }];
const tags = ['Triggers'];

/** Trigger rules (playbooks): when, who, how and which guide. The console uses the same endpoints. */
export function triggerRoutes() {
  const app = createRouter();
  app.use('/v1/triggers', secretKeyAuth);
  app.use('/v1/triggers/*', secretKeyAuth);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/triggers',
      tags,
      security,
      summary: 'List trigger rules',
      request: { query: listQuery({ enabled: z.enum(['true', 'false']).optional() }) },
      responses: {
        200: json('Rules, newest first', z.object({ triggers: z.array(trigger) })),
        401: errors[401],
      },
    }),
    async (c) => {
      const { enabled } = c.req.valid('query');
      const triggers = await listTriggers(c.get('deps').db, c.get('ws'), {
        enabled: enabled === undefined ? undefined : enabled === 'true',
      });
      return c.json({ triggers }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/triggers',
      tags,
      security,
      summary: 'Create a trigger rule',
      description:
        "*when*: an event (name + property filter), an account or contact attribute condition, a usage drop (last N days vs the N before), a health-state change, a schedule relative to a date (renewal − 60 days, signup + 14 days) or manual. *who*: the contact, or the account's contacts by role. *how*: in-app, email, or in-app then email after N days unseen. Fatigue rules always apply; `throttle` overrides the workspace recontact window and once-per-guide rule for this trigger.",
      request: body(triggerInputSchema),
      responses: {
        201: json('Created', trigger),
        ...errors,
      },
    }),
    async (c) => c.json(await createTrigger(c.get('deps').db, c.get('ws'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/triggers/{id}',
      tags,
      security,
      summary: 'Get a trigger rule',
      request: { params: idParam },
      responses: { 200: json('The rule', trigger), ...errors },
    }),
    async (c) => c.json(await getTrigger(c.get('deps').db, c.get('ws'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/triggers/{id}',
      tags,
      security,
      summary: 'Change a trigger rule',
      description: 'Send only the fields to change; the merged rule is validated as a whole.',
      request: {
        params: idParam,
        ...body(triggerPatchSchema),
      },
      responses: {
        200: json('The changed rule', trigger),
        ...errors,
      },
    }),
    async (c) =>
      c.json(await updateTrigger(c.get('deps').db, c.get('ws'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/triggers/{id}',
      tags,
      security,
      summary: 'Delete a trigger rule',
      request: { params: idParam },
      responses: { 204: { description: 'Deleted' }, ...errors },
    }),
    async (c) => {
      await deleteTrigger(c.get('deps').db, c.get('ws'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/triggers/{id}/run',
      tags,
      security,
      summary: 'Run a trigger now for chosen contacts or accounts',
      description:
        "Offers the trigger's guide to the given contacts (and to the contacts of the given accounts, by the rule's *who*), by your own ids. Fatigue rules apply and every decision is recorded; running it twice on the same day decides once.",
      request: {
        params: idParam,
        ...body(
          z.strictObject({
            contact_ids: z.array(z.string().min(1).max(255)).max(1000).default([]),
            account_ids: z.array(z.string().min(1).max(255)).max(1000).default([]),
          }),
        ),
      },
      responses: {
        200: json(
          'One decision per contact',
          z.object({
            results: z.array(
              z.object({
                contact_id: z.string(),
                decision: z.enum(['invited', 'skipped', 'duplicate']),
                reason: z.string().optional(),
                interview_id: z.string().optional(),
              }),
            ),
          }),
        ),
        ...errors,
      },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const ws = c.get('ws');
      const rule = await getTrigger(db, ws, c.req.valid('param').id);
      const body = c.req.valid('json');
      const t = tenant(db, ws);
      const contacts = body.contact_ids.length
        ? await t
            .selectFrom('contacts')
            .select(['id', 'external_id'])
            .where('external_id', 'in', body.contact_ids)
            .execute()
        : [];
      const accounts = body.account_ids.length
        ? await t.selectFrom('accounts').select(['id']).where('external_id', 'in', body.account_ids).execute()
        : [];
      const byId = new Map(contacts.map((x) => [x.id, x.external_id]));
      const results = await runManualTrigger(c.get('deps'), ws, rule, {
        contactIds: contacts.map((x) => x.id),
        accountIds: accounts.map((x) => x.id),
      });
      const external = async (id: string) =>
        byId.get(id) ??
        (await t.selectFrom('contacts').select('external_id').where('id', '=', id).executeTakeFirst())?.external_id ??
        id;
      return c.json(
        {
          results: await Promise.all(
            results.map(async (r) => ({
              contact_id: await external(r.contact_id),
              decision: r.decision,
              ...(r.decision === 'skipped' ? { reason: r.reason } : {}),
              ...(r.decision === 'invited' ? { interview_id: r.interviewId } : {}),
            })),
          ),
        },
        200,
      );
    },
  );

  const funnel = z
    .object({
      eligible: z.number().int(),
      skipped: z.number().int(),
      skipped_by_reason: z.record(z.string(), z.number().int()),
      invited: z.number().int(),
      shown: z.number().int(),
      started: z.number().int(),
      completed: z.number().int(),
      actionable: z.number().int().describe('Completed interviews that produced signals.'),
      steps: z
        .array(
          z.object({
            step: z.number().int(),
            type: z.string(),
            done: z.number().int(),
            queued: z.number().int(),
            skipped: z.number().int(),
            failed: z.number().int(),
          }),
        )
        .optional()
        .describe("One trigger's funnel only: each step of its play and how it turned out."),
    })
    .openapi('Funnel');
  const window = z
    .object({
      days: z.number().int(),
      since: z.string().describe('ISO 8601; the counts cover decisions made from this instant on.'),
    })
    .describe(
      'The span the counts cover: invitations decided, and interviews sent by hand, in the last `days` days. ' +
        "Each counts every stage it has reached since, whenever that was; a play's steps, those run in the window.",
    )
    .openapi('FunnelWindow');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/triggers/{id}/funnel',
      tags,
      security,
      summary: "A trigger's invitation funnel",
      description: 'Stage counts of the invitations this trigger decided in the last 90 days (see `window`).',
      request: { params: idParam, query: noQuery },
      responses: {
        200: json('Stage counts', funnel.extend({ window })),
        ...errors,
      },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const trigger = await getTrigger(db, c.get('ws'), c.req.valid('param').id);
      const span = funnelWindow(c.get('deps').now());
      const steps = await playStepCounts({ db }, c.get('ws'), trigger.id, span);
      return c.json({ ...(await triggerFunnel(db, c.get('ws'), trigger.id, span)), steps, window: span }, 200);
    },
  );

  app.use('/v1/funnel', secretKeyAuth);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/funnel',
      tags,
      security,
      summary: 'Invitation funnels per trigger or per moment',
      description:
        'Stage counts of the invitations decided, and interviews sent by hand, in the last 90 days (see `window`).',
      request: { query: listQuery({ by: z.enum(['trigger', 'moment']).default('moment') }) },
      responses: {
        200: json(
          'One funnel per trigger id or moment',
          z.object({ funnels: z.array(funnel.extend({ key: z.string() })), window }),
        ),
        401: errors[401],
      },
    }),
    async (c) => {
      const span = funnelWindow(c.get('deps').now());
      const funnels = await computeFunnels(c.get('deps').db, c.get('ws'), c.req.valid('query').by, {
        since: span.since,
      });
      return c.json({ funnels, window: span }, 200);
    },
  );
  return app;
}
