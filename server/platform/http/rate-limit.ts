import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client.js';
import { AppError } from '../errors.js';

export type RateRule = { limit: number; windowSeconds: number };

/**
 * Fixed-window counter kept in PostgreSQL, so the limit holds across restarts and instances.
 * Throws 429 with Retry-After once the key has used up its window.
 */
export async function enforceRateLimit(db: AppDatabase, key: string, rule: RateRule): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const result = (await db.execute(sql`
    insert into rate_limit_buckets (key, window_start, hits) values (${key}, ${windowStart.toISOString()}, 1)
    on conflict (key, window_start) do update set hits = rate_limit_buckets.hits + 1
    returning hits`)) as unknown as { rows: { hits: number }[] };
  const hits = Number(result.rows[0]?.hits ?? 0);
  if (hits > rule.limit) {
    const retryAfter = Math.ceil((windowStart.getTime() + windowMs - Date.now()) / 1000);
    throw new AppError(429, 'rate_limited', [], { 'retry-after': String(Math.max(retryAfter, 1)) });
  }
}

export async function pruneRateLimits(db: AppDatabase): Promise<void> {
  await db.execute(sql`delete from rate_limit_buckets where window_start < now() - interval '1 day'`);
}
