import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { consumeLoginLink, peekLoginLink } from '../auth/login-links';
import type { AppEnv } from '../http/app-env';

const MAX_TOKEN_LENGTH = 256;
const INVITE_COMMAND = 'npm run candor -- member invite you@example.com';

const tokenSchema = z.string().min(1).max(MAX_TOKEN_LENGTH);
const formSchema = z.object({ token: tokenSchema });

/**
 * `/login`: the one-time sign-in link. Mail security scanners open (and some render)
 * every link in an email, so `GET` only shows who the link is for and a button; the
 * button's `POST` uses the link up and opens the session.
 */
export function loginPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/login', async (c) => {
    const token = c.req.query('token');
    if (token === undefined || token === '') {
      return sendPage(c, 200, {
        title: 'Sign in to Candor',
        message:
          'Candor signs you in with one-time links instead of passwords. Ask an admin of your workspace to invite you, or, if you run this Candor server, create a link yourself:',
        command: INVITE_COMMAND,
      });
    }
    const parsed = tokenSchema.safeParse(token);
    const pending = parsed.success ? await peekLoginLink(c.get('deps'), parsed.data) : undefined;
    if (!pending) return sendPage(c, 400, linkSpent);
    return sendPage(c, 200, {
      title: `Sign in to ${pending.workspaceName}`,
      message: `This one-time link signs ${pending.email} in to ${pending.workspaceName} on Candor.`,
      form: { token, button: `Sign in as ${pending.email}` },
    });
  });

  app.post('/login', async (c) => {
    if (!isSameOrigin(c)) {
      return sendPage(c, 403, {
        title: 'Sign in from the link itself',
        message: 'This sign-in came from another site, so Candor ignored it. Open the link from your email instead.',
      });
    }
    const form = formSchema.safeParse(await c.req.parseBody().catch(() => ({})));
    const signedIn = form.success
      ? await consumeLoginLink(c.get('deps'), form.data.token, c.req.raw.headers)
      : undefined;
    if (!signedIn) return sendPage(c, 400, linkSpent);
    for (const cookie of signedIn.setCookies) c.header('Set-Cookie', cookie, { append: true });
    c.header('Cache-Control', 'no-store');
    return c.redirect('/', 303);
  });
  return app;
}

const linkSpent: PageContent = {
  title: 'This sign-in link no longer works',
  message:
    'Each link signs you in once and expires after a day. This one has already been used, has expired, or was copied incompletely. Ask an admin for a new link, or create one on the server with:',
  command: INVITE_COMMAND,
};

/**
 * Login CSRF: another site must not be able to sign a visitor in to someone else's session.
 * Browsers send `Origin` (and `Sec-Fetch-Site`) with every form POST; tools that send
 * neither are not a browser another site could drive.
 */
function isSameOrigin(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (!origin) return true;
  const own = [new URL(c.req.url).origin, new URL(c.get('deps').config.publicUrl).origin];
  return own.includes(origin);
}

type PageContent = {
  title: string;
  message: string;
  command?: string;
  form?: { token: string; button: string };
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

function sendPage(c: Context<AppEnv>, status: 200 | 400 | 403, content: PageContent) {
  const nonce = randomBytes(16).toString('base64');
  // No script at all, so nothing a scanner runs can press the button; the token in the
  // URL stays out of other sites' Referer headers, caches and frames. (same-origin, not
  // no-referrer: with no-referrer the button's POST would carry `Origin: null`.)
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  );
  c.header('Referrer-Policy', 'same-origin');
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  return c.html(renderPage(nonce, content), status);
}

function renderPage(nonce: string, { title, message, command, form }: PageContent): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<meta name="robots" content="noindex">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<title>${escapeHtml(title)} · Candor</title>
<style nonce="${nonce}">
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
  main { max-width: 32rem; padding: 2rem; }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  p { line-height: 1.5; }
  code { display: block; padding: .75rem 1rem; border-radius: .5rem; background: color-mix(in srgb, CanvasText 8%, Canvas); overflow-x: auto; }
  button { font: inherit; padding: .6rem 1.2rem; border-radius: .5rem; border: 0; background: #1f6feb; color: #fff; cursor: pointer; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${command ? `<code>${escapeHtml(command)}</code>` : ''}${
  form
    ? `<form method="post" action="/login">
<input type="hidden" name="token" value="${escapeHtml(form.token)}">
<button type="submit">${escapeHtml(form.button)}</button>
</form>`
    : ''
}
</main>
</body>
</html>
`;
}
