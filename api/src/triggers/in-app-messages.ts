import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { notFound } from '../app-error';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';

/** A play's message as the widget receives it: plain text and one https link. */
export type WidgetMessage = { id: string; title: string; body: string; link_url: string; link_label: string | null };

export type MessageContent = { title: string; body: string; link_url: string; link_label?: string | undefined };

/**
 * Leaves a message for one contact, once per play step (a re-run of the play adds nothing).
 * Returns whether a new message was stored.
 */
export async function leaveInAppMessage(
  db: Db,
  ws: Ws,
  target: { contactId: string; triggerId: string; playStepId: string },
  content: MessageContent,
): Promise<boolean> {
  const row = await tenant(db, ws)
    .insertInto('in_app_messages')
    .values({
      contact_id: target.contactId,
      trigger_id: target.triggerId,
      play_step_id: target.playStepId,
      title: content.title,
      body: content.body,
      link_url: content.link_url,
      link_label: content.link_label ?? null,
    })
    .onConflict((oc) => oc.columns(['play_step_id', 'contact_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The oldest message waiting for this contact, claimed as shown in the same statement, so
 * two tabs identifying at once show it once between them. Null when nothing waits.
 */
export async function takeInAppMessage(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  contactId: string,
): Promise<WidgetMessage | null> {
  const t = tenant(deps.db, ws);
  const next = t
    .selectFrom('in_app_messages')
    .select('id')
    .where('contact_id', '=', contactId)
    .where('shown_at', 'is', null)
    .orderBy('created_at')
    .limit(1);
  const row = await t
    .updateTable('in_app_messages')
    .set({ shown_at: deps.now() })
    .where('id', '=', (eb) => eb.selectFrom(next.as('n')).select('n.id'))
    .where('contact_id', '=', contactId)
    .where('shown_at', 'is', null)
    .returning(['id', 'title', 'body', 'link_url', 'link_label'])
    .executeTakeFirst();
  return row ?? null;
}

export type MessageOutcome = 'dismissed' | 'clicked';

/**
 * Records what the contact did with a message shown to them; the first time counts. Only
 * the contact it was left for can record it (anyone else gets a 404, as if it did not exist).
 */
export async function recordMessageOutcome(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  contactId: string,
  messageId: string,
  outcome: MessageOutcome,
): Promise<void> {
  const t = tenant(deps.db, ws);
  const found = await t
    .selectFrom('in_app_messages')
    .select('id')
    .where('id', '=', messageId)
    .where('contact_id', '=', contactId)
    .where('shown_at', 'is not', null)
    .executeTakeFirst();
  if (!found) throw notFound('Message');
  await t
    .updateTable('in_app_messages')
    .set(
      outcome === 'dismissed'
        ? { dismissed_at: sql`coalesce(dismissed_at, ${deps.now()})` }
        : { clicked_at: sql`coalesce(clicked_at, ${deps.now()})` },
    )
    .where('id', '=', messageId)
    .execute();
}

/** Per play step of one trigger: how many of its messages were shown, dismissed and clicked. */
export async function messageOutcomeCounts(
  db: Db,
  ws: Ws,
  triggerId: string,
  since: string,
): Promise<Map<number, { shown: number; dismissed: number; clicked: number }>> {
  const rows = await tenant(db, ws)
    .selectFrom('in_app_messages')
    .innerJoin('play_steps', 'play_steps.id', 'in_app_messages.play_step_id')
    .select([
      'play_steps.step',
      sql<string>`count(in_app_messages.shown_at)`.as('shown'),
      sql<string>`count(in_app_messages.dismissed_at)`.as('dismissed'),
      sql<string>`count(in_app_messages.clicked_at)`.as('clicked'),
    ])
    .where('play_steps.trigger_id', '=', triggerId)
    .where('play_steps.created_at', '>=', new Date(since))
    .groupBy('play_steps.step')
    .execute();
  return new Map(
    rows.map((r) => [r.step, { shown: Number(r.shown), dismissed: Number(r.dismissed), clicked: Number(r.clicked) }]),
  );
}
