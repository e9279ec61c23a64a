import { Link, useNavigate } from 'react-router';
import { DeskTable, SortHeader, useRowNavigation } from '../../app/desk-table';
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
  const allOnPage = records.map((r) => r.id);
  const allChosen = allOnPage.length > 0 && allOnPage.every((id) => selected.has(id));

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  const { bodyProps, rowProps } = useRowNavigation(records, {
    onOpen: (record) => navigate(`/t/${props.slug}/admin/registry/${record.id}`),
    onToggle: (record) => toggle(record.id, !selected.has(record.id)),
  });

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
    <DeskTable
      className="registry-table"
      caption={t('registry.table.caption', { count: props.total.toLocaleString(locale) })}
      keys={t('registry.table.keys')}
    >
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
            return (
              <SortHeader
                key={column}
                label={label}
                direction={sortable.direction}
                on={props.sort === sortable.sort}
                onSort={() => props.onSort(sortable.sort)}
              />
            );
          })}
        </tr>
      </thead>
      <tbody {...bodyProps}>
        {records.map((record, index) => (
          <tr key={record.id} {...rowProps(index)} className={selected.has(record.id) ? 'chosen' : undefined}>
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
    </DeskTable>
  );
}
