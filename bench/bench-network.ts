import { sql } from 'drizzle-orm';
import type { TestServer } from '../server/test/harness.js';
import { testTarget } from '../server/test/harness.js';

/** The p-th percentile of the timings (nearest rank). */
export const pct = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;

/**
 * Statistics after bulk seeding, so the planner sees the real row counts rather than an empty
 * table's; on a server as the database owner too (the application role may not analyze every table).
 */
export async function analyzeSeeded(server: TestServer) {
  const db = server.deps.database.db;
  await db.execute(sql`analyze`).catch(() => undefined);
  if (testTarget === 'server') await db.execute(sql`vacuum analyze`).catch(() => undefined);
}

type Answer = { status: number; body: unknown };

/**
 * Times `requests` calls one after another over HTTP, as one person waits for each, and prints the
 * p50 and p95 with a note on what the last answer held; any answer but 200 stops the bench.
 */
export async function measure<TBody>(
  name: string,
  requests: number,
  call: () => Promise<Answer>,
  describe: (body: TBody) => string,
) {
  const times: number[] = [];
  let last: Answer | undefined;
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    last = await call();
    times.push(performance.now() - start);
    if (last.status !== 200) throw new Error(`${name}: ${last.status} ${JSON.stringify(last.body)}`);
  }
  console.log(
    `${name.padEnd(44)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms  p95 ${pct(times, 95).toFixed(1).padStart(6)} ms  (${requests} requests; ${describe(last!.body as TBody)})`,
  );
  return { p50: pct(times, 50), p95: pct(times, 95) };
}
