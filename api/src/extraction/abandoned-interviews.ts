import type { AppDeps } from '../app-deps';

/** How long a started interview may sit idle before it counts as abandoned. */
export const ABANDON_AFTER_MS = 30 * 60 * 1000;

/**
 * Marks interviews that have been idle for 30 minutes with at least one customer answer as
 * abandoned, and queues their extraction. Runs across workspaces (a periodic job); each
 * queued job carries its own workspace. Idle interviews without an answer are left alone.
 */
export async function markAbandonedInterviews(deps: Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now'>) {
  const now = deps.now();
  const cutoff = new Date(now.getTime() - ABANDON_AFTER_MS);
  const abandoned = await deps.db
    .updateTable('interviews')
    .set({ status: 'abandoned', ended_at: now })
    .where('status', '=', 'started')
    .where('last_activity_at', '<', cutoff)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('messages')
          .select('messages.id')
          .whereRef('messages.interview_id', '=', 'interviews.id')
          .where('messages.role', '=', 'customer'),
      ),
    )
    .returning(['id', 'workspace_id'])
    .execute();
  for (const row of abandoned) {
    await deps.jobs.send(
      'extract-interview',
      { workspaceId: row.workspace_id, interviewId: row.id },
      { singletonKey: `extract:${row.id}` },
    );
  }
  if (abandoned.length) deps.log.info({ count: abandoned.length }, 'idle interviews marked abandoned');
  return abandoned.length;
}
