import { Link } from 'react-router';
import type { Schemas } from '../../api';
import { formatDay, formatMoney } from '../../components/format';
import { Pager } from '../../components/pager';

/** The expansion pipeline, one row per account, largest ARR first, paged on the server. */
export function ExpansionPipeline({
  pipeline,
  go,
}: {
  pipeline: Schemas['Insights']['expansion'];
  go: (page: number) => void;
}) {
  if (pipeline.total === 0) return <p className="meta">No expansion intent heard in this range.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>Account</th>
            <th className="num">ARR</th>
            <th className="num">Signals</th>
            <th>Latest</th>
          </tr>
        </thead>
        <tbody>
          {pipeline.items.map((e) => (
            <tr key={e.account_id}>
              <td>
                <Link to={`/accounts/${e.account_id}`}>{e.account_name}</Link>
              </td>
              <td className="num">{formatMoney(e.arr_cents)}</td>
              <td className="num">{e.signals}</td>
              <td>
                <span className="pill pill-good">{e.label}</span> <span className="meta">{formatDay(e.at)}</span>
                {e.quote ? (
                  <blockquote className="quote">
                    <Link to={`/interviews/${e.interview_id}`}>“{e.quote}”</Link>
                  </blockquote>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={pipeline.page} pageSize={pipeline.page_size} total={pipeline.total} go={go} />
    </div>
  );
}
