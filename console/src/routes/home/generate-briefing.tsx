import { api, read } from '../../api';
import { useBriefRun } from '../../components/use-brief-run';

/**
 * "Generate now": builds the viewer's weekly briefing in the background (in the browser's
 * time zone, which becomes theirs) and shows its progress until Home shows the new one.
 */
export function GenerateBriefing() {
  const { start, current, percent } = useBriefRun(
    () =>
      read(
        api.POST('/briefings/weekly/runs', { body: { time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone } }),
      ),
    ['home'],
  );
  const working =
    start.isPending || (current !== undefined && current.status !== 'done' && current.status !== 'failed');

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
