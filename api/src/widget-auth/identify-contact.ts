import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { tenant } from '../db/tenant';
import { AppError } from '../http/errors';
import { takePendingInvitation } from '../interviews/pending-invitation';
import { openSecret } from '../secrets/sealed-secrets';
import { findWorkspaceByKey } from '../workspaces/create-workspace';
import { signWidgetToken } from './tokens';

export type IdentifyInput = {
  key: string;
  user: {
    id: string;
    email?: string | undefined;
    name?: string | undefined;
    attributes?: Record<string, unknown> | undefined;
  };
  account?: { id: string; name?: string | undefined } | undefined;
  userHash?: string | undefined;
  locale?: string | undefined;
};

/** hex HMAC-SHA256 of the user id under the workspace's identity secret. */
export function identityHash(identitySecret: string, userId: string): string {
  return createHmac('sha256', identitySecret).update(userId).digest('hex');
}

function hashMatches(expected: string, given: string | undefined): boolean {
  if (!given || !/^[0-9a-f]+$/i.test(given)) return false;
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(given.toLowerCase(), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The widget's sign-in: checks the publishable key (and the identity hash when the
 * workspace requires it) before anything is stored, upserts the contact and its account,
 * and answers a short-lived token for that contact plus any invitation waiting for them.
 */
export async function identifyContact(
  deps: Pick<AppDeps, 'db' | 'now' | 'secret' | 'previousSecret'>,
  input: IdentifyInput,
) {
  const found = input.key.startsWith('pk_') ? await findWorkspaceByKey(deps.db, 'publishable', input.key) : undefined;
  if (!found) throw new AppError('unauthorized', 401, 'That publishable key is not valid.');
  const workspace = await deps.db
    .selectFrom('workspaces')
    .select(['id', 'identity_secret', 'identity_verification'])
    .where('id', '=', found.id)
    .executeTakeFirstOrThrow();
  if (
    workspace.identity_verification &&
    !hashMatches(
      identityHash(openSecret(deps, 'identity-secret', workspace.identity_secret), input.user.id),
      input.userHash,
    )
  )
    throw new AppError('unauthorized', 401, 'userHash does not match this user; identity verification is on.');

  const ws = { id: workspace.id };
  const now = deps.now();
  const contactId = await deps.db.transaction().execute(async (trx) => {
    const t = tenant(trx, ws);
    let accountId: string | null = null;
    if (input.account) {
      const account = await t
        .insertInto('accounts')
        .values({
          external_id: input.account.id,
          name: input.account.name ?? input.account.id,
          attributes: {},
          health_reasons: [],
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'external_id']).doUpdateSet({
            // A name from the page updates the account; an absent one leaves it alone.
            name: input.account?.name ? sql`excluded.name` : sql`accounts.name`,
            updated_at: now,
          }),
        )
        .returning(['id'])
        .executeTakeFirstOrThrow();
      accountId = account.id;
    }
    const contact = await t
      .insertInto('contacts')
      .values({
        external_id: input.user.id,
        account_id: accountId,
        email: input.user.email ?? null,
        name: input.user.name ?? null,
        locale: input.locale ?? null,
        attributes: input.user.attributes ?? {},
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'external_id']).doUpdateSet({
          account_id: sql`coalesce(excluded.account_id, contacts.account_id)`,
          email: sql`coalesce(excluded.email, contacts.email)`,
          name: sql`coalesce(excluded.name, contacts.name)`,
          locale: sql`coalesce(excluded.locale, contacts.locale)`,
          attributes: sql`contacts.attributes || excluded.attributes`,
          updated_at: now,
        }),
      )
      .returning(['id'])
      .executeTakeFirstOrThrow();
    return contact.id;
  });
  const token = await signWidgetToken(deps, ws.id, contactId);
  const invitation = await takePendingInvitation(deps, ws, contactId);
  return { token, invitation, ws, contactId };
}
