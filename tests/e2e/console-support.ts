/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createLoginLink } from '@candor/api/auth/login-links';
import type { Database } from '@candor/migrations';
import axe from 'axe-core';
import type { Insertable } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { artifactsDir, type CandorServer, launchBrowser, startCandorServer } from '../support/browser';
import { createTestWorkspace, type TestApp } from '../support/harness';
import { repoRoot } from '../support/processes';

/** Builds console/dist when it is missing or older than the console's sources (shared/ is bundled in too). */
export function ensureConsoleBuilt() {
  const built = path.join(repoRoot, 'console/dist/index.html');
  const newest = Math.max(
    newestSource(path.join(repoRoot, 'console/src')),
    newestSource(path.join(repoRoot, 'shared/src')),
  );
  if (fs.existsSync(built) && newest < fs.statSync(built).mtimeMs) return;
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: path.join(repoRoot, 'console'),
    stdio: 'pipe',
  });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** axe-core's serious and critical violations on the current page. */
export async function seriousA11yViolations(page: Page) {
  // Evaluated through the DevTools protocol, not added as a <script>: the console's CSP
  // (rightly) refuses inline script.
  await page.evaluate(`${axe.source}\n;undefined`);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target) }));
}

/** A full-page screenshot at tests/artifacts/console-<name>.png. */
export async function screenshotPage(page: Page, name: string) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `console-${name}.png`), fullPage: true });
}

/** Screenshots the page as `name`, then expects axe to find no serious or critical violations. */
export async function expectAccessible(page: Page, name: string) {
  await screenshotPage(page, name);
  expect(await seriousA11yViolations(page), name).toEqual([]);
}

/** A console page in a fresh desktop-sized Chromium, signed in through a login link. */
export async function signedInConsolePage(
  candor: CandorServer,
  member: Parameters<typeof createLoginLink>[1],
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
  const { url } = await createLoginLink(candor.t.deps, member);
  await signInThroughLink(page, url);
  return { browser, page };
}

/** Opens a sign-in link and presses its "Sign in as …" button, as a person does; opening alone signs no one in. */
export async function signInThroughLink(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: /^Sign in as / }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

/** A console page signed in as carol@vendor.io, a CSM in the workspace: the member the account pages are written for. */
export function signedInAsCsm(candor: CandorServer, workspaceId: string) {
  return signedInConsolePage(candor, { workspaceId, email: 'carol@vendor.io', role: 'csm' });
}

/** Builds the console, starts Candor and creates an empty test workspace called `name`. */
export async function startWithWorkspace(name: string) {
  ensureConsoleBuilt();
  const candor = await startCandorServer();
  const ws = await createTestWorkspace(candor.t, name);
  return { candor, t: candor.t, ws };
}

/** Inserts an account with no attributes and no health reasons yet; returns its id. */
export async function insertAccount(
  t: TestApp,
  workspaceId: string,
  values: Omit<Insertable<Database['accounts']>, 'workspace_id' | 'attributes' | 'health_reasons'>,
): Promise<string> {
  const account = await t.deps.db
    .insertInto('accounts')
    .values({ workspace_id: workspaceId, attributes: {}, health_reasons: [], ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  return account.id;
}

/** Builds the console and starts Candor on the seeded demo workspace; returns the server, workspace and its admin. */
export async function startOnDemoWorkspace(env: Record<string, string> = {}) {
  ensureConsoleBuilt();
  const server = await startCandorServer(env);
  // Loaded after the app so zod's OpenAPI extension is in place before the seed's schemas load.
  const { seedDemoWorkspace } = await import('@candor/api/demo/seed-demo');
  const workspaceId = (await seedDemoWorkspace(server.t.deps)).workspace.id;
  const admin = await server.t.deps.db
    .selectFrom('members')
    .select(['id', 'email'])
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .orderBy('email')
    .executeTakeFirstOrThrow();
  return { server, workspaceId, admin };
}
