import { Link } from 'react-router';
import type { Schemas } from '../../api';
import { formatMoneyCompact } from '../../components/format';

/** An admin's view of the team: each CSM's book, what is at risk in it and what is waiting on them. */
export function TeamBreakdown({ team }: { team: NonNullable<Schemas['Home']['team']> }) {
  return (
    <section className="card" aria-labelledby="team-h" style={{ marginBottom: 16 }}>
      <h2 id="team-h">The team</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>CSM</th>
              <th className="num">Accounts</th>
              <th className="num">ARR</th>
              <th className="num">ARR at risk</th>
              <th className="num">Interviews completed</th>
              <th className="num">Open reviews</th>
            </tr>
          </thead>
          <tbody>
            {team.rows.map((r) => (
              <tr key={r.owner_email ?? 'unassigned'}>
                <td>
                  <Link to={`/accounts?owner=${encodeURIComponent(r.owner_email ?? 'none')}`}>
                    {r.owner_email === null ? 'Unassigned' : (r.name ?? r.owner_email)}
                  </Link>
                  {r.name && r.owner_email ? <small>{r.owner_email}</small> : null}
                </td>
                <td className="num">{r.accounts.toLocaleString()}</td>
                <td className="num">{formatMoneyCompact(r.arr_cents)}</td>
                <td className="num">
                  {formatMoneyCompact(r.arr_at_risk_cents)}
                  {r.accounts_at_risk ? <small>{r.accounts_at_risk} at risk</small> : null}
                </td>
                <td className="num">{r.interviews_completed.toLocaleString()}</td>
                <td className="num">{r.open_reviews.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="meta">
        Interviews completed: of those sent in the last 30 days.
        {team.total > team.rows.length ? ` Showing the ${team.rows.length} largest books of ${team.total}.` : ''}
      </p>
    </section>
  );
}
