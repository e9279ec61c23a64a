import { sql } from 'drizzle-orm';
import type { AppDatabase, Queryable } from '../../db/client.js';
import { AppError } from '../errors.js';

export type RateRule = { limit: number; windowSeconds: number };

/**
 * Sliding-window counter kept in PostgreSQL, so the limit holds across restarts and instances. The
 * previous window's hits count in proportion to how much of it still overlaps the last windowSeconds,
 * so a burst cannot double the limit by straddling a window boundary.
 *
 * Only admitted requests are counted: the check and the increment are one statement (the row lock of
 * ON CONFLICT serialises concurrent requests), so a refused client does not push its own wait further
 * out. Refusal is a 429 whose Retry-After is the time until one more request fits. `now` is the
 * clock, injectable for tests.
 */
export async function enforceRateLimit(
  db: Queryable,
  key: string,
  rule: RateRule,
  now: number = Date.now(),
): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const previousStart = windowStart - windowMs;
  // In milliseconds so the comparison is exact: hits + previous × (remaining overlap) + 1 ≤ limit.
  const remainingMs = windowStart + windowMs - now;
  const result = (await db.execute(sql`
    with previous as (
      select coalesce((select hits from rate_limit_buckets
        where key = ${key} and window_start = ${new Date(previousStart).toISOString()}), 0)::bigint as hits),
    admitted as (
      insert into rate_limit_buckets (key, window_start, hits)
      select ${key}, ${new Date(windowStart).toISOString()}, 1 from previous
        where ${windowMs}::bigint + previous.hits * ${remainingMs}::bigint <= ${rule.limit}::bigint * ${windowMs}::bigint
      on conflict (key, window_start) do update set hits = rate_limit_buckets.hits + 1
        where (rate_limit_buckets.hits + 1) * ${windowMs}::bigint
          + (select hits from previous) * ${remainingMs}::bigint <= ${rule.limit}::bigint * ${windowMs}::bigint
      returning hits)
    select (select hits from admitted) as admitted,
      coalesce((select hits from rate_limit_buckets
        where key = ${key} and window_start = ${new Date(windowStart).toISOString()}), 0) as current,
      (select hits from previous) as previous`)) as unknown as {
    rows: { admitted: number | string | null; current: number | string; previous: number | string }[];
  };
  const row = result.rows[0];
  if (row?.admitted !== null && row?.admitted !== undefined) return;
  const waitMs = millisecondsUntilAdmitted(
    { current: Number(row?.current ?? 0), previous: Number(row?.previous ?? 0) },
    rule,
    now - windowStart,
  );
  throw new AppError(429, 'rate_limited', [], {
    'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
  });
}

/**
 * Several limits on one request (per address and per e-mail, say): admitted by all or counted by none,
 * since a refusal rolls back the transaction the others were counted in.
 */
export async function enforceRateLimits(
  db: AppDatabase,
  limits: { key: string; rule: RateRule }[],
  now: number = Date.now(),
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { key, rule } of limits) await enforceRateLimit(tx, key, rule, now);
  });
}

/**
 * How long until one more request fits, if nothing else is admitted meanwhile. Within this window the
 * previous window's weight fades; once this window is full, the wait runs into the next one, where
 * this window's hits fade in turn. Whole milliseconds, rounded up, so waiting that long is enough.
 */
export function millisecondsUntilAdmitted(
  hits: { current: number; previous: number },
  rule: RateRule,
  elapsedMs: number,
): number {
  const windowMs = rule.windowSeconds * 1000;
  const room = rule.limit - 1;
  if (hits.current <= room) {
    // previous × (windowMs − elapsed) / windowMs ≤ room − current
    if (hits.previous === 0) return 0;
    const overlapAllowed = Math.floor(((room - hits.current) * windowMs) / hits.previous);
    return Math.max(0, windowMs - overlapAllowed - elapsedMs);
  }
  // Next window: current × (windowMs − elapsedNext) / windowMs ≤ room
  const overlapAllowed = Math.floor((room * windowMs) / hits.current);
  return windowMs - elapsedMs + (windowMs - overlapAllowed);
}

export async function pruneRateLimits(db: AppDatabase): Promise<void> {
  await db.execute(sql`delete from rate_limit_buckets where window_start < now() - interval '2 days'`);
}
