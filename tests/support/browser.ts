import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromiumLaunchOptions, chromiumPath, hasChromium } from './browser-server';
import { consoleContractBreak } from './console-contract';
import { startTestApp, type TestApp } from './harness';

export { hasChromium };

if (!hasChromium) console.log(`[e2e] SKIPPED: no Chromium at ${chromiumPath} (install chromium or set CHROMIUM_PATH)`);

/** Where screenshots go (git-ignored); look at them. */
export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));

/**
 * Headless Chromium for one test file: a connection to the run's shared browser
 * (support/browser-server.ts), or a browser of its own outside vitest.
 */
export function launchBrowser(): Promise<Browser> {
  const endpoint = process.env.VITEST ? inject('browserEndpoint') : undefined;
  return endpoint ? chromium.connect(endpoint) : chromium.launch(chromiumLaunchOptions);
}

/** Saves a screenshot to tests/artifacts/<name>.png. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: `${artifactsDir}${name}.png` });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export type CandorServer = {
  t: TestApp;
  origin: string;
  /** Every request the server received, in order: method and path. */
  requests: { method: string; path: string }[];
  close(): Promise<void>;
};

/**
 * The real app listening on a local port, in this process (so msw sees its outgoing model
 * calls). CANDOR_PUBLIC_URL is that address, so emailed links point at it.
 */
export async function startCandorServer(env: Record<string, string> = {}): Promise<CandorServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const t = await startTestApp({ CANDOR_PUBLIC_URL: origin, ...env });
  // Console API answers that break their declared contract fail the file when it closes.
  const contractBreaks: string[] = [];
  const fetch = async (req: Request) => {
    const res = await t.app.fetch(req);
    const broken = await consoleContractBreak(req.method, req.url, res);
    if (broken) contractBreaks.push(broken);
    return res;
  };
  const server = serve({ fetch, port, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  // What reached the server, preflights included (a browser's own request events omit them).
  const requests: { method: string; path: string }[] = [];
  server.on('request', (req: import('node:http').IncomingMessage) =>
    requests.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0] ?? '' }),
  );
  return {
    t,
    origin,
    requests,
    async close() {
      // Keep-alive and streaming connections would hold close() open.
      (server as import('node:http').Server).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
      if (contractBreaks.length) throw new Error(`console API contract:\n${contractBreaks.join('\n')}`);
    },
  };
}

export type HostPage = {
  origin: string;
  url(init: Record<string, unknown>, opts?: { hostile?: boolean }): string;
  close(): Promise<void>;
};

/**
 * A customer's web app on another origin (`localhost` vs Candor's `127.0.0.1`, another port):
 * a strict CSP that allows only itself and the Candor origin, and, unless turned off, hostile
 * global CSS. The snippet is an external file because inline scripts are not allowed.
 */
export async function startHostPage(candorOrigin: string): Promise<HostPage> {
  const nonce = 'h0st-n0nce-123';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const init = url.searchParams.get('init') ?? '{}';
    if (url.pathname === '/snippet.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(
        `window.Candor = window.Candor || function () { (Candor.q = Candor.q || []).push(arguments) };\n` +
          `window.candorEvents = [];\n` +
          `Candor('init', ${JSON.stringify({ ...JSON.parse(init), nonce })});\n` +
          `for (const e of ['shown', 'completed', 'declined']) Candor('on', e, (d) => window.candorEvents.push([e, d]));\n`,
      );
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/hostile.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end('* { all: unset } div { display: none !important } button { color: red !important }');
      return;
    }
    if (url.pathname === '/') {
      const hostile = url.searchParams.get('hostile') !== '0';
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'self'; script-src 'self' ${candorOrigin}; style-src 'self' 'nonce-${nonce}'; connect-src 'self' ${candorOrigin}; img-src 'self'; base-uri 'none'`,
      });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme app</title>
${hostile ? '<link rel="stylesheet" href="/hostile.css">' : `<style nonce="${nonce}">body{font-family:sans-serif;margin:40px}</style>`}
<script async src="${candorOrigin}/widget.js"></script>
<script src="/snippet.js?init=${encodeURIComponent(init)}"></script>
</head><body><main><h1>Acme Analytics</h1><p>Your dashboards</p>
<label for="q">Search</label> <input id="q"> <button id="host-button" type="button">Export</button></main></body></html>`);
      return;
    }
    res.writeHead(404).end();
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
  const origin = `http://localhost:${port}`;
  return {
    origin,
    url: (init, opts = {}) =>
      `${origin}/?init=${encodeURIComponent(JSON.stringify(init))}${opts.hostile === false ? '&hostile=0' : ''}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Collects everything a host page would see go wrong: uncaught errors and console errors (CSP included). */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

/** What a widget browser test stands on: Candor, a third-party host page and Chromium. */
export type WidgetStage = { candor: CandorServer; host: HostPage; browser: Browser };

/**
 * Registers the describe block's set-up and tear-down of a widget stage and returns it;
 * its fields are filled in before the first test runs.
 */
export function useWidgetStage(env: Record<string, string> = {}): WidgetStage {
  const stage = {} as WidgetStage;
  beforeAll(async () => {
    stage.candor = await startCandorServer(env);
    stage.host = await startHostPage(stage.candor.origin);
    stage.browser = await launchBrowser();
  });
  afterAll(async () => {
    await stage.browser?.close();
    await stage.host?.close();
    await stage.candor?.close();
  });
  return stage;
}
