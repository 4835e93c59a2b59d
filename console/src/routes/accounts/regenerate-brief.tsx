import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getJson, sendJson } from '../../api';
import type { BriefRun } from '../../api-types';

const POLL_MS = 400;

/**
 * "Regenerate brief": starts a background run, then shows its progress bar and stage until
 * the account page shows the new version (the run's version is the brief on screen).
 */
export function RegenerateBrief({ accountId, shownVersion }: { accountId: string; shownVersion: number | null }) {
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => sendJson<BriefRun>('POST', `/accounts/${accountId}/brief/runs`),
  });
  const runId = start.data?.id;
  const run = useQuery({
    queryKey: ['brief-run', runId],
    queryFn: () => getJson<BriefRun>(`/brief-runs/${runId}`),
    enabled: Boolean(runId),
    initialData: start.data,
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : POLL_MS),
  });
  const current = run.data;
  const finished = current?.status === 'done';
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ['account', accountId] });
  }, [finished, accountId, queryClient]);

  const arrived = finished && current?.brief_version != null && (shownVersion ?? 0) >= current.brief_version;
  const working = start.isPending || (current !== undefined && !arrived && current.status !== 'failed');
  const percent = Math.round((current?.progress ?? 0) * 100);

  return (
    <div className="regenerate">
      <button type="button" className="button" disabled={working} onClick={() => start.mutate()}>
        {working ? 'Regenerating…' : 'Regenerate brief'}
      </button>
      {working ? (
        <div className="regenerate-progress" role="status" aria-live="polite">
          <progress max={100} value={percent} aria-label="Brief generation progress" />
          <span className="meta">{current ? `${current.stage} · ${percent}%` : 'Starting…'}</span>
        </div>
      ) : null}
      {current?.status === 'failed' ? (
        <p className="meta error-text" role="alert">
          {current.error ?? 'Generating the brief failed; try again.'}
        </p>
      ) : null}
      {start.isError ? (
        <p className="meta error-text" role="alert">
          {start.error.message}
        </p>
      ) : null}
    </div>
  );
}
