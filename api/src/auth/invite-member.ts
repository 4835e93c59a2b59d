import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AppError } from '../http/errors';
import { createLoginLink, type MemberRole, parseMemberEmail } from './login-links';

export type Invite = { url: string; role: MemberRole; email: string; workspace_id: string };

const roleSchema = z.enum(['admin', 'csm']);

/**
 * Invites a person to a workspace: adds them as a member and returns their one-time
 * sign-in link, also recorded in the local outbox. Without a workspace id it uses the
 * only workspace, or the demo one when there are several.
 */
export async function inviteMember(
  deps: AppDeps,
  input: { email: string; workspaceId?: string | undefined; role?: string | undefined },
): Promise<Invite> {
  const email = parseMemberEmail(input.email);
  const role = input.role === undefined ? undefined : roleSchema.safeParse(input.role).data;
  if (input.role !== undefined && !role)
    throw new AppError('invalid_request', 400, `role: must be "admin" or "csm" (got "${input.role}")`);
  const workspace = await resolveWorkspace(deps, input.workspaceId);
  const link = await createLoginLink(deps, { workspaceId: workspace.id, email, ...(role ? { role } : {}) });
  await recordInviteEmail(deps, { workspace, email, url: link.url });
  return { url: link.url, role: link.role, email, workspace_id: workspace.id };
}

async function resolveWorkspace(deps: AppDeps, workspaceId: string | undefined) {
  const query = deps.db.selectFrom('workspaces').select(['id', 'name', 'is_demo']).orderBy('created_at');
  if (workspaceId !== undefined) {
    const found = z.uuid().safeParse(workspaceId).success
      ? await query.where('id', '=', workspaceId).executeTakeFirst()
      : undefined;
    if (!found) throw new AppError('not_found', 404, `No workspace with id "${workspaceId}".`);
    return found;
  }
  const all = await query.execute();
  if (all.length === 0)
    throw new AppError(
      'not_found',
      404,
      'There is no workspace yet. Create one: npm run candor -- workspace create <name>',
    );
  if (all.length === 1 && all[0]) return all[0];
  const demo = all.find((w) => w.is_demo);
  if (demo) return demo;
  throw new AppError(
    'invalid_request',
    400,
    `There are ${all.length} workspaces; choose one with --workspace <id>: ${all.map((w) => `${w.id} (${w.name})`).join(', ')}`,
  );
}

/** The invitation as an email in the local outbox, so it can be read or forwarded from there. */
async function recordInviteEmail(
  deps: AppDeps,
  input: { workspace: { id: string; name: string }; email: string; url: string },
) {
  const text = [
    `You have been invited to ${input.workspace.name} on Candor.`,
    '',
    'Sign in with this one-time link (it works once and expires in 24 hours):',
    input.url,
  ].join('\n');
  const html = `<p>You have been invited to <strong>${escapeHtml(input.workspace.name)}</strong> on Candor.</p>
<p><a href="${escapeHtml(input.url)}">Sign in to Candor</a></p>
<p>The link works once and expires in 24 hours.</p>`;
  await deps.db
    .insertInto('outbox_emails')
    .values({
      workspace_id: input.workspace.id,
      kind: 'member_invite',
      to_address: input.email,
      from_address: deps.config.mail.from,
      subject: `Your sign-in link for ${input.workspace.name} on Candor`,
      html,
      text,
      headers: {},
      transport: 'outbox',
      status: 'stored',
    })
    .execute();
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
