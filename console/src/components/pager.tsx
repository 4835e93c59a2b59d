/** Previous / next paging with the visible range. */
export function Pager({
  page,
  pageSize,
  total,
  go,
}: {
  page: number;
  pageSize: number;
  total: number;
  go: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  return (
    <nav className="pager" aria-label="Pages">
      <span>
        {from.toLocaleString()}–{Math.min(page * pageSize, total).toLocaleString()} of {total.toLocaleString()}
      </span>
      <span className="buttons">
        <button type="button" className="button" disabled={page <= 1} onClick={() => go(page - 1)}>
          Previous
        </button>
        <button type="button" className="button" disabled={page >= pages} onClick={() => go(page + 1)}>
          Next
        </button>
      </span>
    </nav>
  );
}
