import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../app-deps';

// Unsubscribe links never expire (mail clients keep them for years), so the token is a
// plain HMAC over the workspace and contact ids rather than an expiring link token.
const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');

/** The unsubscribe URL for one contact: opens a page; POST to it is the one-click unsubscribe. */
export function unsubscribeUrl(deps: AppDeps, workspaceId: string, contactId: string): string {
  const payload = `${workspaceId}.${contactId}`;
  return `${deps.config.publicUrl}/unsubscribe/${payload}.${sign(deps.secret, payload)}`;
}

/** The workspace and contact a token names, or undefined when it is not one of ours. */
export function readUnsubscribeToken(
  deps: AppDeps,
  token: string,
): { workspaceId: string; contactId: string } | undefined {
  const [workspaceId, contactId, signature] = token.split('.');
  if (!workspaceId || !contactId || !signature) return undefined;
  const given = Buffer.from(signature);
  // Links signed before a rotation of CANDOR_SECRET keep working while CANDOR_SECRET_PREVIOUS is set.
  const signedByUs = [deps.secret, deps.previousSecret].some((secret) => {
    if (!secret) return false;
    const expected = Buffer.from(sign(secret, `${workspaceId}.${contactId}`));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return signedByUs ? { workspaceId, contactId } : undefined;
}

/** Whether the contact a token names still exists (an erased person's link opens nothing). */
export async function contactStillExists(deps: AppDeps, workspaceId: string, contactId: string): Promise<boolean> {
  const row = await deps.db
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Opts the contact out of every channel; idempotent (keeps the first opt-out time). */
export async function optOutContact(deps: AppDeps, workspaceId: string, contactId: string): Promise<void> {
  await deps.db
    .updateTable('contacts')
    .set({ opted_out_at: deps.now(), updated_at: deps.now() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .where('opted_out_at', 'is', null)
    .execute();
  await deps.db
    .insertInto('audit_log')
    .values({
      workspace_id: workspaceId,
      actor: 'contact',
      action: 'contact.opted_out',
      target: contactId,
      details: {},
    })
    .execute();
}

/** Headers that let mail clients offer a one-click unsubscribe (RFC 8058). */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
