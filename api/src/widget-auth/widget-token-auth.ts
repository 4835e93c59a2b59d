import { createMiddleware } from 'hono/factory';
import { AppError } from '../app-error';
import type { AppEnv } from '../http/app-env';
import { type InterviewAccess, readAccessToken } from './tokens';

export type WidgetEnv = AppEnv & { Variables: AppEnv['Variables'] & { access: InterviewAccess } };

/**
 * Widget API auth: `Authorization: Bearer <widget token | link token>`. Sets the workspace
 * and who the token speaks for; which interviews it reaches is checked per route.
 */
export const widgetTokenAuth = createMiddleware<WidgetEnv>(async (c, next) => {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const access = match?.[1] ? await readAccessToken(c.get('deps'), match[1]) : null;
  if (!access) throw new AppError('unauthorized', 'Send a valid widget or interview link token as a Bearer token.');
  c.set('ws', { id: access.workspaceId });
  c.set('access', access);
  await next();
});
