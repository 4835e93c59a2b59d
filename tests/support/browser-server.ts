import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from 'playwright-core';
import type { TestProject } from 'vitest/node';

/**
 * One headless Chromium for the whole run, which every browser test file connects to
 * instead of starting its own: a launch cost each file about a second, and each file
 * still works in browser contexts of its own (cookies, storage and cache are per context,
 * and closing a connected browser closes the contexts it opened).
 */
declare module 'vitest' {
  export interface ProvidedContext {
    browserEndpoint?: string;
  }
}

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; never a browser download. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/** Headless Chromium with the flags that keep it off the network. */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: chromiumPath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** vitest globalSetup: starts the shared browser (when there is a Chromium) and says where it listens. */
export default async function setup(project: TestProject) {
  if (!hasChromium) return;
  const server = await chromium.launchServer(chromiumLaunchOptions);
  project.provide('browserEndpoint', server.wsEndpoint());
  return () => server.close();
}
