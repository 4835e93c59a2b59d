import { Link } from 'react-router';
import type { Schemas } from '../api';

type BriefSection = Schemas['BriefSection'];

/** A brief's sections; every claim links to the message it quotes, unless its person was erased. */
export function Brief({ sections }: { sections: BriefSection[] }) {
  // Headings with nothing under them are noise: only sections with a claim are shown.
  const shown = sections.filter((s) => s.items.length > 0);
  if (shown.length === 0) return <p className="meta">Nothing cited yet: it fills in as customers answer.</p>;
  return (
    <>
      {shown.map((s) => (
        <div key={s.heading} className="brief-section">
          <h3>{s.heading}</h3>
          <ul className="list">
            {s.items.map((item, i) =>
              item.erased ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: brief items are static text
                <li key={i} className="erased-claim">
                  <ItemText item={item} />
                </li>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: brief items are static text
                <li key={i}>
                  <ItemText item={item} />
                  {item.quote ? <blockquote className="quote">“{item.quote}”</blockquote> : null}
                  {item.interview_id ? (
                    <Link
                      className="meta"
                      to={`/interviews/${item.interview_id}${item.message_id ? `#m-${item.message_id}` : ''}`}
                    >
                      See in transcript
                    </Link>
                  ) : null}
                </li>
              ),
            )}
          </ul>
        </div>
      ))}
    </>
  );
}

/** An item's text, its leading account name a link to the account. */
function ItemText({ item }: { item: BriefSection['items'][number] }) {
  if (!item.account_id || !item.account || !item.text.startsWith(item.account)) return <>{item.text}</>;
  return (
    <>
      <Link to={`/accounts/${item.account_id}`}>
        <strong>{item.account}</strong>
      </Link>
      {item.text.slice(item.account.length)}
    </>
  );
}
