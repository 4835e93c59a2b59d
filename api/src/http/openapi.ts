import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { AppError, describeZodError } from './errors';

/**
 * A router whose zod validation failures become our 400 shape with the field path. Every
 * route module builds its router with this so all of them answer bad input the same way.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new AppError('invalid_request', 400, describeZodError(result.error));
    },
  });
}

export const errorSchemaRef = { $ref: '#/components/schemas/Error' } as const;
