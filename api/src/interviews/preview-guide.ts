import type { AppDeps } from '../app-deps';
import { notFound } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { getGuide } from '../guides/guide-store';
import { PREVIEW_CONTACT_EXTERNAL_ID } from '../guides/preview-contact';
import { signLinkToken } from '../widget-auth/tokens';
import { inviteContact, invitedOrRefused } from './invite-contact';

/** A preview is a working session, not an invitation: it lapses the same day. */
const PREVIEW_TTL_MS = 6 * 60 * 60 * 1000;

/** The workspace's preview contact, created on first use. */
async function ensurePreviewContact(deps: Pick<AppDeps, 'db'>, ws: Ws): Promise<string> {
  const t = tenant(deps.db, ws);
  await t
    .insertInto('contacts')
    .values({ external_id: PREVIEW_CONTACT_EXTERNAL_ID, name: 'Guide preview', attributes: { preview: true } })
    .onConflict((oc) => oc.columns(['workspace_id', 'external_id']).doNothing())
    .execute();
  const row = await t
    .selectFrom('contacts')
    .select('id')
    .where('external_id', '=', PREVIEW_CONTACT_EXTERNAL_ID)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Starts a real interview of the guide's current version for the preview contact and a link
 * token for it, so the console runs it through the same widget endpoints customers use.
 */
export async function previewGuide(deps: Pick<AppDeps, 'db' | 'now' | 'secret' | 'config'>, ws: Ws, id: string) {
  if (!isUuid(id)) throw notFound('Guide');
  const guide = await getGuide(deps.db, ws, id);
  const contactId = await ensurePreviewContact(deps, ws);
  const expiresAt = new Date(deps.now().getTime() + PREVIEW_TTL_MS);
  const invited = invitedOrRefused(
    await inviteContact(deps, ws, { contactId, guideId: guide.id, channel: 'in_app', expiresAt }),
  );
  const token = await signLinkToken(deps, ws.id, invited.id, expiresAt);
  return { interview_id: invited.id, token, guide_version: guide.version, expires_at: invited.expires_at };
}
