import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from './harness';

/**
 * What a test of Candor's calls to a vendor (Slack, HubSpot, Salesforce, Resend) stands on:
 * the real app in this process and msw answering for the vendor at its HTTP boundary. Each
 * test installs the vendor's handlers it needs with `stage.msw.use(…)`; they are dropped
 * after it. Calls no handler answers go out unchanged.
 */
export type VendorStage = { t: TestApp; msw: SetupServer };

/**
 * Registers the describe block's set-up and tear-down of a vendor stage and returns it; `t`
 * is filled in before the block's own beforeAll hooks and tests run.
 */
export function useVendorStage(env: Record<string, string> = {}): VendorStage {
  const stage = { msw: setupServer() } as VendorStage;
  beforeAll(async () => {
    stage.msw.listen({ onUnhandledFrame: 'bypass' });
    stage.t = await startTestApp(env);
  });
  afterEach(() => stage.msw.resetHandlers());
  afterAll(async () => {
    stage.msw.close();
    await stage.t?.close();
  });
  return stage;
}
