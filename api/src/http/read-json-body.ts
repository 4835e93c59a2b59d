import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, describeZodError } from '../app-error';

/** Parses a console request's JSON body (an empty body reads as `{}`); bad input is a 400 naming the field. */
export async function readJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text();
  let raw: unknown = {};
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError('invalid_json', 'body: not valid JSON');
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid_request', describeZodError(parsed.error));
  return parsed.data;
}
