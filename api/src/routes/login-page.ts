import { Hono } from 'hono';
import { consumeLoginLink } from '../auth/login-links';
import type { AppEnv } from '../http/app-env';

const MAX_TOKEN_LENGTH = 256;

/** `GET /login`: follows a one-time sign-in link, or explains how to get one. */
export function loginPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/login', async (c) => {
    c.header('Cache-Control', 'no-store');
    const token = c.req.query('token');
    if (token === undefined || token === '') {
      return c.html(
        renderPage(
          'Sign in to Candor',
          'Candor signs you in with one-time links instead of passwords. Ask an admin of your workspace to invite you, or, if you run this Candor server, create a link yourself:',
          'npm run candor -- member invite you@example.com',
        ),
      );
    }
    const signedIn =
      token.length <= MAX_TOKEN_LENGTH ? await consumeLoginLink(c.get('deps'), token, c.req.raw.headers) : undefined;
    if (!signedIn) {
      return c.html(
        renderPage(
          'This sign-in link no longer works',
          'Each link signs you in once and expires after a day. This one has already been used, has expired, or was copied incompletely. Ask an admin for a new link, or create one on the server with:',
          'npm run candor -- member invite you@example.com',
        ),
        400,
      );
    }
    for (const cookie of signedIn.setCookies) c.header('Set-Cookie', cookie, { append: true });
    return c.redirect('/', 302);
  });
  return app;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

function renderPage(title: string, message: string, command: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Candor</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
  main { max-width: 32rem; padding: 2rem; }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  p { line-height: 1.5; }
  code { display: block; padding: .75rem 1rem; border-radius: .5rem; background: color-mix(in srgb, CanvasText 8%, Canvas); overflow-x: auto; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<code>${escapeHtml(command)}</code>
</main>
</body>
</html>
`;
}
