import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, type Query, read } from '../../api';
import { HealthBadge } from '../../components/badges';
import { formatDay, formatDaysUntil, formatMoney, formatRelative, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useUrlFilters } from '../../components/use-url-filters';

const columns = [
  { key: 'name', label: 'Account' },
  { key: 'health', label: 'Health' },
  { key: 'arr', label: 'ARR', num: true },
  { key: 'renewal', label: 'Renewal' },
  { key: 'owner', label: 'Owner' },
  { key: 'last_touch', label: 'Last touch' },
] as const;

/** The workspace's accounts: filter, sort and page on the server so 10,000 rows stay fast. */
export default function AccountsPage() {
  const { params, update } = useUrlFilters();
  const sort = params.get('sort') ?? 'renewal';
  const order = params.get('order') ?? 'asc';
  const owner = params.get('owner') ?? '';
  const health = params.get('health') ?? '';
  const plan = params.get('plan') ?? '';
  const ae = params.get('ae') ?? '';
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [search, setSearch] = useState(q);

  // Typing searches after a short pause instead of on every key.
  useEffect(() => {
    if (search === q) return;
    const t = setTimeout(() => update({ q: search }), 250);
    return () => clearTimeout(t);
  });

  const facets = useQuery({ queryKey: ['accounts', 'facets'], queryFn: () => read(api.GET('/accounts/facets')) });
  const list = useQuery({
    queryKey: ['accounts', { sort, order, owner, health, plan, ae, q, page }],
    queryFn: () =>
      read(
        api.GET('/accounts', {
          // The URL's sort and order go to the server as they are: it answers a 400 for one it does not know.
          params: { query: { sort, order, owner, health, plan, ae, q, page } as Query<'/accounts', 'get'> },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const toggleSort = (key: string) =>
    update({ sort: key, order: sort === key && order === 'asc' ? 'desc' : key === sort ? 'asc' : defaultOrder(key) });

  return (
    <>
      <PageHeader
        title="Accounts"
        subtitle={list.data ? `${list.data.total.toLocaleString()} accounts` : 'Your book of business'}
      />
      <div className="toolbar">
        <label>
          Search
          <input
            type="search"
            placeholder="Name or id"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-label="Search accounts"
          />
        </label>
        <label>
          Health
          <select value={health} onChange={(e) => update({ health: e.target.value })}>
            <option value="">All</option>
            {facets.data?.health_states.map((h) => (
              <option key={h} value={h}>
                {humanize(h)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Owner
          <select value={owner} onChange={(e) => update({ owner: e.target.value })}>
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
          <select value={plan} onChange={(e) => update({ plan: e.target.value })}>
            <option value="">All plans</option>
            <option value="none">No plan</option>
            {facets.data?.plans.map((p) => (
              <option key={p} value={p}>
                {humanize(p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          AE
          <select value={ae} onChange={(e) => update({ ae: e.target.value })}>
            <option value="">Any AE</option>
            <option value="none">No AE</option>
            {facets.data?.aes.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty title="No accounts match">
          {q || owner || health || plan || ae
            ? 'Try clearing the filters.'
            : 'Send accounts through the server API (POST /v1/accounts).'}
        </Empty>
      ) : (
        <div className="table-wrap" aria-busy={list.isFetching}>
          <table>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th
                    key={c.key}
                    className={'num' in c ? 'num' : undefined}
                    aria-sort={sort === c.key ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button type="button" className="sort-button" onClick={() => toggleSort(c.key)}>
                      {c.label}
                      {sort === c.key ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/accounts/${a.id}`}>{a.name}</Link>
                    <small>
                      {a.external_id}
                      {a.plan ? ` · ${a.plan}` : ''}
                    </small>
                  </td>
                  <td>
                    <HealthBadge state={a.health_state} />
                  </td>
                  <td className="num">{formatMoney(a.arr_cents)}</td>
                  <td>
                    {formatDay(a.renewal_date)}
                    {a.renewal_date ? <small>{formatDaysUntil(a.renewal_date)}</small> : null}
                  </td>
                  <td>
                    {a.owner_email ?? <span className="meta">Unassigned</span>}
                    {a.ae_email ? <small>AE {a.ae_email}</small> : null}
                  </td>
                  <td>{formatRelative(a.last_touch_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            page={list.data.page}
            pageSize={list.data.page_size}
            total={list.data.total}
            go={(p) => update({ page: String(p) })}
          />
        </div>
      )}
    </>
  );
}

const defaultOrder = (key: string) => (key === 'arr' || key === 'health' ? 'desc' : 'asc');
