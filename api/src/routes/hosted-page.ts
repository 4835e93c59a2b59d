import { randomBytes } from 'node:crypto';
import { languageOfLocale } from '@candor/shared';
import type { Context } from 'hono';
import { decode } from 'hono/jwt';
import { tenant } from '../db/tenant';
import type { AppEnv } from '../http/app-env';
import { createRouter } from '../http/openapi';
import { readAccessToken } from '../widget-auth/tokens';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const pageCss = `
:root{color-scheme:light dark}
body{margin:0;min-height:100vh;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;background:#f6f7f9;color:#1f2328}
@media (prefers-color-scheme:dark){body{background:#16181d;color:#e6edf3}.box{background:#1d2026!important;border-color:#3d444d!important}p{color:#a3acb7!important}}
main{display:flex;min-height:100vh;align-items:center;justify-content:center;padding:24px;box-sizing:border-box}
.box{max-width:460px;background:#fff;border:1px solid #d0d7de;border-radius:14px;padding:28px}
h1{font-size:22px;margin:0 0 8px}
p{margin:0;color:#57606a}
`;

function page(
  c: Context<AppEnv>,
  opts: { title: string; body: string; status: 200 | 404 | 410; scriptSrc?: boolean; lang?: string },
) {
  const nonce = randomBytes(16).toString('base64');
  // The link token is in the URL: keep it out of Referer headers, caches and frames.
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'nonce-${nonce}'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  );
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  return c.html(
    `<!doctype html>
<html lang="${opts.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex">
<title>${escapeHtml(opts.title)}</title>
<style nonce="${nonce}">${pageCss}</style>
</head>
<body>
${opts.body}
</body>
</html>`,
    opts.status,
  );
}

/** Why a link token failed, for the copy only: it is decoded, never trusted. */
function looksExpired(token: string, now: Date): boolean {
  try {
    const exp = decode(token).payload.exp;
    return typeof exp === 'number' && exp * 1000 <= now.getTime();
  } catch {
    return false;
  }
}

/** GET /i/{token}: the hosted interview page for emailed links — the widget UI, full page. */
export function hostedPageRoutes() {
  const app = createRouter();
  app.get('/i/:token', async (c) => {
    const deps = c.get('deps');
    const token = c.req.param('token');
    const access = await readAccessToken(deps, token);
    if (access?.kind !== 'link') {
      const expired = looksExpired(token, deps.now());
      return page(c, {
        title: expired ? 'This link has expired' : 'This link is not valid',
        status: expired ? 410 : 404,
        body: `<main><div class="box" role="alert"><h1>${
          expired ? 'This interview link has expired' : 'We couldn’t open this interview'
        }</h1><p>${
          expired
            ? 'Links stay valid for a limited time. If you’d still like to share your thoughts, reply to the email you got and ask for a fresh link.'
            : 'The link may be incomplete — try copying the whole address from the email. If it still doesn’t work, reply to the email and ask for a new one.'
        }</p></div></main>`,
      });
    }
    const interview = await tenant(deps.db, { id: access.workspaceId })
      .selectFrom('interviews')
      .innerJoin('workspaces', 'workspaces.id', 'interviews.workspace_id')
      .innerJoin('guides', 'guides.id', 'interviews.guide_id')
      .leftJoin('contacts', 'contacts.id', 'interviews.contact_id')
      .select(['workspaces.name', 'guides.moment', 'interviews.contact_id', 'interviews.language', 'contacts.locale'])
      .where('interviews.id', '=', access.interviewId)
      .executeTakeFirst();
    if (!interview?.contact_id) {
      // The person was erased (their interviews stay, unlinked): the link opens nothing.
      return page(c, {
        title: 'This link no longer works',
        status: 410,
        body: '<main><div class="box" role="alert"><h1>This interview is no longer available</h1><p>The answers and details behind this link have been deleted.</p></div></main>',
      });
    }
    const name = interview.name.replace(/\s*\(demo\)$/, '');
    // The interview's language once started; before that the contact's, else the browser decides.
    const lang = interview.language ?? languageOfLocale(interview.locale);
    const locale = lang ? ` data-locale="${lang}"` : '';
    return page(c, {
      title: `${name} — a few questions`,
      status: 200,
      ...(lang ? { lang } : {}),
      body: `<noscript><main><div class="box"><h1>Please turn on JavaScript</h1><p>This short interview needs JavaScript to run.</p></div></main></noscript>
<script async src="/widget.js" data-link="${escapeHtml(token)}" data-interview="${escapeHtml(access.interviewId)}" data-heading="${escapeHtml(name)}" data-moment="${escapeHtml(interview.moment)}"${locale}></script>`,
    });
  });
  return app;
}
