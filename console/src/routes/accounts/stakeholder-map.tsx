import { Link } from 'react-router';
import type { Schemas } from '../../api';

const partLabel = { champion: 'Champion', economic_buyer: 'Economic buyer' } as const;

/** Everyone the account's interviews speak of — who answered and who they named — with what changed. */
export function StakeholderMap({ people }: { people: Schemas['Stakeholder'][] }) {
  return (
    <section className="card" aria-labelledby="stakeholders-h">
      <h2 id="stakeholders-h">Stakeholders ({people.length})</h2>
      {people.length === 0 ? (
        <p className="meta">Nobody yet: people appear here as customers answer or name colleagues in interviews.</p>
      ) : (
        <ul className="list" aria-label="Stakeholder map">
          {people.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: people have no id; the list is rebuilt whole
            <li key={i}>
              <strong>{p.name ?? `Their ${p.role ?? 'contact'}`}</strong>
              {/* The space goes between the name and each pill, not inside the pill's padding. */}
              {p.part ? (
                <>
                  {' '}
                  <span className="pill pill-info">{partLabel[p.part]}</span>
                </>
              ) : null}
              {p.change ? (
                <>
                  {' '}
                  <span className="pill pill-warn">{p.change}</span>
                </>
              ) : null}
              <div className="meta">
                {[p.name ? p.role : null, p.answered ? 'answered an interview' : null, mentionedBy(p.mentioned_by)]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              {p.evidence ? (
                <blockquote className="quote">
                  <Link to={`/interviews/${p.evidence.interview_id}#m-${p.evidence.message_id}`}>
                    “{p.evidence.quote}”
                  </Link>
                </blockquote>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function mentionedBy(by: string[]): string | null {
  if (by.length === 0) return null;
  return `named by ${by.slice(0, 2).join(', ')}${by.length > 2 ? ` and ${by.length - 2} more` : ''}`;
}
