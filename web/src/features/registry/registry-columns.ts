import type { MessageKey } from '../../app/messages/ja';
import type { Sort } from './RegistryFilters';

/** The registry table's columns, in their default order. */
export const registryColumns = [
  'name',
  'reading',
  'employeeNumber',
  'lastDepartment',
  'leftOn',
  'status',
  'consent',
  'tags',
] as const;
export type RegistryColumn = (typeof registryColumns)[number];

export const columnLabels: Record<RegistryColumn, MessageKey> = {
  name: 'registry.column.name',
  reading: 'registry.column.reading',
  employeeNumber: 'registry.column.employeeNumber',
  lastDepartment: 'registry.column.lastDepartment',
  leftOn: 'registry.column.leftOn',
  status: 'registry.column.status',
  consent: 'registry.column.consent',
  tags: 'registry.column.tags',
};

/**
 * The columns the list endpoint can order by, each on an index (readingKey, the name key, the
 * leaving-date key) and in one direction: names ascending, leaving date newest first.
 */
export const columnSorts: Partial<
  Record<RegistryColumn, { sort: Sort; direction: 'ascending' | 'descending' }>
> = {
  name: { sort: 'name', direction: 'ascending' },
  reading: { sort: 'reading', direction: 'ascending' },
  leftOn: { sort: 'leftOn', direction: 'descending' },
};

/** Where the chosen columns are kept: per browser, like a spreadsheet's view settings. */
export const columnsStorageKey = 'enishi.registry.columns';

/** The stored choice, keeping only known columns once each; the default when nothing usable is stored. */
export function readColumns(stored: string | null): RegistryColumn[] {
  if (!stored) return [...registryColumns];
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!Array.isArray(parsed)) return [...registryColumns];
    const known = parsed.filter(
      (value, index): value is RegistryColumn =>
        (registryColumns as readonly unknown[]).includes(value) && parsed.indexOf(value) === index,
    );
    if (known.length === 0) return [...registryColumns];
    // 氏名 names each row (its row header), so it is always shown.
    return known.includes('name') ? known : ['name', ...known];
  } catch {
    return [...registryColumns];
  }
}

/** The column list with `column` moved one place towards the start (-1) or the end (+1). */
export function moveColumn(
  columns: RegistryColumn[],
  column: RegistryColumn,
  step: -1 | 1,
): RegistryColumn[] {
  const from = columns.indexOf(column);
  const to = from + step;
  if (from < 0 || to < 0 || to >= columns.length) return columns;
  const next = [...columns];
  next[from] = next[to]!;
  next[to] = column;
  return next;
}
