import { ArrowDown, ArrowUp } from 'lucide-react';
import { type KeyboardEvent, type ReactNode, useState } from 'react';

/**
 * The keyboard on a desk table's rows, as in a spreadsheet: one row is in the tab order at a time
 * (roving focus), ↑/↓ and Home/End move between rows, Enter opens the row and Space toggles its
 * selection where the table has them. Keys pressed inside a row's own controls (a select, a button)
 * stay theirs. A row's controls are reached with Tab from the row: only the current row's are in
 * the tab order (`controlTabIndex`), so the table is a couple of stops rather than one per control.
 */
export function useRowNavigation<Row>(
  rows: Row[],
  options: { onOpen?(row: Row): void; onToggle?(row: Row): void } = {},
) {
  const { onOpen, onToggle } = options;
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(rows.length - 1, 0));

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = event.target as HTMLElement;
    if (row.tagName !== 'TR' || row.dataset.index === undefined) return;
    const index = Number(row.dataset.index);
    const moveTo = (next: number) => {
      event.preventDefault();
      const target = Math.max(0, Math.min(rows.length - 1, next));
      setActive(target);
      event.currentTarget.querySelector<HTMLElement>(`tr[data-index="${target}"]`)?.focus();
    };
    const item = rows[index];
    if (event.key === 'ArrowDown') moveTo(index + 1);
    else if (event.key === 'ArrowUp') moveTo(index - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(rows.length - 1);
    else if (event.key === 'Enter' && onOpen && item !== undefined) onOpen(item);
    else if (event.key === ' ' && onToggle && item !== undefined) {
      event.preventDefault();
      onToggle(item);
    }
  };

  const rowProps = (index: number) => ({
    'data-index': index,
    tabIndex: index === current ? 0 : -1,
    // Focus anywhere in the row (a click on its select, say) makes it the current row.
    onFocus: () => setActive(index),
    onDoubleClick: onOpen
      ? () => {
          const item = rows[index];
          if (item !== undefined) onOpen(item);
        }
      : undefined,
  });

  return {
    bodyProps: { onKeyDown },
    rowProps,
    controlTabIndex: (index: number) => (index === current ? 0 : -1),
  };
}

/**
 * A desk table's frame: it scrolls inside the page under a header that stays in view, and its caption
 * names the list and says which keys work.
 */
export function DeskTable(props: { caption: string; keys: string; className?: string; children: ReactNode }) {
  return (
    <div className="desk-table">
      <table className={props.className}>
        <caption>
          {props.caption}
          <span className="muted small"> {props.keys}</span>
        </caption>
        {props.children}
      </table>
    </div>
  );
}

/**
 * A column header the list can be ordered by (one direction, on an index): a button while another
 * order is chosen, and `aria-sort` while it is the order. Without `onSort` it only marks the fixed order.
 */
export function SortHeader(props: {
  label: string;
  direction: 'ascending' | 'descending';
  on: boolean;
  onSort?(): void;
}) {
  const { label, direction, on, onSort } = props;
  const Arrow = direction === 'ascending' ? ArrowUp : ArrowDown;
  return (
    <th scope="col" aria-sort={on ? direction : undefined}>
      {onSort ? (
        <button type="button" className={`sort-button${on ? ' on' : ''}`} onClick={onSort}>
          {label}
          <Arrow aria-hidden="true" size={14} className={on ? '' : 'faint'} />
        </button>
      ) : (
        <span className="sort-fixed">
          {label}
          <Arrow aria-hidden="true" size={14} />
        </span>
      )}
    </th>
  );
}
