import { z } from '@hono/zod-openapi';

/** A contact keeps at most this many attributes, whoever sets them through the widget. */
export const MAX_ATTRIBUTES = 50;
export const MAX_ATTRIBUTE_KEY_CHARS = 100;
/** Per value, as JSON (a string's characters plus its quotes, a list's whole text). */
export const MAX_ATTRIBUTE_VALUE_CHARS = 1000;

type Flat = string | number | boolean | null;
const isFlat = (v: unknown): v is Flat =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * Attributes a browser may send with identify. The publishable key is public, so whatever
 * passes here is attacker-sized: bounded in count, key length and value size, and flat
 * (a value is a string, number, boolean, null or a list of those; no nested objects).
 */
export const widgetAttributes = z
  .record(z.string(), z.unknown())
  .superRefine((attrs, ctx) => {
    const keys = Object.keys(attrs);
    if (keys.length > MAX_ATTRIBUTES)
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_ATTRIBUTES} attributes (got ${keys.length})` });
    for (const key of keys) {
      // An over-long key is not echoed back: it is named by position only.
      if (key.length === 0 || key.length > MAX_ATTRIBUTE_KEY_CHARS) {
        ctx.addIssue({ code: 'custom', message: `attribute keys are 1 to ${MAX_ATTRIBUTE_KEY_CHARS} characters` });
        continue;
      }
      const value = attrs[key];
      if (!(isFlat(value) || (Array.isArray(value) && value.every(isFlat))))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'nested objects are not allowed: use a string, number, boolean, null or a list of those',
        });
      else if (JSON.stringify(value).length > MAX_ATTRIBUTE_VALUE_CHARS)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `at most ${MAX_ATTRIBUTE_VALUE_CHARS} characters per value`,
        });
    }
  })
  .openapi({
    description: `At most ${MAX_ATTRIBUTES} per contact, keys of 1–${MAX_ATTRIBUTE_KEY_CHARS} characters; each value a string, number, boolean, null or a list of those, at most ${MAX_ATTRIBUTE_VALUE_CHARS} characters as JSON. Nested objects are refused.`,
  });

/**
 * The attribute count a contact would end up with; throws nothing, the caller decides.
 * Keys the contact already has do not count twice.
 */
export function mergedAttributeCount(existing: Record<string, unknown>, incoming: Record<string, unknown>): number {
  return Object.keys({ ...existing, ...incoming }).length;
}
