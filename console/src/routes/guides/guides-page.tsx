import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, read } from '../../api';
import { formatDateTime, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { Empty, QueryView } from '../../components/states';
import { useMe } from '../../me';
import { NewGuideForm } from './new-guide-form';

/** The workspace's interview guides with their current version. */
export default function GuidesPage() {
  const guides = useQuery({ queryKey: ['guides'], queryFn: () => read(api.GET('/guides')) });
  const isAdmin = useMe().member.role === 'admin';
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title="Guides" subtitle="Interview designs, one per lifecycle moment" />
      {isAdmin && !creating ? (
        <p>
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New guide
          </button>
        </p>
      ) : null}
      {creating ? <NewGuideForm onCancel={() => setCreating(false)} /> : null}
      <QueryView query={guides}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty title="No guides yet">Every new workspace starts with the six lifecycle templates.</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>Guide</th>
                    <th>Moment</th>
                    <th className="num">Version</th>
                    <th className="num">Interviews</th>
                    <th>Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((g) => (
                    <tr key={g.id}>
                      <td>
                        <Link to={`/guides/${g.id}`}>{g.name}</Link>
                        {g.archived ? <span className="pill pill-neutral"> Archived</span> : null}
                      </td>
                      <td>{humanize(g.moment)}</td>
                      <td className="num">
                        v{g.current_version}
                        <small>{g.versions} saved</small>
                      </td>
                      <td className="num">{g.interviews}</td>
                      <td>{formatDateTime(g.updated_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
