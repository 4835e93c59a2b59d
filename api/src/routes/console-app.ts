import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../http/app-env';
import { errorBody, errorStatus } from '../http/errors';
import { sendStatic } from '../http/static-compression';

const distDir = fileURLToPath(new URL('../../../console/dist/', import.meta.url));

// The console's client-side routes. Listed, not caught-all, so the app never shadows
// another module's path (/v1, /docs, /login, /i/, /widget.js, …) whatever the order.
const pagePaths = [
  '/',
  '/accounts',
  '/accounts/:id',
  '/interviews',
  '/interviews/:id',
  '/insights',
  '/guides',
  '/guides/:id',
  '/triggers',
  '/outbox',
  '/settings',
  '/operating-model',
];

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * The console's Content-Security-Policy: its own scripts, styles and API only. Style
 * attributes are allowed (not <style> elements) because an outbox email, shown in a
 * sandboxed srcdoc frame that inherits this policy, is styled inline as mail must be;
 * React's style props go through the CSSOM, which CSP does not govern.
 */
const consoleCsp = secureHeaders({
  crossOriginResourcePolicy: false,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    styleSrcAttr: ["'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
});

let indexHtml: Promise<string | undefined> | undefined;
function loadIndex() {
  // Re-read while missing, so a build finished after start is picked up.
  indexHtml ??= readFile(path.join(distDir, 'index.html'), 'utf8').catch(() => {
    indexHtml = undefined;
    return undefined;
  });
  return indexHtml;
}

/** The console's index.html under its CSP, with the given status (the app's router picks the page). */
const servePage = (status: 200 | 404) =>
  createMiddleware<AppEnv>(async (c) => {
    const html = await loadIndex();
    c.header('Cache-Control', 'no-cache');
    if (!html) return c.html(notBuiltPage, 503);
    return c.html(html, status);
  });

/** Paths that are never console pages: an unknown one there stays a JSON 404 for its API client. */
const apiPrefixes = ['/v1/', '/console/api/', '/assets/', '/openapi.json', '/docs/'];

/** A browser asking for a page (GET, wants HTML) at a path no route knows. */
export function wantsConsolePage(req: Request) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const { pathname } = new URL(req.url);
  if (apiPrefixes.some((prefix) => pathname.startsWith(prefix))) return false;
  return (req.headers.get('accept') ?? '').includes('text/html');
}

// The not-found page is the console itself, answered 404: its router shows "Page not found"
// inside the shell, with the navigation to carry on.
const notFoundApp = new Hono<AppEnv>().get('*', consoleCsp, servePage(404));
export const consoleNotFound = (req: Request) => notFoundApp.fetch(req);

/** Serves the built console (console/dist): index.html for its pages, hashed assets cached for a year. */
export function consoleAppRoutes() {
  const app = new Hono<AppEnv>();
  for (const page of pagePaths) app.get(page, consoleCsp, servePage(200));

  // One mark for the console, the sign-in page and the API reference.
  app.get('/favicon.svg', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(faviconSvg, 200, { 'Content-Type': 'image/svg+xml' });
  });
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));

  app.get('/assets/:file{[A-Za-z0-9._-]+}', async (c) => {
    const file = c.req.param('file');
    const full = path.join(distDir, 'assets', file);
    const found = await stat(full).catch(() => undefined);
    const body = found?.isFile() ? await readFile(full).catch(() => undefined) : undefined;
    if (!found || !body) return c.json(errorBody('not_found', `No asset ${file}.`), errorStatus.not_found);
    // File names carry a content hash, so a given name never changes.
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    const contentType = contentTypes[path.extname(file)] ?? 'application/octet-stream';
    // The build writes `<file>.br` beside scripts and styles (console/vite.config.ts).
    const br = await readFile(`${full}.br`).catch(() => undefined);
    return sendStatic(c, {
      key: `console/${file}`,
      version: String(found.mtimeMs),
      body,
      contentType,
      ...(br ? { precompressed: { br } } : {}),
    });
  });
  return app;
}

const notBuiltPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Candor</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; line-height: 1.5">
<h1>The console is not built yet</h1>
<p>Build it with <code>npm run build</code> (or start with <code>npm start</code>, which builds it first), then reload.</p>
</body></html>`;

const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#3b4fd8"/><path d="M21.5 11.2A7 7 0 1 0 21.5 20.8" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round"/></svg>`;
