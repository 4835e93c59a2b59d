import type { MiddlewareHandler } from 'hono';

/**
 * Lets a route take its JSON body sent as `text/plain`: a cross-origin POST with that type and
 * no custom header is a CORS-simple request, so the browser sends it at once instead of first
 * asking with a preflight OPTIONS (a second round trip on the widget's first call). The body is
 * then validated exactly as JSON sent as `application/json` is.
 *
 * Only for the widget's identify, which carries the publishable key in its body and rides on
 * no cookie: a simple request is what a cross-site form can send, so routes that act on a
 * session must keep requiring `application/json`.
 */
export const plainTextJson: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (/^text\/plain\s*(?:;|$)/i.test(type)) {
    const headers = new Headers(c.req.raw.headers);
    headers.set('content-type', 'application/json');
    // The body may have been read already (Hono keeps the text): hand the new request that text.
    const body = await c.req.text();
    c.req.raw = new Request(c.req.raw.url, { method: c.req.raw.method, headers, body, signal: c.req.raw.signal });
  }
  await next();
};
