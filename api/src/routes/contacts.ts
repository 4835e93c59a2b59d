import { contactView, upsertContactsBody, upsertContactsResult } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../app-error';
import { findContact } from '../contacts/find-contact';
import { upsertContacts } from '../contacts/upsert-contacts';
import { retryTransaction } from '../db/retry-transaction';
import { tenant } from '../db/tenant';
import { idempotency, idempotencyKeyHeaders } from '../http/idempotency';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { eraseContact } from '../privacy/erase-contact';
import { exportContact } from '../privacy/export-contact';
import { secretKeyAuth } from '../workspaces/secret-key-auth';

// Named with zod's own .meta() (not .openapi()): shared schemas may be built before zod is extended.
const upsertContactsBodyDoc = upsertContactsBody.meta({ id: 'UpsertContacts' });
const upsertContactsResultDoc = upsertContactsResult.meta({ id: 'UpsertContactsResult' });
const contactViewDoc = contactView.meta({ id: 'Contact' });

const security = [{ secretKey: [] }];
const tags = ['Contacts'];
const params = z.object({
  id: z
    .string()
    .min(1)
    .max(255)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Your external id.' }),
});
const notFoundError = errorResponse('No such contact in this workspace');
const unauthorized = errorResponse('Missing or wrong secret key');

const erasure = z
  .object({
    id: z.string(),
    erased: z.literal(true),
    events_deleted: z.number().int(),
    signals_deleted: z.number().int(),
    messages_redacted: z.number().int(),
    briefs_redacted: z
      .number()
      .int()
      .describe('Stored brief versions rewritten because a claim in them rested on this person'),
    webhook_deliveries_redacted: z
      .number()
      .int()
      .describe('Webhook deliveries about this person whose body was erased, or whose quotes of them were blanked'),
    in_app_messages_deleted: z.number().int().describe('In-app messages a play had left for this person'),
    connector_deliveries_redacted: z
      .number()
      .int()
      .describe('Slack cards, CRM tasks and CRM field writes quoting this person, blanked (unsent ones not sent)'),
    interviews_kept: z.number().int(),
  })
  .openapi('ContactErasure');
const exported = z
  .object({
    contact: contactView,
    account: z.object({ id: z.string(), name: z.string() }).nullable(),
    events: z.array(
      z.object({
        event: z.string(),
        properties: z.record(z.string(), z.unknown()),
        timestamp: z.string(),
        message_id: z.string().nullable(),
      }),
    ),
    interviews: z.array(
      z.object({
        id: z.string(),
        guide_id: z.string(),
        channel: z.string(),
        status: z.string(),
        mode: z.string(),
        invited_at: z.string(),
        started_at: z.string().nullable(),
        ended_at: z.string().nullable(),
        messages: z.array(z.object({ role: z.string(), text: z.string(), created_at: z.string() })),
      }),
    ),
    signals: z.array(
      z.object({
        interview_id: z.string(),
        kind: z.string(),
        value: z.record(z.string(), z.unknown()),
        quote: z.string(),
        created_at: z.string(),
      }),
    ),
    invitations: z.array(
      z.object({ guide_id: z.string(), channel: z.string(), decision: z.string(), created_at: z.string() }),
    ),
    in_app_messages: z
      .array(
        z.object({
          title: z.string(),
          body: z.string(),
          link_url: z.string(),
          link_label: z.string().nullable(),
          created_at: z.string(),
          shown_at: z.string().nullable(),
          dismissed_at: z.string().nullable(),
          clicked_at: z.string().nullable(),
        }),
      )
      .describe('Messages plays left for this person in the widget, and what they did with them'),
  })
  .openapi('ContactExport');

/** Server API: contacts by external id — batch upsert, read, export (access request) and erasure. */
export function contactRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/contacts',
      tags,
      security,
      middleware: [secretKeyAuth, idempotency] as const,
      summary: 'Upsert contacts (batch)',
      description:
        'Creates or updates up to 1,000 contacts by your external `id`. Each names its account by your external ' +
        '`account_id`, which must already exist (send accounts first). **All or nothing**: if any item is invalid ' +
        'nothing is written — schema errors answer 400 with the field path; unknown accounts answer 400 ' +
        '`invalid_items` with `error.items: [{ index, field, message }]` listing every failing item. Omitted fields ' +
        'keep their stored value, `null` clears one, `attributes` are merged key by key.',
      request: {
        headers: idempotencyKeyHeaders,
        ...body(upsertContactsBodyDoc),
      },
      responses: {
        200: json('What happened to each id, in request order', upsertContactsResultDoc),
        400: errorResponse('Invalid body or items (nothing written), with field paths and item indexes'),
        401: unauthorized,
        409: errorResponse('A request with this Idempotency-Key is still running'),
        413: errorResponse('Body over 256 KB'),
        422: errorResponse('Idempotency-Key reused with a different request'),
      },
    }),
    async (c) => {
      const ws = c.get('ws');
      const { contacts } = c.req.valid('json');
      const result = await retryTransaction(c.get('deps').db, (trx) => upsertContacts(tenant(trx, ws), contacts));
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/contacts/{id}',
      tags,
      security,
      middleware: [secretKeyAuth] as const,
      summary: 'Get a contact by your external id',
      request: { params },
      responses: { 200: json('The contact', contactViewDoc), 401: unauthorized, 404: notFoundError },
    }),
    async (c) => {
      const contact = await findContact(tenant(c.get('deps').db, c.get('ws')), c.req.valid('param').id);
      if (!contact) throw notFound('Contact');
      return c.json(contact, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/contacts/{id}/export',
      tags,
      security,
      middleware: [secretKeyAuth] as const,
      summary: 'Export everything held about a person',
      description:
        'For access requests: the contact, their account, all their events, their interviews with every message, ' +
        'the signals extracted from them (with quotes) and the invitations sent to them.',
      request: { params },
      responses: { 200: json('Everything held about the person', exported), 401: unauthorized, 404: notFoundError },
    }),
    async (c) => {
      const data = await exportContact(tenant(c.get('deps').db, c.get('ws')), c.req.valid('param').id);
      if (!data) throw notFound('Contact');
      return c.json(data, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/contacts/{id}',
      tags,
      security,
      middleware: [secretKeyAuth, idempotency] as const,
      summary: "Erase a person's data",
      description:
        '**Deleted**: the contact (email, name, role, attributes, external id), all their events, and the signals ' +
        'extracted from their interviews (signals quote them). **Redacted**: the text of every message in their ' +
        "interviews (set to an empty string), the interviews' working state, and the copies of their quotes kept as " +
        'evidence in the review queue and in account health reasons. In every stored version of every brief, a ' +
        'claim resting on their interviews keeps its place and ids, but its quotes are emptied and its text (which ' +
        'names or paraphrases them) is replaced by a marker; claims resting on anyone else are untouched. Webhook ' +
        'deliveries about their interviews or naming them keep their type and time but lose their body (one not yet ' +
        'sent goes out with `erased: true` and empty data); other deliveries quoting them have those quotes blanked. ' +
        'In-app messages plays left for them are deleted; connector deliveries (Slack cards, CRM tasks, intake ' +
        'fields) quoting them are blanked, and not sent if still queued. Keyed digests of their email and id (not the values) are ' +
        'kept so a CRM sync never brings them back. ' +
        '**Kept, no longer linked to anyone**: ' +
        'the interview rows (guide, channel, status, mode, timestamps, token usage) and message rows (role, order, ' +
        'time), and invitations, so response and completion counts still add up. An audit log entry records the ' +
        'erasure with these counts (not the external id). Sending the same id again later creates a new contact.',
      request: { params, headers: idempotencyKeyHeaders },
      responses: { 200: json('Erased; what was removed', erasure), 401: unauthorized, 404: notFoundError },
    }),
    async (c) => {
      const result = await eraseContact(c.get('deps'), c.get('ws'), c.req.valid('param').id, 'api:secret_key');
      if (!result) throw notFound('Contact');
      return c.json(result, 200);
    },
  );
  return app;
}
