import { AppError } from '../app-error';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';

/**
 * Link and widget tokens are signed and stateless, so they outlive an erasure: whatever an
 * erased person's token reaches answers this 410 instead.
 */
export const contactErased = () =>
  new AppError('contact_erased', 'The person this token was issued to has been erased; it opens nothing.');

/** Throws unless the widget token's contact still exists. */
export async function checkContactKept(db: Db, ws: Ws, contactId: string): Promise<{ account_id: string | null }> {
  const contact = await tenant(db, ws)
    .selectFrom('contacts')
    .select('account_id')
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact) throw contactErased();
  return contact;
}
