import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, describeZodError } from '../http/errors';

/** Parses a console request's query string; bad input is a 400 naming the field. */
export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new AppError('invalid_request', 400, describeZodError(parsed.error));
  return parsed.data;
}
