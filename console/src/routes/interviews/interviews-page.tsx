import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Query, read } from '../../api';
import { ModeBadge, StatusBadge } from '../../components/badges';
import { formatDateTime, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useUrlFilters } from '../../components/use-url-filters';

const statuses = ['invited', 'started', 'completed', 'abandoned', 'expired', 'declined'];

/** Every interview of the workspace, newest first, with its status and the mode it ran in. */
export default function InterviewsPage() {
  const { params, update } = useUrlFilters();
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useQuery({
    queryKey: ['interviews', { status, page }],
    queryFn: () => read(api.GET('/interviews', { params: { query: { status, page } as Query<'/interviews', 'get'> } })),
    placeholderData: keepPreviousData,
  });
  const set = (k: string, v: string) => update({ [k]: v });
  return (
    <>
      <PageHeader title="Interviews" subtitle={list.data ? `${list.data.total.toLocaleString()} interviews` : null} />
      <div className="toolbar">
        <label>
          Status
          <select value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">All</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
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
        <Empty title="No interviews yet">Interviews appear here when a trigger fires or a contact is invited.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Contact</th>
                <th>Account</th>
                <th>Guide</th>
                <th>Status</th>
                <th>Mode</th>
                <th>Channel</th>
                <th className="num">Signals</th>
                <th>Invited</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={`/interviews/${i.id}`}>{i.contact_name ?? i.contact_email ?? 'Unknown contact'}</Link>
                    {i.contact_name && i.contact_email ? <small>{i.contact_email}</small> : null}
                  </td>
                  <td>{i.account_id ? <Link to={`/accounts/${i.account_id}`}>{i.account_name}</Link> : '—'}</td>
                  <td>{i.guide_name}</td>
                  <td>
                    <StatusBadge status={i.status} />
                  </td>
                  <td>
                    <ModeBadge mode={i.mode} />
                  </td>
                  <td>{i.channel === 'in_app' ? 'In-app' : 'Email'}</td>
                  <td className="num">{i.signal_count}</td>
                  <td className="nowrap">{formatDateTime(i.invited_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            page={list.data.page}
            pageSize={list.data.page_size}
            total={list.data.total}
            go={(p) => set('page', String(p))}
          />
        </div>
      )}
    </>
  );
}
