import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import { type Tenant, tenant } from '../db/tenant';
import { openSecret } from '../secrets/sealed-secrets';
import { findWorkspaceByKey } from '../workspaces/create-workspace';
import { MAX_ATTRIBUTES, mergedAttributeCount } from './attribute-limits';
import { type Identity, resolveIdentity } from './identity-proof';
import { signWidgetToken } from './tokens';

export type IdentifyInput = {
  key: string;
  /** An HS256 JWT signed with the identity secret: sub, email, name, account, exp. */
  token?: string | undefined;
  user?:
    | {
        id?: string | undefined;
        email?: string | undefined;
        name?: string | undefined;
        attributes?: Record<string, unknown> | undefined;
      }
    | undefined;
  account?: { id: string; name?: string | undefined } | undefined;
  /** HMAC-SHA256 of the user id alone. */
  userHash?: string | undefined;
  locale?: string | undefined;
};

/**
 * The widget's sign-in: checks the publishable key and the identity proof before anything
 * is stored, upserts the contact and its account, and answers a short-lived token for that
 * contact (the caller then hands over any invitation waiting for them).
 */
export async function identifyContact(
  deps: Pick<AppDeps, 'db' | 'now' | 'secret' | 'previousSecret'>,
  input: IdentifyInput,
) {
  const found = input.key.startsWith('pk_') ? await findWorkspaceByKey(deps.db, 'publishable', input.key) : undefined;
  if (!found) throw new AppError('unauthorized', 'That publishable key is not valid.');
  const workspace = await deps.db
    .selectFrom('workspaces')
    .select(['id', 'identity_secret', 'identity_verification'])
    .where('id', '=', found.id)
    .executeTakeFirstOrThrow();
  // The identity secret is stored sealed; it is opened only to check this call.
  const identitySecret = openSecret(deps, 'identity-secret', workspace.identity_secret);
  const identity = await resolveIdentity(
    { identity_secret: identitySecret, identity_verification: workspace.identity_verification },
    input,
    deps.now(),
  );

  const ws = { id: workspace.id };
  const contactId = await deps.db.transaction().execute((trx) =>
    upsertIdentifiedContact(tenant(trx, ws), identity, {
      attributes: input.user?.attributes ?? {},
      locale: input.locale,
      now: deps.now(),
    }),
  );
  const token = await signWidgetToken(deps, ws.id, contactId);
  return { token, ws, contactId };
}

type Extras = { attributes: Record<string, unknown>; locale: string | undefined; now: Date };

/**
 * A new contact is created with what the page sent. An existing contact's email and account,
 * and an account's name, change only when a token signed them: a userHash signs the user id
 * alone, and test mode signs nothing, so whoever holds the public key cannot move a contact
 * to another account or redirect its email.
 */
async function upsertIdentifiedContact(t: Tenant, identity: Identity, extras: Extras): Promise<string> {
  const existing = await t
    .selectFrom('contacts')
    .select(['id', 'attributes'])
    .where('external_id', '=', identity.user.id)
    .forUpdate()
    .executeTakeFirst();
  if (!existing) {
    const accountId = identity.account ? await upsertAccount(t, identity, extras.now) : null;
    const created = await t
      .insertInto('contacts')
      .values({
        external_id: identity.user.id,
        account_id: accountId,
        email: identity.user.email ?? null,
        name: identity.user.name ?? null,
        locale: extras.locale ?? null,
        attributes: extras.attributes,
        updated_at: extras.now,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'external_id']).doNothing())
      .returning(['id'])
      .executeTakeFirst();
    if (created) return created.id;
    // Another identify created this contact meanwhile: update it like any existing one.
    return upsertIdentifiedContact(t, identity, extras);
  }

  const count = mergedAttributeCount(existing.attributes, extras.attributes);
  if (count > MAX_ATTRIBUTES && count > Object.keys(existing.attributes).length)
    throw new AppError('invalid_request', `user.attributes: a contact keeps at most ${MAX_ATTRIBUTES} attributes`);
  const signed = identity.signed === 'all';
  const accountId = signed && identity.account ? await upsertAccount(t, identity, extras.now) : undefined;
  await t
    .updateTable('contacts')
    .set({
      ...(signed && identity.user.email ? { email: identity.user.email } : {}),
      ...(accountId ? { account_id: accountId } : {}),
      name: sql`coalesce(${identity.user.name ?? null}::text, name)`,
      // The browser's language only fills a contact that has none: a locale your server set
      // through the API is trusted, what a page sends is not, so it never overwrites one.
      locale: sql`coalesce(locale, ${extras.locale ?? null}::text)`,
      // Cast through text: postgres.js would otherwise send the JSON as one JSON string.
      attributes: sql`attributes || cast(${JSON.stringify(extras.attributes)} as text)::jsonb`,
      updated_at: extras.now,
    })
    .where('id', '=', existing.id)
    .execute();
  return existing.id;
}

/** Finds or creates the account; renames an existing one only when a token signed the name. */
async function upsertAccount(t: Tenant, identity: Identity, now: Date): Promise<string> {
  const account = identity.account as NonNullable<Identity['account']>;
  const rename = identity.signed === 'all' && Boolean(account.name);
  const row = await t
    .insertInto('accounts')
    .values({
      external_id: account.id,
      name: account.name || account.id,
      attributes: {},
      health_reasons: [],
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'external_id']).doUpdateSet({
        name: rename ? sql`excluded.name` : sql`accounts.name`,
        updated_at: rename ? now : sql`accounts.updated_at`,
      }),
    )
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return row.id;
}
