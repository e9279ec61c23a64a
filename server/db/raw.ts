import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from './client.js';
import type { SqlExecutor } from './migrate.js';

/** Runs positional-parameter SQL ($1, $2 …) inside a drizzle transaction, e.g. pg-boss's own statements. */
export function executorFor(queryable: Queryable): SqlExecutor {
  return async (text, values = []) => {
    const chunks: SQL[] = text
      .split(/\$(\d+)/)
      .map((part, index) => (index % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`));
    const result = (await queryable.execute(sql.join(chunks))) as unknown as {
      rows: Record<string, unknown>[];
    };
    return { rows: result.rows };
  };
}

/** The rows of a hand-written statement, the same shape on PGlite and node-postgres. */
export async function queryRows<T = Record<string, unknown>>(
  queryable: Queryable,
  statement: SQL,
): Promise<T[]> {
  const result = (await queryable.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}
