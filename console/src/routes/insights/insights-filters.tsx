import { useQuery } from '@tanstack/react-query';
import { api, read, type Schemas } from '../../api';
import { humanize } from '../../components/format';
import { useUrlFilters } from '../../components/use-url-filters';

const MOMENTS = ['onboarding', 'health_pulse', 'churn_risk', 'pre_renewal', 'expansion', 'feature_launch'];
const KEYS = ['owner', 'plan', 'moment', 'from', 'to'] as const;

/**
 * The Insights filters as they stand in the URL (so a reload or a shared link keeps them),
 * the query string to ask the API with, and a setter that resets the pipeline's page.
 */
export function useInsightsFilters() {
  const { params, update, clear } = useUrlFilters('expansion_page');
  const values = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof KEYS)[number], string>;
  const page = Number(params.get('expansion_page') ?? '1') || 1;
  const active = KEYS.some((k) => values[k]);
  return { values, page, update, active, clear };
}

/** The filter bar: owner, plan, moment and date range; the dates show the range the server applied. */
export function InsightsFilterBar({
  filters,
  applied,
}: {
  filters: ReturnType<typeof useInsightsFilters>;
  applied: Schemas['InsightsFilters'] | undefined;
}) {
  const facets = useQuery({ queryKey: ['accounts', 'facets'], queryFn: () => read(api.GET('/accounts/facets')) });
  const { values, update } = filters;
  return (
    <search className="toolbar" aria-label="Filter insights">
      <label>
        Owner
        <select value={values.owner} onChange={(e) => update({ owner: e.target.value })}>
          <option value="">Everyone</option>
          <option value="none">No owner</option>
          {facets.data?.owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label>
        Plan
        <select value={values.plan} onChange={(e) => update({ plan: e.target.value })}>
          <option value="">All plans</option>
          {facets.data?.plans.map((p) => (
            <option key={p} value={p}>
              {humanize(p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Moment
        <select value={values.moment} onChange={(e) => update({ moment: e.target.value })}>
          <option value="">All moments</option>
          {MOMENTS.map((m) => (
            <option key={m} value={m}>
              {humanize(m)}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input
          type="date"
          value={values.from || applied?.from || ''}
          max={values.to || applied?.to}
          onChange={(e) => update({ from: e.target.value })}
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={values.to || applied?.to || ''}
          min={values.from || applied?.from}
          onChange={(e) => update({ to: e.target.value })}
        />
      </label>
      {filters.active ? (
        <button type="button" className="button" onClick={filters.clear}>
          Clear filters
        </button>
      ) : null}
    </search>
  );
}
