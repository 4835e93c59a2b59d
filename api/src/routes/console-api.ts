import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../app-error';
import { requireRole, sessionAuth } from '../auth/session-auth';
import { getAccountDetail } from '../console/account-detail';
import { accountFacets, accountListQuery, listAccounts } from '../console/accounts';
import { editGuide, previewGuide } from '../console/guide-editor';
import { getHome } from '../console/home';
import { getInsights } from '../console/insights';
import { insightsQuery } from '../console/insights-filter';
import { getTranscript, interviewListQuery, listInterviews } from '../console/interviews';
import { readJsonBody, readQuery } from '../console/read-query';
import { createNewGuide, newGuideBody } from '../guides/new-guide';
import type { AppEnv } from '../http/app-env';
import { noQuery } from '../http/list-query';
import {
  checkManualInvitation,
  manualInvitationBody,
  manualInvitationQuery,
  sendManualInvitation,
} from '../triggers/manual-invitation';

/**
 * What the console reads, under /console/api (session cookie; settings live in console-settings.ts).
 * Internal to the console, so these routes stay out of the public OpenAPI document.
 */
export function consoleApiRoutes() {
  const app = new Hono<AppEnv>().basePath('/console/api');
  const signedIn = sessionAuth;
  // Workspace data is private to the member: never cached by a browser or proxy.
  const noStore = createMiddleware<AppEnv>(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const deps = (c: Context<AppEnv>) => c.get('deps');

  app.get('/home', signedIn, noStore, async (c) =>
    c.json(await getHome(deps(c).db, c.get('ws'), c.get('member'), deps(c).now())),
  );
  app.get('/accounts', signedIn, noStore, async (c) =>
    c.json(await listAccounts(deps(c).db, c.get('ws'), readQuery(c, accountListQuery))),
  );
  app.get('/accounts/facets', signedIn, noStore, async (c) => {
    readQuery(c, noQuery);
    return c.json(await accountFacets(deps(c).db, c.get('ws')));
  });
  app.get('/accounts/:id', signedIn, noStore, async (c) =>
    c.json(await getAccountDetail(deps(c).db, c.get('ws'), c.req.param('id'), deps(c).now())),
  );
  // A CSM invites one contact from the account page; fatigue rules are shown before sending.
  app.get('/contacts/:id/invitation-check', signedIn, noStore, async (c) =>
    c.json(await checkManualInvitation(deps(c), c.get('ws'), c.req.param('id'), readQuery(c, manualInvitationQuery))),
  );
  app.post('/contacts/:id/invitations', signedIn, noStore, async (c) => {
    const body = await readJsonBody(c, manualInvitationBody);
    const result = await sendManualInvitation(deps(c), c.get('ws'), c.get('member').id, c.req.param('id'), body);
    return c.json(result, result.outcome === 'invited' ? 201 : 200);
  });
  app.get('/interviews', signedIn, noStore, async (c) =>
    c.json(await listInterviews(deps(c).db, c.get('ws'), readQuery(c, interviewListQuery))),
  );
  app.get('/interviews/:id', signedIn, noStore, async (c) =>
    c.json(await getTranscript(deps(c).db, c.get('ws'), c.req.param('id'))),
  );
  app.get('/insights', signedIn, noStore, async (c) =>
    c.json(await getInsights(deps(c).db, c.get('ws'), readQuery(c, insightsQuery), deps(c).now())),
  );
  app.post('/guides', signedIn, requireRole('admin'), noStore, async (c) =>
    c.json(await createNewGuide(deps(c).db, c.get('ws'), await readJsonBody(c, newGuideBody)), 201),
  );
  app.patch('/guides/:id', signedIn, requireRole('admin'), noStore, async (c) => {
    const input = await c.req.json().catch(() => {
      throw new AppError('invalid_json', 'body: not valid JSON');
    });
    return c.json(await editGuide(deps(c), c.get('ws'), c.req.param('id'), input));
  });
  app.post('/guides/:id/preview', signedIn, requireRole('admin'), noStore, async (c) =>
    c.json(await previewGuide(deps(c), c.get('ws'), c.req.param('id')), 201),
  );
  return app;
}
