import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { AppError, describeZodError } from '../app-error';
import type { AppEnv } from './app-env';

/**
 * A router whose zod validation failures become our 400 shape with the field path. Every
 * route module builds its router with this so all of them answer bad input the same way.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new AppError('invalid_request', describeZodError(result.error));
    },
  });
}

/** The one error shape of the OpenAPI document, registered once by the app as `Error`. */
export const errorSchema = z
  .object({ error: z.object({ code: z.string().openapi({ example: 'invalid_request' }), message: z.string() }) })
  .openapi('Error');

export const errorSchemaRef = { $ref: '#/components/schemas/Error' } as const;

/** An error response of a route: the shared Error shape, with what the status means there. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchemaRef } },
});

/**
 * A JSON answer of a route, for `responses`: what it means there, then its schema. The /v1
 * routes and the console's declare their answers with this one helper so both documents
 * describe them the same way.
 */
export const json = <T extends ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/**
 * A JSON body of a route, for `request`: required unless `optional` (the widget's start and
 * decline accept none, as older widgets send none).
 */
export const body = <T extends ZodType>(schema: T, options: { optional?: boolean } = {}) => ({
  body: { content: { 'application/json': { schema } }, required: !options.optional },
});
