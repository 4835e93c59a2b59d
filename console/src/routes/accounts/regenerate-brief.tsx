import { api, read } from '../../api';
import { useBriefRun } from '../../components/use-brief-run';

/**
 * "Regenerate brief": starts a background run, then shows its progress bar and stage until
 * the account page shows the new version (the run's version is the brief on screen).
 */
export function RegenerateBrief({ accountId, shownVersion }: { accountId: string; shownVersion: number | null }) {
  const { start, current, finished, percent } = useBriefRun(
    () => read(api.POST('/accounts/{id}/brief/runs', { params: { path: { id: accountId } } })),
    ['account', accountId],
  );
  const arrived = finished && current?.brief_version != null && (shownVersion ?? 0) >= current.brief_version;
  const working = start.isPending || (current !== undefined && !arrived && current.status !== 'failed');

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
