import type { AppDeps } from '../app-deps';
import type { Ws } from '../db/tenant';
import { jobCatalog } from '../jobs/catalog';

/**
 * Hands a finished interview to extraction (`extract-interview`). The job is looked up at
 * run time so the engine works whether or not extraction is installed in this build.
 */
export async function enqueueExtraction(deps: Pick<AppDeps, 'jobs' | 'log'>, ws: Ws, interviewId: string) {
  if (!Object.hasOwn(jobCatalog, 'extract-interview')) return;
  const send = deps.jobs.send as unknown as (
    name: string,
    payload: unknown,
    options?: { singletonKey?: string },
  ) => Promise<unknown>;
  try {
    await send('extract-interview', { workspaceId: ws.id, interviewId }, { singletonKey: `extract:${interviewId}` });
  } catch (err) {
    // The interview is already stored; extraction can be re-run, so a queue hiccup must not fail the turn.
    deps.log.error({ err, interviewId }, 'could not enqueue extraction');
  }
}
