import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../../db/client.js';

/** Fresh planner statistics for the community tables after bulk changes (see enishi_analyze_community). */
export async function refreshCommunityStatistics(db: AppDatabase) {
  await db.execute(sql`select enishi_analyze_community()`);
}
