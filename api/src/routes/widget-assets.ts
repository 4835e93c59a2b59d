import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';
import { createRouter } from '../http/openapi';
import { sendStatic } from '../http/static-compression';

/** Where `npm run build -w @candor/widget` writes the loader and the hashed UI bundle. */
export const widgetDistDir = fileURLToPath(new URL('../../../widget/dist/', import.meta.url));

type Asset = { body: string; etag: string; mtimeMs: number };
const cache = new Map<string, Asset>();

async function readAsset(file: string): Promise<Asset | undefined> {
  const full = `${widgetDistDir}${file}`;
  try {
    const { mtimeMs } = await stat(full);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    const body = await readFile(full, 'utf8');
    const asset = { body, mtimeMs, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
    cache.set(file, asset);
    return asset;
  } catch {
    return undefined;
  }
}

/** The content-hashed UI bundle file name, read from the build manifest. */
export async function widgetUiFile(): Promise<string | undefined> {
  const manifest = await readAsset('manifest.json');
  try {
    return manifest ? (JSON.parse(manifest.body) as { ui: string }).ui : undefined;
  } catch {
    return undefined;
  }
}

async function serve(c: Context<AppEnv>, file: string, cacheControl: string) {
  const asset = await readAsset(file);
  // Customers' pages load these cross-origin; the UI is an ES module, which needs CORS.
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  const contentType = 'text/javascript; charset=utf-8';
  c.header('Content-Type', contentType);
  if (!asset) {
    c.header('Cache-Control', 'no-store');
    // An old bundle name is simply gone; a missing loader means the build never ran.
    if (file !== 'widget.js') return c.body('/* not found */\n', 404);
    return c.body('/* The Candor widget is not built. Run: npm run build -w @candor/widget */\n', 503);
  }
  c.header('Cache-Control', cacheControl);
  c.header('ETag', asset.etag);
  if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
  return sendStatic(c, { key: `widget/${file}`, version: asset.etag, body: asset.body, contentType });
}

/** GET /widget.js (short cache: it names the current UI bundle) and GET /widget/ui.<hash>.js (immutable). */
export function widgetAssetRoutes() {
  const app = createRouter();
  app.get('/widget.js', (c) => serve(c, 'widget.js', 'public, max-age=300, stale-while-revalidate=3600'));
  app.get('/widget/:file{ui\\.[a-f0-9]+\\.js}', (c) =>
    serve(c, c.req.param('file'), 'public, max-age=31536000, immutable'),
  );
  return app;
}
