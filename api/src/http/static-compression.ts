import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';

type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// Bodies smaller than this gain less than the header costs.
const MIN_BYTES = 1024;
const LARGE_BYTES = 512 * 1024;
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|manifest\+json)|image\/svg\+xml)/;

/**
 * The encoding to answer with: brotli when the client takes it, else gzip, else none. A
 * coding listed with q=0 is refused; `*` stands for any coding not listed.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip') || accepts('x-gzip')) return 'gzip';
  return undefined;
}

type Entry = { version: string; encoded: Map<Encoding, Promise<Buffer>> };
// One entry per asset file (a finite set on disk): each is compressed once per version, on
// the first request that wants that encoding, then served from memory.
const cache = new Map<string, Entry>();

function encodedBody(key: string, version: string, body: Buffer, encoding: Encoding): Promise<Buffer> {
  const cached = cache.get(key);
  const entry: Entry = cached && cached.version === version ? cached : { version, encoded: new Map() };
  cache.set(key, entry);
  let encoded = entry.encoded.get(encoding);
  if (!encoded) {
    // zlib's async forms run on libuv's thread pool: the event loop never waits on
    // brotli's slowest, smallest setting.
    encoded =
      encoding === 'br'
        ? brotli(body, {
            params: {
              // The densest setting costs seconds on a multi-megabyte bundle (the API
              // reference's); a first visitor should not wait that long for it.
              [constants.BROTLI_PARAM_QUALITY]: body.length > LARGE_BYTES ? 6 : constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : gzipAsync(body, { level: 9 });
    // A failure is not remembered: the next request tries again.
    encoded.catch(() => entry.encoded.delete(encoding));
    entry.encoded.set(encoding, encoded);
  }
  return encoded;
}

/**
 * Answers a static asset in the best encoding the client accepts (brotli, else gzip): the
 * build's own encoding when there is one, else compressed once per `key` and `version`
 * (e.g. the file's ETag) and kept in memory.
 */
export async function sendStatic(
  c: Context,
  asset: {
    key: string;
    version: string;
    body: Buffer | string;
    contentType: string;
    /** Encodings made at build time, served as they are. */
    precompressed?: Partial<Record<Encoding, Buffer>>;
  },
  status: 200 | 404 | 503 = 200,
): Promise<Response> {
  const body = typeof asset.body === 'string' ? Buffer.from(asset.body) : asset.body;
  c.header('Content-Type', asset.contentType);
  if (!COMPRESSIBLE.test(asset.contentType) || body.length < MIN_BYTES) return c.body(new Uint8Array(body), status);
  c.header('Vary', 'Accept-Encoding', { append: true });
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  if (!encoding) return c.body(new Uint8Array(body), status);
  const encoded = asset.precompressed?.[encoding] ?? (await encodedBody(asset.key, asset.version, body, encoding));
  c.header('Content-Encoding', encoding);
  return c.body(new Uint8Array(encoded), status);
}
