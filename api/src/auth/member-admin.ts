import type { Role } from '@candor/shared/console';
import type { AppDeps } from '../app-deps';
import { AppError, notFound } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { memberActor, recordAudit } from '../workspaces/audit';
import { inviteMember } from './invite-member';
import { parseMemberEmail, revokeLoginLinks } from './login-links';

/**
 * Members of the workspace with their state: `active` once they have signed in, `invited`
 * while their one-time link is still unused.
 */
export async function listMembers(db: AppDeps['db'], ws: Ws, meId: string) {
  const rows = await tenant(db, ws)
    .selectFrom('members')
    .select(['id', 'email', 'name', 'role', 'user_id', 'created_at'])
    .orderBy('role')
    .orderBy('email')
    .execute();
  return rows.map((m) => ({
    id: m.id,
    email: m.email,
    name: m.name,
    role: m.role,
    status: m.user_id ? ('active' as const) : ('invited' as const),
    is_you: m.id === meId,
    created_at: m.created_at.toISOString(),
  }));
}

/**
 * Invites someone by email with a role: they become a member and get a one-time sign-in link
 * by email. Inviting a pending member again sends a fresh link; an active member is a 409.
 */
export async function inviteToWorkspace(deps: AppDeps, ws: Ws, actorId: string, body: { email: string; role: Role }) {
  const email = parseMemberEmail(body.email);
  const existing = await tenant(deps.db, ws)
    .selectFrom('members')
    .select(['id', 'user_id', 'role'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing?.user_id)
    throw new AppError('already_member', `${email} is already a member; change their role instead.`);
  // Inviting again replaces the links sent before (see resendMemberInvite).
  if (existing) await revokeLoginLinks(deps, ws.id, email);
  const invite = await inviteMember(deps, { email, workspaceId: ws.id, role: body.role });
  const member = await tenant(deps.db, ws)
    .selectFrom('members')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  await recordAudit(deps, ws, {
    actor: memberActor(actorId),
    action: existing ? 'member.reinvited' : 'member.invited',
    target: member.id,
    details: { email, role: invite.role },
  });
  return { id: member.id, email, role: invite.role, status: 'invited' as const, resent: Boolean(existing) };
}

/**
 * Sends a pending member a fresh sign-in link by email and returns it to the admin who asked,
 * to hand over another way if need be; their earlier links are revoked. Someone who has
 * signed in, or was removed, gets none.
 */
export async function resendMemberInvite(deps: AppDeps, ws: Ws, actorId: string, email: string) {
  const member = await tenant(deps.db, ws)
    .selectFrom('members')
    .select(['id', 'user_id', 'role'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!member) throw new AppError('not_found', `${email} is no longer a member; invite them from Settings.`);
  if (member.user_id)
    throw new AppError('already_member', `${email} has already signed in; there is no invite to resend.`);
  // The links already sent stop working: whoever may have read them gets nothing.
  await revokeLoginLinks(deps, ws.id, email);
  const invite = await inviteMember(deps, { email, workspaceId: ws.id, role: member.role });
  await recordAudit(deps, ws, {
    actor: memberActor(actorId),
    action: 'member.reinvited',
    target: member.id,
    details: { email, role: invite.role },
  });
  return { id: member.id, email, role: invite.role, url: invite.url };
}

/**
 * Locks the admins and checks the rules every member change keeps: the actor is still an
 * admin, acts on someone else, and the workspace keeps at least one admin.
 */
async function checkMemberChange(
  trx: AppDeps['db'],
  ws: Ws,
  actorId: string,
  memberId: string,
  change: { removesAdmin: (target: { role: string }) => boolean; verb: string },
) {
  if (!isUuid(memberId)) throw notFound('Member');
  const t = tenant(trx, ws);
  // Admins first, in one order: two admins changing each other wait in turn instead of deadlocking.
  const admins = await t
    .selectFrom('members')
    .select('id')
    .where('role', '=', 'admin')
    .orderBy('id')
    .forUpdate()
    .execute();
  const target = await t
    .selectFrom('members')
    .select(['id', 'email', 'role', 'user_id'])
    .where('id', '=', memberId)
    .forUpdate()
    .executeTakeFirst();
  if (!target) throw notFound('Member');
  if (target.id === actorId)
    throw new AppError('invalid_request', `You cannot ${change.verb} yourself; ask another admin.`);
  if (!admins.some((a) => a.id === actorId))
    throw new AppError('forbidden', 'This needs the admin role; yours has changed.');
  if (change.removesAdmin(target) && admins.filter((a) => a.id !== target.id).length === 0)
    throw new AppError('last_admin', 'A workspace needs at least one admin.');
  return target;
}

/** Changes a member's role (not your own; never leaving the workspace without an admin). */
export async function changeMemberRole(
  deps: Pick<AppDeps, 'db' | 'log'>,
  ws: Ws,
  actorId: string,
  memberId: string,
  next: Role,
) {
  return deps.db.transaction().execute(async (trx) => {
    const target = await checkMemberChange(trx, ws, actorId, memberId, {
      verb: 'change the role of',
      removesAdmin: (m) => m.role === 'admin' && next !== 'admin',
    });
    if (target.role !== next) {
      await tenant(trx, ws).updateTable('members').set({ role: next }).where('id', '=', target.id).execute();
      await recordAudit(
        deps,
        ws,
        {
          actor: memberActor(actorId),
          action: 'member.role_changed',
          target: target.id,
          details: { from: target.role, to: next },
        },
        trx,
      );
    }
    return { id: target.id, email: target.email, role: next };
  });
}

/**
 * Removes a member (not yourself; never the last admin) and ends their sessions in this
 * workspace at once. Their unused sign-in links stop working: signing in needs the member.
 */
export async function removeMember(deps: Pick<AppDeps, 'db' | 'log'>, ws: Ws, actorId: string, memberId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const target = await checkMemberChange(trx, ws, actorId, memberId, {
      verb: 'remove',
      removesAdmin: (m) => m.role === 'admin',
    });
    await tenant(trx, ws).deleteFrom('members').where('id', '=', target.id).execute();
    if (target.user_id)
      await trx
        .deleteFrom('auth_sessions')
        .where('user_id', '=', target.user_id)
        .where('workspace_id', '=', ws.id)
        .execute();
    await recordAudit(
      deps,
      ws,
      {
        actor: memberActor(actorId),
        action: 'member.removed',
        target: target.id,
        details: { email: target.email, role: target.role },
      },
      trx,
    );
  });
}
