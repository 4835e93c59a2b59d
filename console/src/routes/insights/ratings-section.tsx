import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, read, type Schemas } from '../../api';
import { formatDay, humanize } from '../../components/format';
import { DetractorReasons, RatingHeadlines, ratingHeadline } from '../../components/ratings';
import { QueryView } from '../../components/states';

type Scale = Schemas['RatingReport']['overall'][number]['scale'];

const scaleTitles: Record<Scale, string> = {
  nps: 'NPS per week',
  csat: 'CSAT per week (average, 1–5)',
  ces: 'CES per week (average, 1–7, higher is easier)',
};
// NPS runs −100…100; the averages run over their own scale.
const domains: Record<Scale, [number, number]> = { nps: [-100, 100], csat: [1, 5], ces: [1, 7] };

/** Scores from rating topics: headline per scale, weekly trend, per moment and account, and why the low ones. */
export function RatingsSection() {
  const report = useQuery({ queryKey: ['ratings'], queryFn: () => read(api.GET('/ratings')) });
  return (
    <QueryView query={report}>
      {(d) =>
        d.overall.length === 0 ? null : (
          <section className="card" aria-labelledby="ratings-h" style={{ marginBottom: 16 }}>
            <h2 id="ratings-h">Scores (NPS, CSAT, CES)</h2>
            <RatingHeadlines figures={d.overall} />
            <div className="grid grid-2">
              {d.overall.map(({ scale }) => (
                <figure key={scale} className="rating-chart">
                  <figcaption>{scaleTitles[scale]}</figcaption>
                  <div className="chart">
                    <ResponsiveContainer width="100%" height="100%">
                      <LineChart
                        data={d.weekly
                          .filter((w) => w.scale === scale)
                          .map((w) => ({ week: formatDay(w.week), score: w.score, responses: w.responses }))}
                      >
                        <CartesianGrid strokeDasharray="3 3" vertical={false} />
                        <XAxis dataKey="week" fontSize={12} />
                        <YAxis domain={domains[scale]} fontSize={12} />
                        <Tooltip />
                        <Line
                          isAnimationActive={false}
                          dataKey="score"
                          name={scale === 'nps' ? 'NPS' : 'Average'}
                          stroke="#3b4fd8"
                          strokeWidth={2}
                        />
                      </LineChart>
                    </ResponsiveContainer>
                  </div>
                </figure>
              ))}
            </div>
            <div className="grid grid-2" style={{ marginTop: 16 }}>
              <div>
                <h3>By moment</h3>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Moment</th>
                      <th scope="col">Score</th>
                      <th scope="col">Responses</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.by_moment.map((m) => (
                      <tr key={`${m.moment}-${m.scale}`}>
                        <td>{humanize(m.moment)}</td>
                        <td>{ratingHeadline(m)}</td>
                        <td className="num">{m.responses}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <h3>By account</h3>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Account</th>
                      <th scope="col">Score</th>
                      <th scope="col">Responses</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.by_account.slice(0, 10).map((a) => (
                      <tr key={`${a.account_id}-${a.scale}`}>
                        <td>
                          <Link to={`/accounts/${a.account_id}`}>{a.account_name}</Link>
                        </td>
                        <td>{ratingHeadline(a)}</td>
                        <td className="num">{a.responses}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div>
                <h3>Why the low scores</h3>
                <DetractorReasons reasons={d.detractor_reasons} />
              </div>
            </div>
          </section>
        )
      }
    </QueryView>
  );
}
