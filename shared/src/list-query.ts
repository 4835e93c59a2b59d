import { z } from 'zod';

/**
 * A list endpoint's query string. Unknown parameters are a 400 naming them: a misspelt
 * filter (`?stauts=open`) would otherwise be ignored and silently return everything.
 */
export function listQuery<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? 'not a known query parameter' : undefined),
  });
}

/** The query of a list that takes no parameters at all. */
export const noQuery = listQuery({});
