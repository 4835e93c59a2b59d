import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import { queueEmail } from '../mail/send-email';
import { createLoginLink, type MemberRole, parseMemberEmail } from './login-links';

export type Invite = { url: string; role: MemberRole; email: string; workspace_id: string };

const roleSchema = z.enum(['admin', 'csm']);

/**
 * Invites a person to a workspace: adds them as a member and returns their one-time
 * sign-in link, also sent by email (to the local outbox without a mail provider). Without
 * a workspace id it uses the only workspace, or the demo one when there are several.
 */
export async function inviteMember(
  deps: AppDeps,
  input: { email: string; workspaceId?: string | undefined; role?: string | undefined },
): Promise<Invite> {
  const email = parseMemberEmail(input.email);
  const role = input.role === undefined ? undefined : roleSchema.safeParse(input.role).data;
  if (input.role !== undefined && !role)
    throw new AppError('invalid_request', `role: must be "admin" or "csm" (got "${input.role}")`);
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
    if (!found) throw new AppError('not_found', `No workspace with id "${workspaceId}".`);
    return found;
  }
  const all = await query.execute();
  if (all.length === 0)
    throw new AppError('not_found', 'There is no workspace yet. Create one: npm run candor -- workspace create <name>');
  if (all.length === 1 && all[0]) return all[0];
  const demo = all.find((w) => w.is_demo);
  if (demo) return demo;
  throw new AppError(
    'invalid_request',
    `There are ${all.length} workspaces; choose one with --workspace <id>: ${all.map((w) => `${w.id} (${w.name})`).join(', ')}`,
  );
}

/**
 * The invitation as an email through the mail path: Resend when configured, else the local
 * outbox, where it can be read or forwarded from the console.
 */
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
  const name = escapeHtml(input.workspace.name);
  const html = `<div style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#f6f7f9;padding:32px 16px;color:#1a2230">
<div style="max-width:480px;margin:0 auto;background:#fff;border:1px solid #e3e6eb;border-radius:10px;padding:28px">
<p style="margin:0 0 16px;font-weight:700;font-size:16px">Candor</p>
<h1 style="font-size:20px;margin:0 0 12px">You have been invited to ${name}</h1>
<p style="margin:0 0 20px;line-height:1.5">Candor runs short customer interviews and turns what customers say into briefs your team can act on. Sign in to join the workspace.</p>
<p style="margin:0 0 20px"><a href="${escapeHtml(input.url)}" style="display:inline-block;background:#3b4fd8;color:#fff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600">Sign in to Candor</a></p>
<p style="margin:0;color:#586174;font-size:13px">The link works once and expires in 24 hours. If you did not expect this invitation, you can ignore this email.</p>
</div></div>`;
  await queueEmail(deps, {
    workspaceId: input.workspace.id,
    kind: 'member_invite',
    to: input.email,
    subject: `Your sign-in link for ${input.workspace.name} on Candor`,
    html,
    text,
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
