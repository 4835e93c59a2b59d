import type { AppDeps } from '../app-deps';
import type { Ws } from '../db/tenant';

/** Hands a finished interview to extraction (`extract-interview`), once per interview. */
export async function enqueueExtraction(deps: Pick<AppDeps, 'jobs' | 'log'>, ws: Ws, interviewId: string) {
  try {
    await deps.jobs.send(
      'extract-interview',
      { workspaceId: ws.id, interviewId },
      { singletonKey: `extract:${interviewId}` },
    );
  } catch (err) {
    // The interview is already stored and extraction can be re-run, so a queue hiccup must not fail the turn.
    deps.log.error({ err, interviewId }, 'could not enqueue extraction');
  }
}
