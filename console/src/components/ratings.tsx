import { Link } from 'react-router';
import type { Schemas } from '../api';
import { formatDay, humanize } from './format';

type RatingFigures = Schemas['RatingReport']['overall'][number];
type DetractorReason = Schemas['RatingReport']['detractor_reasons'][number];

const scaleNames: Record<RatingFigures['scale'], string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

/** "NPS +33" or "CSAT 4.2 / 5": a scale's headline figure as a CSM reads it. */
export function ratingHeadline(f: RatingFigures): string {
  if (f.scale === 'nps') return `NPS ${f.score > 0 ? '+' : ''}${f.score}`;
  return `${scaleNames[f.scale]} ${f.average.toFixed(1)} / ${f.scale === 'csat' ? 5 : 7}`;
}

/** One headline per scale with its response counts. */
export function RatingHeadlines({ figures }: { figures: RatingFigures[] }) {
  return (
    <div className="rating-headlines">
      {figures.map((f) => (
        <div key={f.scale} className="rating-headline">
          <strong>{ratingHeadline(f)}</strong>
          <span className="meta">
            {f.responses} {f.responses === 1 ? 'response' : 'responses'} · {f.promoters}{' '}
            {f.scale === 'nps' ? 'promoters' : 'high'} · {f.passives} {f.scale === 'nps' ? 'passives' : 'neutral'} ·{' '}
            {f.detractors} {f.scale === 'nps' ? 'detractors' : 'low'}
          </span>
        </div>
      ))}
    </div>
  );
}

/** The reasons customers gave for low scores, each quote linking to its place in the transcript. */
export function DetractorReasons({
  reasons,
  showAccount = true,
}: {
  reasons: DetractorReason[];
  showAccount?: boolean;
}) {
  if (reasons.length === 0) return <p className="meta">No low scores in this period.</p>;
  return (
    <ul className="list">
      {reasons.map((r) => (
        <li key={r.message_id}>
          <span className="pill pill-bad">
            {scaleNames[r.scale]} {r.score}
          </span>{' '}
          {showAccount ? (
            r.account_id ? (
              <Link to={`/accounts/${r.account_id}`}>{r.account_name}</Link>
            ) : (
              'Unknown account'
            )
          ) : null}{' '}
          <span className="meta">
            {humanize(r.moment)} · {formatDay(r.at)}
          </span>
          <blockquote className="quote">
            <Link to={`/interviews/${r.interview_id}#m-${r.message_id}`}>
              {r.reason ? `“${r.reason}”` : 'No reason given — open the transcript'}
            </Link>
          </blockquote>
        </li>
      ))}
    </ul>
  );
}
