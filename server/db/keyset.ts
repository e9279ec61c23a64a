import { type SQL, sql } from 'drizzle-orm';

/** One column of a keyset order, with the value the previous page ended on (null for a null). */
export type KeysetKey = {
  column: SQL;
  direction: 'asc' | 'desc';
  /** Where nulls sort; PostgreSQL's default is last for asc and first for desc. */
  nulls: 'first' | 'last';
  value: SQL | null;
};

/**
 * The rows that come after a position in an order of several columns, some nullable and of mixed
 * directions (where a row comparison `(a, b) < (x, y)` cannot say it): the first column strictly
 * after, or equal to it and the rest after. The last key must be unique and not null (an id).
 */
export function keysetAfter(keys: KeysetKey[]): SQL {
  const [key, ...rest] = keys;
  if (!key) return sql`false`;
  const after = strictlyAfter(key);
  if (rest.length === 0) return after;
  const same = key.value === null ? sql`${key.column} is null` : sql`${key.column} = ${key.value}`;
  return sql`(${after} or (${same} and ${keysetAfter(rest)}))`;
}

function strictlyAfter({ column, direction, nulls, value }: KeysetKey): SQL {
  // A null position: only non-null values follow it, and only when nulls come first.
  if (value === null) return nulls === 'first' ? sql`${column} is not null` : sql`false`;
  const beyond = direction === 'asc' ? sql`${column} > ${value}` : sql`${column} < ${value}`;
  return nulls === 'last' ? sql`(${beyond} or ${column} is null)` : beyond;
}
