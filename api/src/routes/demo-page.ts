import { createHmac, randomBytes } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { createRouter } from '../http/openapi';
import { inviteContact, invitedOrRefused } from '../interviews/invite-contact';
import { openSecret } from '../secrets/sealed-secrets';
import { displayPrefix, generateKey, hashKey } from '../workspaces/keys';
import { demoAppScript, demoMoments, renderDemoMissing, renderDemoPage } from './demo-page-html';

type DemoWorkspace = { id: string; name: string; identity_secret: string; settings: Record<string, unknown> };

async function findDemo(db: AppDeps['db']): Promise<DemoWorkspace | undefined> {
  return db
    .selectFrom('workspaces')
    .select(['id', 'name', 'identity_secret', 'settings'])
    .where('is_demo', '=', true)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The demo page embeds the widget like a customer would, so it needs a publishable key in
 * plain text; keys are stored hashed, so the demo workspace keeps one dedicated key in its
 * settings. Publishable keys are meant to be public; this exists only for is_demo workspaces.
 */
async function demoWidgetKey(db: AppDeps['db'], ws: DemoWorkspace): Promise<string> {
  const known = ws.settings.demo_widget_key;
  if (typeof known === 'string' && known.startsWith('pk_')) return known;
  const key = generateKey('publishable');
  await db.transaction().execute(async (trx) => {
    await tenant(trx, ws)
      .insertInto('api_keys')
      .values({ kind: 'publishable', key_hash: hashKey(key), display_prefix: displayPrefix(key) })
      .execute();
    await trx
      .updateTable('workspaces')
      .set({ settings: sql`settings || ${JSON.stringify({ demo_widget_key: key })}::jsonb` })
      .where('id', '=', ws.id)
      .where('is_demo', '=', true)
      .execute();
  });
  return key;
}

/** The person the demo page is "signed in" as: a champion of one of the demo accounts. */
async function demoContact(db: AppDeps['db'], ws: Ws) {
  return tenant(db, ws)
    .selectFrom('contacts')
    .innerJoin('accounts', 'accounts.id', 'contacts.account_id')
    .select([
      'contacts.id',
      'contacts.external_id',
      'contacts.email',
      'contacts.name',
      'contacts.role',
      'accounts.external_id as account_external_id',
      'accounts.name as account_name',
    ])
    .orderBy(sql`case when contacts.role = 'champion' then 0 else 1 end`)
    .orderBy('contacts.external_id')
    .limit(1)
    .executeTakeFirst();
}

const inviteBody = z.object({ moment: z.enum(Object.keys(demoMoments) as [string, ...string[]]) });

/** GET /demo (a fake SaaS app embedding the widget), its script, and the demo-only invite endpoint. */
export function demoPageRoutes() {
  const app = createRouter();

  app.get('/demo', async (c) => {
    const deps = c.get('deps');
    const { db, config } = deps;
    const nonce = randomBytes(16).toString('base64');
    c.header(
      'Content-Security-Policy',
      `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'`,
    );
    c.header('Cache-Control', 'no-store');
    const ws = await findDemo(db);
    const contact = ws && (await demoContact(db, ws));
    if (!ws || !contact) return c.html(renderDemoMissing(nonce), 503);
    const key = await demoWidgetKey(db, ws);
    const init = {
      key,
      user: { id: contact.external_id, email: contact.email ?? undefined, name: contact.name ?? undefined },
      account: { id: contact.account_external_id, name: contact.account_name },
      userHash: createHmac('sha256', openSecret(deps, 'identity-secret', ws.identity_secret))
        .update(contact.external_id)
        .digest('hex'),
      nonce,
    };
    return c.html(
      renderDemoPage({
        nonce,
        init,
        product: ws.name.replace(/\s*\(demo\)$/, ''),
        person: { name: contact.name ?? contact.external_id, role: contact.role ?? '', account: contact.account_name },
        publicUrl: config.publicUrl,
      }),
    );
  });

  app.get('/demo/app.js', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.body(demoAppScript, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  // Triggers normally decide who is asked and when; on the demo a button stands in for them.
  app.post('/demo/invite', async (c) => {
    const deps = c.get('deps');
    const parsed = inviteBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) throw new AppError('invalid_request', 'moment: must be one of the six lifecycle moments');
    const ws = await findDemo(deps.db);
    const contact = ws && (await demoContact(deps.db, ws));
    if (!ws || !contact)
      throw new AppError('not_found', 'There is no demo workspace; run `npm run candor -- seed-demo`.');
    const guide = await tenant(deps.db, ws)
      .selectFrom('guides')
      .select('id')
      .where('moment', '=', parsed.data.moment)
      .where('archived_at', 'is', null)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    if (!guide) throw new AppError('not_found', `The demo workspace has no ${parsed.data.moment} guide.`);
    // One invitation at a time: an older unanswered one would otherwise be shown first.
    await tenant(deps.db, ws)
      .updateTable('interviews')
      .set({ status: 'expired', ended_at: deps.now() })
      .where('contact_id', '=', contact.id)
      .where('status', '=', 'invited')
      .execute();
    const invited = invitedOrRefused(
      await inviteContact(deps, ws, { contactId: contact.id, guideId: guide.id, channel: 'in_app' }),
    );
    return c.json({ interview_id: invited.id }, 201);
  });

  return app;
}
