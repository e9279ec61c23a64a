import { ArrowDown, ArrowUp } from 'lucide-react';
import { type KeyboardEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import type { Sort } from './RegistryFilters';
import { columnLabels, columnSorts, type RegistryColumn } from './registry-columns';
import { fullName, fullReading, type RecordRow } from './registry-model';

/**
 * The registry on a desk: a dense table with a header that stays in view, sortable where the list
 * endpoint has an index, and rows one moves between with ↑/↓ (Home/End) and opens with Enter.
 */
export function RegistryTable(props: {
  slug: string;
  records: RecordRow[];
  total: number;
  columns: RegistryColumn[];
  sort: Sort;
  onSort(sort: Sort): void;
  selected: Set<string>;
  onSelect(next: Set<string>): void;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { records, selected, onSelect } = props;
  // One row is in the tab order at a time (roving focus); the arrows move it.
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(records.length - 1, 0));
  const allOnPage = records.map((r) => r.id);
  const allChosen = allOnPage.length > 0 && allOnPage.every((id) => selected.has(id));

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  const open = (record: RecordRow) => navigate(`/t/${props.slug}/admin/registry/${record.id}`);
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (event.target as HTMLElement).closest('tr');
    const index = row ? Number(row.dataset.index) : -1;
    if (index < 0) return;
    const moveTo = (next: number) => {
      event.preventDefault();
      const target = Math.max(0, Math.min(records.length - 1, next));
      setActive(target);
      event.currentTarget.querySelector<HTMLElement>(`tr[data-index="${target}"]`)?.focus();
    };
    if (event.key === 'ArrowDown') moveTo(index + 1);
    else if (event.key === 'ArrowUp') moveTo(index - 1);
    else if (event.key === 'Home' && event.target === row) moveTo(0);
    else if (event.key === 'End' && event.target === row) moveTo(records.length - 1);
    else if (event.key === 'Enter' && event.target === row) {
      const record = records[index];
      if (record) open(record);
    } else if (event.key === ' ' && event.target === row) {
      event.preventDefault();
      const record = records[index];
      if (record) toggle(record.id, !selected.has(record.id));
    }
  };

  const cell = (record: RecordRow, column: RegistryColumn) => {
    switch (column) {
      case 'name':
        return (
          <th scope="row" key={column}>
            <Link to={`/t/${props.slug}/admin/registry/${record.id}`} tabIndex={-1}>
              {fullName(record)}
            </Link>
          </th>
        );
      case 'reading':
        return <td key={column}>{fullReading(record)}</td>;
      case 'employeeNumber':
        return <td key={column}>{record.employeeNumber ?? ''}</td>;
      case 'lastDepartment':
        return (
          <td key={column} className="clip" title={record.lastDepartment ?? undefined}>
            {record.lastDepartment ?? ''}
          </td>
        );
      case 'leftOn':
        return <td key={column}>{record.leftOn ?? ''}</td>;
      case 'status':
        return (
          <td key={column}>
            <span className={`badge ${record.status === 'excluded' ? 'warn' : ''}`}>
              {t(`status.${record.status}`)}
            </span>
          </td>
        );
      case 'consent':
        return <td key={column}>{t(`consent.${record.contactConsent}`)}</td>;
      case 'tags':
        return (
          <td key={column} className="clip" title={record.hrTags.join('、') || undefined}>
            {record.hrTags.join('、')}
          </td>
        );
    }
  };

  return (
    <div className="desk-table">
      <table className="registry-table">
        <caption>
          {t('registry.table.caption', { count: props.total.toLocaleString(locale) })}
          <span className="muted small"> {t('registry.table.keys')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="select">
              <input
                type="checkbox"
                aria-label={t('registry.selectAll')}
                checked={allChosen}
                onChange={(event) => onSelect(event.target.checked ? new Set(allOnPage) : new Set())}
              />
            </th>
            {props.columns.map((column) => {
              const sortable = columnSorts[column];
              const label = t(columnLabels[column]);
              if (!sortable) {
                return (
                  <th scope="col" key={column}>
                    {label}
                  </th>
                );
              }
              const on = props.sort === sortable.sort;
              const Arrow = sortable.direction === 'ascending' ? ArrowUp : ArrowDown;
              return (
                <th scope="col" key={column} aria-sort={on ? sortable.direction : undefined}>
                  <button
                    type="button"
                    className={`sort-button${on ? ' on' : ''}`}
                    onClick={() => props.onSort(sortable.sort)}
                  >
                    {label}
                    <Arrow aria-hidden="true" size={14} className={on ? '' : 'faint'} />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {records.map((record, index) => (
            <tr
              key={record.id}
              data-index={index}
              tabIndex={index === current ? 0 : -1}
              onFocus={(event) => {
                if (event.target === event.currentTarget) setActive(index);
              }}
              onDoubleClick={() => open(record)}
              className={selected.has(record.id) ? 'chosen' : undefined}
            >
              <td className="select">
                <input
                  type="checkbox"
                  tabIndex={-1}
                  aria-label={fullName(record)}
                  checked={selected.has(record.id)}
                  onChange={(event) => toggle(record.id, event.target.checked)}
                />
              </td>
              {props.columns.map((column) => cell(record, column))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
