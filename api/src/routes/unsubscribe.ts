import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../http/app-env';
import { contactStillExists, optOutContact, readUnsubscribeToken } from '../mail/unsubscribe';

const page = (title: string, body: ReturnType<typeof html>) => html`<!doctype html>
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title}</title>
    </head>
    <body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #111827">
      <main>
        <h1 style="font-size: 1.4rem">${title}</h1>
        ${body}
      </main>
    </body>
  </html>`;

/**
 * The unsubscribe link of every email. GET only shows a confirmation (mail scanners follow
 * links, so a GET must not opt anyone out); POST opts out — from that page's button or as
 * an RFC 8058 one-click request from the mail client.
 */
export function unsubscribeRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/unsubscribe/:token', async (c) => {
    const deps = c.get('deps');
    const token = c.req.param('token');
    const target = readUnsubscribeToken(deps, token);
    if (!target) return c.html(invalid(), 404);
    if (!(await contactStillExists(deps, target.workspaceId, target.contactId))) return c.html(erased(), 410);
    return c.html(
      page(
        'Stop interview invitations?',
        html`<p>You won't be invited to any more interviews, by email or in the app.</p>
          <form method="post" action="/unsubscribe/${token}">
            <button type="submit" style="font: inherit; padding: 0.6rem 1.2rem">Unsubscribe</button>
          </form>`,
      ),
    );
  });
  app.post('/unsubscribe/:token', async (c) => {
    const deps = c.get('deps');
    const target = readUnsubscribeToken(deps, c.req.param('token'));
    if (!target) return c.html(invalid(), 404);
    if (!(await contactStillExists(deps, target.workspaceId, target.contactId))) return c.html(erased(), 410);
    await optOutContact(deps, target.workspaceId, target.contactId);
    return c.html(page("You're unsubscribed", html`<p>We won't invite you to any more interviews.</p>`));
  });
  return app;
}

const invalid = () =>
  page('This link does not work', html`<p>It may have been copied incompletely. Try the link in the email again.</p>`);

const erased = () =>
  page(
    'Your details have been deleted',
    html`<p>Everything we held about you was erased, so there is nothing left to unsubscribe and we won't contact you.</p>`,
  );
