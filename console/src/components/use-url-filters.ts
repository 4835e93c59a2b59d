import { useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters kept in the URL, so a reload or a shared link keeps them. `update` sets or clears
 * the given keys and sends the list back to its first page (`pageKey`) unless it sets the
 * page itself. Updates build on the last one, not on the last render: two filters changed
 * before the page re-renders both stick.
 */
export function useUrlFilters(pageKey = 'page') {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  latest.current = params;
  const replace = (next: URLSearchParams) => {
    latest.current = next;
    setParams(next, { replace: true });
  };
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(latest.current);
    for (const [k, v] of Object.entries(changes)) v ? next.set(k, v) : next.delete(k);
    if (!(pageKey in changes)) next.delete(pageKey);
    replace(next);
  };
  return { params, update, clear: () => replace(new URLSearchParams()) };
}
