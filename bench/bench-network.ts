import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type TestServer, testTarget } from '../server/test/harness.js';

/** The p-th percentile of the timings (nearest rank). */
export const percentile = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;

/**
 * Fresh planner statistics after a bench's bulk writes, as autovacuum would gather them. The
 * application role may not ANALYZE tables it does not own, so on a server this connects as the owner
 * (TEST_DATABASE_URL) to the bench's database; PGlite runs as its superuser. Without them the planner
 * takes thousands of freshly written rows for one.
 */
export async function analyzeAsOwner(server: TestServer): Promise<void> {
  if (testTarget !== 'server') {
    await server.deps.database.db.execute(sql`analyze`);
    return;
  }
  const [{ name }] = (
    (await server.deps.database.db.execute(sql`select current_database() as name`)) as unknown as {
      rows: [{ name: string }];
    }
  ).rows;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const owner = new pg.Client({ connectionString: url.toString() });
  await owner.connect();
  try {
    await owner.query('analyze');
  } finally {
    await owner.end();
  }
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
    `${name.padEnd(44)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  (${requests} requests; ${describe(last!.body as TBody)})`,
  );
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
