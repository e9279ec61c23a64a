import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type TestServer, testTarget } from '../server/test/harness.js';

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

/** The p-th percentile of some timings. */
export const percentile = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;
