import type { ReactNode } from 'react';

/** A table that scrolls sideways on narrow screens, reachable by keyboard so its hidden columns can be read. */
export function ScrollTable({ children }: { children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard (axe scrollable-region-focusable)
    <div className="table-wrap" tabIndex={0}>
      {children}
    </div>
  );
}
