/** A ranked list drawn as bars, with an optional note and quote under each row. */
export function RankedBars({
  rows,
  empty,
}: {
  rows: { label: string; count: number; value?: string; quote?: string | null; note?: string }[];
  empty: string;
}) {
  if (rows.length === 0) return <p className="meta">{empty}</p>;
  const max = Math.max(...rows.map((r) => r.count));
  return (
    <div>
      {rows.map((r) => (
        <div key={r.label}>
          <div className="bar-row">
            <span>{r.label}</span>
            <span className="bar" style={{ width: `${(r.count / max) * 100}%` }} aria-hidden="true" />
            <span className="num">{r.value ?? r.count}</span>
          </div>
          {r.note || r.quote ? (
            <div className="meta">
              {r.note}
              {r.quote ? <blockquote className="quote">“{r.quote}”</blockquote> : null}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
