import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client.js';
import { AppError } from '../errors.js';

export type RateRule = { limit: number; windowSeconds: number };

/**
 * Sliding-window counter kept in PostgreSQL, so the limit holds across restarts and instances. The
 * previous window's hits count in proportion to how much of it still overlaps the last windowSeconds,
 * so a burst cannot double the limit by straddling a window boundary. Throws 429 with Retry-After.
 */
export async function enforceRateLimit(db: AppDatabase, key: string, rule: RateRule): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const now = Date.now();
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const previousStart = new Date(windowStart.getTime() - windowMs);
  const result = (await db.execute(sql`
    with current as (
      insert into rate_limit_buckets (key, window_start, hits) values (${key}, ${windowStart.toISOString()}, 1)
      on conflict (key, window_start) do update set hits = rate_limit_buckets.hits + 1
      returning hits)
    select (select hits from current) as hits,
      coalesce((select hits from rate_limit_buckets where key = ${key} and window_start = ${previousStart.toISOString()}), 0) as previous`)) as unknown as {
    rows: { hits: number; previous: number }[];
  };
  const hits = Number(result.rows[0]?.hits ?? 0);
  const previous = Number(result.rows[0]?.previous ?? 0);
  const overlap = 1 - (now - windowStart.getTime()) / windowMs;
  if (hits + previous * overlap > rule.limit) {
    const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now) / 1000);
    throw new AppError(429, 'rate_limited', [], { 'retry-after': String(Math.max(retryAfter, 1)) });
  }
}

export async function pruneRateLimits(db: AppDatabase): Promise<void> {
  await db.execute(sql`delete from rate_limit_buckets where window_start < now() - interval '2 days'`);
}
