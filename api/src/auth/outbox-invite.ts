import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import type { Ws } from '../db/tenant';
import { findOutboxEmail } from '../mail/outbox';
import { resendMemberInvite } from './member-admin';

/**
 * "Resend invite" on a member_invite email: a fresh sign-in link for the invitee, emailed to
 * them and returned to the admin who asked; the link stored in the old email is never shown.
 */
export async function resendOutboxInvite(deps: AppDeps, ws: Ws, actorId: string, id: string) {
  const row = await findOutboxEmail(deps.db, ws, id);
  if (row.kind !== 'member_invite')
    throw new AppError('not_an_invite', 'Only a member invitation can be resent from the outbox.');
  return resendMemberInvite(deps, ws, actorId, row.to_address);
}
