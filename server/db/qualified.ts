import { getTableName, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A column written with its table's name. Drizzle writes columns bare in single-table selects, and a
 * bare name inside a correlated subquery binds to the subquery's own table when it has a column of
 * that name; outer references in shared SQL fragments use this so they always mean the outer row.
 */
export function qualified(column: AnyPgColumn): SQL {
  return sql.raw(`"${getTableName(column.table)}"."${column.name}"`);
}
