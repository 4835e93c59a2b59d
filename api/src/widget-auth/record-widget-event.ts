import type { AppDeps } from '../app-deps';
import { isForeignKeyViolation } from '../db/pg-errors';
import { tenant, type Ws } from '../db/tenant';
import { checkContactKept, contactErased } from '../privacy/contact-erased';

/** Stores one `track` call from the widget as an event of the contact (and their account). */
export async function recordWidgetEvent(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  contactId: string,
  input: { event: string; properties?: Record<string, unknown> | undefined },
) {
  const t = tenant(deps.db, ws);
  // The token outlives an erasure of its contact; that is a 410, not an event for no one.
  const contact = await checkContactKept(deps.db, ws, contactId);
  const now = deps.now();
  return t
    .insertInto('events')
    .values({
      contact_id: contactId,
      account_id: contact.account_id,
      name: input.event,
      properties: input.properties ?? {},
      occurred_at: now,
    })
    .returning(['id', 'name', 'contact_id', 'account_id', 'occurred_at'])
    .executeTakeFirstOrThrow()
    .catch((err: unknown) => {
      // Erased between the check above and this insert: the erasure held the row, then deleted it.
      throw isForeignKeyViolation(err) ? contactErased() : err;
    });
}
