import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';

/** Stores one `track` call from the widget as an event of the contact (and their account). */
export async function recordWidgetEvent(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  contactId: string,
  input: { event: string; properties?: Record<string, unknown> | undefined },
) {
  const t = tenant(deps.db, ws);
  const contact = await t.selectFrom('contacts').select(['account_id']).where('id', '=', contactId).executeTakeFirst();
  const now = deps.now();
  return t
    .insertInto('events')
    .values({
      contact_id: contactId,
      account_id: contact?.account_id ?? null,
      name: input.event,
      properties: input.properties ?? {},
      occurred_at: now,
    })
    .returning(['id', 'name', 'contact_id', 'account_id', 'occurred_at'])
    .executeTakeFirstOrThrow();
}
