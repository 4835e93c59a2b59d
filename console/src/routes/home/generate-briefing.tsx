import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getJson, sendJson } from '../../api';
import type { BriefRun } from '../../api-types';

const POLL_MS = 400;

/**
 * "Generate now": builds the viewer's weekly briefing in the background (in the browser's
 * time zone, which becomes theirs) and shows its progress until Home shows the new one.
 */
export function GenerateBriefing() {
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () =>
      sendJson<BriefRun>('POST', '/briefings/weekly/runs', {
        time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      }),
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
    if (finished) void queryClient.invalidateQueries({ queryKey: ['home'] });
  }, [finished, queryClient]);
  const working =
    start.isPending || (current !== undefined && current.status !== 'done' && current.status !== 'failed');
  const percent = Math.round((current?.progress ?? 0) * 100);

  return (
    <div className="regenerate">
      <button type="button" className="button" disabled={working} onClick={() => start.mutate()}>
        {working ? 'Generating…' : 'Generate now'}
      </button>
      {working ? (
        <div className="regenerate-progress" role="status" aria-live="polite">
          <progress max={100} value={percent} aria-label="Briefing generation progress" />
          <span className="meta">{current ? `${current.stage} · ${percent}%` : 'Starting…'}</span>
        </div>
      ) : null}
      {current?.status === 'failed' || start.isError ? (
        <p className="meta error-text" role="alert">
          {start.error?.message ?? current?.error ?? 'Generating the briefing failed; try again.'}
        </p>
      ) : null}
    </div>
  );
}
