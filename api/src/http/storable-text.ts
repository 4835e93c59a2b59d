import { createMiddleware } from 'hono/factory';
import { AppError } from '../app-error';
import type { AppEnv } from './app-env';

/** How deeply a JSON body may nest: deeper is no shape any route accepts, only a way to burn stack. */
export const MAX_JSON_DEPTH = 32;

// With the u flag a surrogate pair is one code point, so this matches only unpaired halves.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a string cannot be stored as Postgres text: a NUL byte, or UTF-16 that is not valid Unicode. */
function unstorable(text: string): string | null {
  if (text.includes('\0')) return 'contains a NUL byte';
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate (malformed Unicode)';
  return null;
}

/** `contacts[0].name` from the steps taken into a JSON value. */
function fieldName(path: (string | number)[]): string {
  if (path.length === 0) return 'body';
  return path
    .map((step, i) =>
      typeof step === 'number'
        ? `[${step}]`
        : /^[A-Za-z_$][\w$]*$/.test(step)
          ? i
            ? `.${step}`
            : step
          : `[${JSON.stringify(step)}]`,
    )
    .join('');
}

type Unstorable = { code: 'invalid_text' | 'json_too_deep'; message: string };

/** The first string (value or key) of a parsed JSON body Postgres would refuse, or a nesting too deep. */
export function findUnstorableJson(value: unknown): Unstorable | null {
  const walk = (v: unknown, path: (string | number)[]): Unstorable | null => {
    if (typeof v === 'string') {
      const problem = unstorable(v);
      return problem ? { code: 'invalid_text', message: `${fieldName(path)} ${problem}` } : null;
    }
    if (v === null || typeof v !== 'object') return null;
    if (path.length >= MAX_JSON_DEPTH)
      return { code: 'json_too_deep', message: `${fieldName(path)} nests deeper than ${MAX_JSON_DEPTH} levels` };
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [key, child] of entries) {
      if (typeof key === 'string') {
        const problem = unstorable(key);
        // The key itself may not be printable: name where it sits.
        if (problem) return { code: 'invalid_text', message: `a key in ${fieldName(path)} ${problem}` };
      }
      const found = walk(child, [...path, key]);
      if (found) return found;
    }
    return null;
  };
  return walk(value, []);
}

/**
 * Refuses, before any route runs, text that Postgres cannot store — NUL bytes and lone
 * surrogates in the path, the query or any string of a JSON or form body — and JSON nested
 * deeper than MAX_JSON_DEPTH, with a 400 naming the field. Every route is behind it, so
 * nothing of such a request is written, and no database error carrying the text is raised.
 */
export const storableText = createMiddleware<AppEnv>(async (c, next) => {
  const url = new URL(c.req.url);
  for (const segment of url.pathname.split('/')) {
    const problem = unstorable(safeDecode(segment));
    if (problem) throw new AppError('invalid_text', `the path ${problem}`);
  }
  for (const [name, value] of url.searchParams) {
    const problem = unstorable(name) ?? unstorable(value);
    if (problem) throw new AppError('invalid_text', `query parameter ${fieldName([name])} ${problem}`);
  }
  if (c.req.raw.body === null) return next();
  const type = c.req.header('content-type') ?? '';
  if (/^multipart\//i.test(type)) return next();
  // Hono keeps the text, so the route's own parsing reads the same body again.
  const text = await c.req.text();
  if (/^application\/x-www-form-urlencoded/i.test(type)) {
    for (const [name, value] of new URLSearchParams(text)) {
      const problem = unstorable(name) ?? unstorable(value);
      if (problem) throw new AppError('invalid_text', `${fieldName([name])} ${problem}`);
    }
    return next();
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the route answers that in its own words.
    return next();
  }
  const found = findUnstorableJson(body);
  if (found) throw new AppError(found.code, found.message);
  return next();
});

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
