import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, read, type Schemas } from '../api';

type BriefRun = Schemas['BriefRun'];

const POLL_MS = 400;

/**
 * A background brief run started by `startRun`, polled until it is done or failed; when
 * done, `refreshKey` is invalidated so the page shows what the run built. One place for the
 * account page's "Regenerate brief" and Home's "Generate now".
 */
export function useBriefRun(startRun: () => Promise<BriefRun>, refreshKey: QueryKey) {
  const queryClient = useQueryClient();
  const start = useMutation({ mutationFn: startRun });
  const runId = start.data?.id;
  const run = useQuery({
    queryKey: ['brief-run', runId],
    queryFn: () => read(api.GET('/brief-runs/{id}', { params: { path: { id: runId! } } })),
    enabled: Boolean(runId),
    initialData: start.data,
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : POLL_MS),
  });
  const current = run.data;
  const finished = current?.status === 'done';
  const refreshHash = JSON.stringify(refreshKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is compared by its JSON, not by identity
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: refreshKey });
  }, [finished, refreshHash, queryClient]);
  return { start, current, finished, percent: Math.round((current?.progress ?? 0) * 100) };
}
