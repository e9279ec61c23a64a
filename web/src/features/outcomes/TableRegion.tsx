import type { ReactNode } from 'react';

/**
 * A wide table's scrolling box on a phone: focusable and named, so it can be scrolled from the
 * keyboard and a screen reader announces what it holds.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
