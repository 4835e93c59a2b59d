import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedTarget } from './ssrf-guard';

export type PostResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

const MAX_READ_BYTES = 64 * 1024;

/**
 * POSTs the body to the URL, connecting only to the addresses already checked (the
 * connection's own DNS lookup is replaced, so a rebinding answer can't redirect it). No
 * redirects are followed; the whole exchange is bounded by `timeoutMs`.
 */
export function postWebhook(
  url: URL,
  targets: ResolvedTarget[],
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostResult> {
  const pinned: LookupFunction = (_host, options, callback) => {
    const list = targets.filter((t) => !options.family || t.family === options.family);
    const usable = list.length > 0 ? list : targets;
    if (options.all) (callback as (e: null, a: ResolvedTarget[]) => void)(null, usable);
    else callback(null, usable[0]?.address ?? '', usable[0]?.family ?? 4);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = client.request(
      url,
      {
        method: 'POST',
        lookup: pinned,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Candor-Webhooks/1',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let read = 0;
        // Drain (bounded) so the socket is released; the receiver's body is not stored.
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_READ_BYTES) res.destroy();
        });
        const done = () =>
          finish(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}` });
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, status: null, error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    req.on('error', (err) => finish({ ok: false, status: null, error: err.message.slice(0, 300) }));
    req.end(body);
  });
}
