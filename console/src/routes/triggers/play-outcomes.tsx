import { useQuery } from '@tanstack/react-query';
import { api, read, type Schemas } from '../../api';
import { QueryView } from '../../components/states';
import { stepKinds } from './play-steps-editor';

type TriggerRow = Schemas['TriggerRow'];

const dash = (n: number | undefined) => (n === undefined ? '—' : n);

/** How each step of one play turned out: done, queued, skipped, failed; for a message, shown, dismissed, clicked. */
function PlayOutcome({ play }: { play: TriggerRow }) {
  const steps = useQuery({
    queryKey: ['triggers', play.id, 'steps'],
    queryFn: () => read(api.GET('/triggers/{id}/steps', { params: { path: { id: play.id } } })),
  });
  return (
    <section className="card play-outcome" aria-labelledby={`play-${play.id}`}>
      <h3 id={`play-${play.id}`}>{play.name}</h3>
      <QueryView query={steps}>
        {({ steps: rows }) =>
          rows.length === 0 ? (
            <p className="subtitle">Has not fired yet.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>Step</th>
                    <th className="num">Done</th>
                    <th className="num">Queued</th>
                    <th className="num">Skipped</th>
                    <th className="num">Failed</th>
                    <th className="num">Shown</th>
                    <th className="num">Dismissed</th>
                    <th className="num">Clicked</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.step}>
                      <td>{`${r.step + 1}. ${stepKinds.find((k) => k.type === r.type)?.label ?? r.type}`}</td>
                      <td className="num">{r.done}</td>
                      <td className="num">{r.queued}</td>
                      <td className="num">{r.skipped}</td>
                      <td className="num">{r.failed}</td>
                      <td className="num">{dash(r.shown)}</td>
                      <td className="num">{dash(r.dismissed)}</td>
                      <td className="num">{dash(r.clicked)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </section>
  );
}

/** The workspace's plays (signal triggers) and each step's outcomes. */
export function PlayOutcomes({ triggers }: { triggers: TriggerRow[] }) {
  const plays = triggers.filter((t) => (t.rule.when as { type?: string } | undefined)?.type === 'signal');
  if (plays.length === 0) return null;
  return (
    <section aria-labelledby="plays-h" className="play-outcomes">
      <h2 id="plays-h">Play outcomes</h2>
      {plays.map((p) => (
        <PlayOutcome key={p.id} play={p} />
      ))}
    </section>
  );
}
