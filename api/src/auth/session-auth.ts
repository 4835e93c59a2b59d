import { createMiddleware } from 'hono/factory';
import { AppError } from '../app-error';
import type { AppEnv } from '../http/app-env';
import { findSignedInMember } from './sessions';

/**
 * Console auth: the session cookie → the signed-in member and their workspace.
 * Sets `c.var.ws` and `c.var.member`; answers 401 in the error shape when signed out.
 */
export const sessionAuth = createMiddleware<AppEnv>(async (c, next) => {
  const found = await findSignedInMember(c.get('deps'), c.req.raw.headers);
  if (!found) throw new AppError('unauthorized', 'Sign in with a one-time link to use the console.');
  c.set('ws', { id: found.member.workspace_id });
  c.set('member', {
    id: found.member.id,
    email: found.member.email,
    name: found.member.name,
    role: found.member.role,
  });
  await next();
  // A session extended on use comes back with a fresh cookie; pass it on.
  for (const cookie of found.setCookies) c.res.headers.append('set-cookie', cookie);
});

/** Lets only members with the given role through (after `sessionAuth`); others get 403. */
export const requireRole = (role: 'admin' | 'csm') =>
  createMiddleware<AppEnv>(async (c, next) => {
    const member = c.get('member');
    if (!member) throw new AppError('unauthorized', 'Sign in with a one-time link to use the console.');
    if (member.role !== role && member.role !== 'admin')
      throw new AppError('forbidden', `This needs the ${role} role; you are signed in as ${member.role}.`);
    await next();
  });
